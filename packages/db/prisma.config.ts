// Prisma CLI configuration (Prisma 7: the connection URL lives here, not in schema.prisma).
// `prisma generate` needs no database; `prisma migrate deploy` reads DATABASE_URL.
// Without the native schema engine (offline machines), use `pnpm --filter @lagebild/db migrate` instead (see README).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
