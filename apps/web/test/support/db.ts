/**
 * A fresh, migrated Postgres for router tests.
 * - default: an embedded PostgreSQL 18 in a temp directory on a free port (fsync off), stopped and removed afterwards;
 * - with TEST_DATABASE_URL: that database, migrated.
 * `reset()` empties every table, so each test seeds exactly the data it asserts on.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateDeploy, startEmbeddedPostgres, type Db } from "@lagebild/db";

export interface TestDb {
  db: Db;
  url: string;
  reset(): Promise<void>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function openTestDb(): Promise<TestDb> {
  let url = process.env.TEST_DATABASE_URL;
  let cleanup = async () => undefined as void;
  if (!url) {
    const dataDir = mkdtempSync(join(tmpdir(), "lagebild-web-test-"));
    const handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "lagebild_web_test", fast: true });
    url = handle.url;
    cleanup = async () => {
      await handle.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await migrateDeploy(url);
  const db = createDb(url, { poolSize: 4 });
  const reset = async () => {
    // Constant statement (no interpolation). CASCADE empties every dependent table.
    await db.$executeRaw`TRUNCATE "Article", "Actor", "Place", "Event", "IngestRun", "Dossier" RESTART IDENTITY CASCADE`;
  };
  await reset();
  return {
    db,
    url,
    reset,
    close: async () => {
      await db.$disconnect();
      await cleanup();
    },
  };
}
