export { default } from "@lagebild/eslint-config";
