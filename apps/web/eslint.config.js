import base from "@lagebild/eslint-config";

export default [
  ...base,
  { ignores: [".next/**", "next-env.d.ts"] },
];
