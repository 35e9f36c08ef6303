// Brings up what a user gets from `npm start`, in isolation: a fresh embedded Postgres in a temp folder,
// migrations, a real ingest of the seed articles through the CLI, and the built dashboard on E2E_PORT.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDatabase, migrateDeploy } from "@lagebild/db";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const seedsDir = resolve(repoRoot, "../shared/corpus/seeds");
export const E2E_TOKEN = "e2e-secret-token";

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`dashboard did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const dataDir = mkdtempSync(join(tmpdir(), "lagebild-e2e-"));
  const db = await ensureDatabase({ dataDir, port: Number(process.env.E2E_PG_PORT ?? 54339), ignoreEnv: true, setEnv: false, fast: true });
  await migrateDeploy(db.url);
  const env = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" };

  const ingest = spawnSync("pnpm", ["--silent", "ingest", seedsDir], { cwd: repoRoot, env, encoding: "utf8" });
  writeFileSync(join(import.meta.dirname, "../test-results-ingest.log"), `${ingest.stdout}\n${ingest.stderr}`);
  if (ingest.status !== 0) throw new Error(`seed ingest failed (${ingest.status}):\n${ingest.stderr}`);

  const server = spawn(process.execPath, [join(repoRoot, "apps/web/node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: join(repoRoot, "apps/web"),
    env: { ...env, LAGEBILD_INGEST_TOKEN: E2E_TOKEN },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, 60_000);

  return async () => {
    server.kill("SIGTERM");
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
