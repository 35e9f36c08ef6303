// Public API of @lagebild/db. Next.js code should prefer the narrower entry points
// `@lagebild/db/client` (no embedded server, no migration engine) and `@lagebild/db/persist`.
export * from "./client.ts";
export * from "./persist.ts";
export * from "./server.ts";
export * from "./summaries.ts";
export { migrateDeploy, applyMigrationsWasm, diffMigrationsToSchema, diffEmptyToSchema, createMigration, findNativeSchemaEngine, loadMigrations } from "./migrate.ts";
export type { MigrateOptions, MigrateResult } from "./migrate.ts";
