import base from "@lagebild/eslint-config";

export default [...base, { ignores: ["scratch/**"] }];
