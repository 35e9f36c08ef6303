// Picks the PostgreSQL server the tests run against and prepares a migrated template database on it:
// - TEST_DATABASE_URL set: that server (its database is only used to create and drop the run's own databases);
// - otherwise an embedded PostgreSQL in <tmpdir>/lagebild-db-test (port LAGEBILD_TEST_PG_PORT, default 54339),
//   on a free port (or LAGEBILD_TEST_PG_PORT), apart from a development server's data and port.
// Every database this run creates is named `<runPrefix>_…` and dropped at the end, so reruns start clean.
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrationsWasm } from "../src/migrate.ts";
import { startEmbeddedPostgres } from "../src/server.ts";
import { adminQuery, dropRunDatabases, dropStaleRunDatabases, withDatabase } from "./support/db-admin.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL on the test server whose database the tests may connect to for CREATE/DROP DATABASE. */
    adminUrl: string;
    /** Prefix of every database this run creates. */
    runPrefix: string;
    /** Name of a database with all migrations applied, to copy with CREATE DATABASE … TEMPLATE. */
    templateDb: string;
    /** `external` (TEST_DATABASE_URL) or `embedded`. */
    serverKind: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const port = process.env.LAGEBILD_TEST_PG_PORT ? Number(process.env.LAGEBILD_TEST_PG_PORT) : await freePort();
    const handle = await startEmbeddedPostgres({ dataDir: join(tmpdir(), "lagebild-db-test", "postgres"), port, database: "postgres", fast: true });
    adminUrl = handle.url;
    stop = handle.stop;
  }
  await dropStaleRunDatabases(adminUrl);
  const runPrefix = `lbtest_${Date.now().toString(36)}_${process.pid}`;
  const templateDb = `${runPrefix}_template`;
  await adminQuery(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(templateDb)}`));
  await applyMigrationsWasm(withDatabase(adminUrl, templateDb));

  project.provide("adminUrl", adminUrl);
  project.provide("runPrefix", runPrefix);
  project.provide("templateDb", templateDb);
  project.provide("serverKind", process.env.TEST_DATABASE_URL ? "external" : "embedded");

  return async () => {
    await dropRunDatabases(adminUrl, runPrefix);
    await stop?.();
  };
}
