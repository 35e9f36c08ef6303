/**
 * A fresh, migrated Postgres database per test file, dropped afterwards:
 * - default: an embedded PostgreSQL 18 cluster in a temp directory on a free port (fsync off);
 * - with TEST_DATABASE_URL: a new database `lbweb_<random>` on that server (the URL's own database is only used to
 *   create and drop it, never written to).
 * `reset()` empties every table, so each test seeds exactly the data it asserts on.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateDeploy, startEmbeddedPostgres, type Db } from "@lagebild/db";
import pg from "pg";

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

async function admin(url: string, fn: (c: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

export async function openTestDb(): Promise<TestDb> {
  const external = process.env.TEST_DATABASE_URL;
  let url: string;
  let cleanup: () => Promise<void>;
  if (external) {
    // Generated name, quoted with escapeIdentifier: CREATE DATABASE takes no bind parameters.
    const name = `lbweb_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    await admin(external, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
    const u = new URL(external);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = () => admin(external, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
  } else {
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
