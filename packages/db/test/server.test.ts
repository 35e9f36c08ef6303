import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { ensureDatabaseUrl, startEmbeddedPostgres, type DatabaseHandle } from "../src/server.ts";

const run = promisify(execFile);
// A 0700 folder, as mkdtemp makes it: as root, the server must still get the postgres user into the cluster below it.
const base = mkdtempSync(join(tmpdir(), "lagebild-db-srv-"));
const handles: DatabaseHandle[] = [];

afterAll(async () => {
  for (const h of handles) await h.stop();
  rmSync(base, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function answers(url: string) {
  try {
    await query(url, "SELECT 1");
    return true;
  } catch {
    return false;
  }
}

function childStart(dataDir: string, port: number) {
  return run(process.execPath, ["--import", "tsx", join(import.meta.dirname, "support", "start-embedded.ts"), dataDir, String(port)], {
    cwd: join(import.meta.dirname, ".."),
    env: { ...process.env, DATABASE_URL: "" },
  }).then(({ stdout }) => JSON.parse(stdout.trim().split("\n").pop()!) as { source: string; url: string });
}

describe("database selection", () => {
  test("DATABASE_URL wins and nothing is started", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://someone@db.example:5432/elsewhere";
    try {
      const dataDir = join(base, "unused");
      const handle = await ensureDatabaseUrl({ dataDir });
      expect(handle).toMatchObject({ source: "env", embedded: false, url: "postgresql://someone@db.example:5432/elsewhere" });
      expect(`${handle}`).toBe("postgresql://someone@db.example:5432/elsewhere");
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  test("the embedded server is created once, reused by other processes, and keeps its data across restarts", async () => {
    const dataDir = join(base, "pg");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, fast: true });
    handles.push(first);
    expect(first.source).toBe("started");
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    expect(first.url).toBe(`postgresql://postgres:lagebild@127.0.0.1:${port}/lagebild`);
    expect(first.embedded).toBe(true);
    await query(first.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");

    // Another process finds the running server instead of starting a second one; the server outlives it.
    expect(await childStart(dataDir, port)).toEqual({ source: "reused", url: first.url });
    expect(await answers(first.url)).toBe(true);

    await first.stop();
    expect(await answers(first.url)).toBe(false);

    const again = await startEmbeddedPostgres({ dataDir, port, fast: true });
    handles.push(again);
    expect(again.source).toBe("started");
    expect(await query(again.url, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
    await again.stop();
  });

  test("a postmaster.pid left by a crash does not block the next start", async () => {
    const dataDir = join(base, "pg"); // the cluster of the test above when it ran, else created here
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, fast: true });
    await first.stop();
    // A pid that no longer runs, as after a kill -9 of the server.
    const { stdout } = await run(process.execPath, ["-e", "console.log(process.pid)"]);
    writeFileSync(join(dataDir, "postmaster.pid"), `${stdout.trim()}\n${dataDir}\n0\n${port}\n\n127.0.0.1\n0 0\nready\n`);

    const handle = await startEmbeddedPostgres({ dataDir, port, fast: true });
    handles.push(handle);
    expect(handle.source).toBe("started");
    expect(await answers(handle.url)).toBe(true);
    await handle.stop();
  });

  test("a port taken by something else is reported, not mistaken for our server", async () => {
    const srv = createServer((s) => s.destroy());
    const port = await new Promise<number>((resolve) => srv.listen(0, "127.0.0.1", () => resolve((srv.address() as { port: number }).port)));
    try {
      await expect(ensureDatabaseUrl({ forceEmbedded: true, setEnv: false, dataDir: join(base, "busy"), port })).rejects.toThrow(/port \d+ is used by another server/);
    } finally {
      srv.close();
    }
  });
});
