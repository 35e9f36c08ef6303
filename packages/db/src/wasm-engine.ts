// The Prisma schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven through the pg driver adapter.
// Used to apply and diff migrations where the native schema engine binary cannot be downloaded.
// See /work/shared/notes/prisma-offline-migrations.md for the pitfalls worked around here.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlQueryable, SqlResultSet } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

export type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: object };
}

let enginePromise: Promise<Glue> | undefined;

class WasmPanicRegistry {
  message = "";
  set_message(value: string) {
    this.message = `RuntimeError: ${value}`;
  }
}

/**
 * Loads the engine once per process. The package entry does `import "./schema_engine_bg.wasm"`, which Node cannot
 * load, so the module is instantiated here with the package's wasm-bindgen glue.
 */
function loadGlue(): Promise<Glue> {
  enginePromise ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry };
    g.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
    const bytes = readFileSync(join(dirname(gluePath), "schema_engine_bg.wasm"));
    // The tsconfig's libs (ES2023, no DOM) do not declare the WebAssembly global that Node provides.
    const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const module = new WA.Module(bytes);
    const instance = new WA.Instance(module, { "./schema_engine_bg.js": glue });
    const exports = instance.exports as unknown as { __wbindgen_start(): void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return glue;
  })();
  return enginePromise;
}

/** Discrete connection fields: PrismaPg builds its shadow-database pool as `{ ...config, database }`. */
export function connectionConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") throw new Error(`not a postgres URL: ${u.protocol}`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  const config: pg.PoolConfig = {
    host: decodeURIComponent(u.hostname) || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database,
    max: 4,
  };
  const host = u.searchParams.get("host");
  if (host) config.host = host; // unix socket directory
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode && sslmode !== "disable") config.ssl = sslmode === "no-verify" ? { rejectUnauthorized: false } : true;
  return config;
}

/** Postgres's internal `"char"` type (e.g. `pg_constraint.contype`), which adapter-pg 7.10 cannot map. */
const CHAR_OID = 18;
const TEXT_OID = 25;
/** Appended to the name of a `"char"` result column on its way through adapter-pg, removed again by `fixCharColumns`. */
const CHAR_MARK = "\u0000lagebild:char";

/**
 * A pg client that passes `"char"` result columns through adapter-pg as marked text columns. The schema engine reads
 * such columns while introspecting a database and needs them reported as `Character`; adapter-pg rejects their type id
 * ("Column type 'char' could not be deserialized").
 */
class CharMarkingClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // pg.Pool#query calls with a callback; direct client use gets a promise.
    const cb = args.findIndex((a) => typeof a === "function");
    if (cb >= 0) {
      const callback = args[cb] as (err: unknown, res: pg.QueryResult) => void;
      args[cb] = (err: unknown, res: pg.QueryResult) => callback(err, err ? res : markCharFields(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    if (cb < 0 && result && typeof result.then === "function") return result.then(markCharFields);
    return result;
  }
}

function markCharFields(res: pg.QueryResult): pg.QueryResult {
  for (const f of res?.fields ?? []) {
    if (f.dataTypeID === CHAR_OID) {
      f.dataTypeID = TEXT_OID;
      f.name += CHAR_MARK;
    }
  }
  return res;
}

function fixCharColumns(rs: SqlResultSet): SqlResultSet {
  rs.columnNames.forEach((name, i) => {
    if (name.endsWith(CHAR_MARK)) {
      rs.columnNames[i] = name.slice(0, -CHAR_MARK.length);
      rs.columnTypes[i] = ColumnTypeEnum.Character;
    }
  });
  return rs;
}

function withCharColumns<T extends SqlQueryable>(q: T): T {
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => fixCharColumns(await queryRaw(query));
  return q;
}

function withCharColumnsAdapter<T extends SqlDriverAdapter>(adapter: T): T {
  withCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  return adapter;
}

type Disposable = { dispose(): Promise<void> };

class MigrationPgAdapterFactory extends PrismaPg {
  /** Everything opened for the engine, closed by `closeAll` (an open pool keeps the process alive for ~10 s). */
  private readonly open = new Set<Disposable>();

  constructor(private readonly poolConfig: pg.PoolConfig) {
    super({ ...poolConfig, Client: CharMarkingClient } as pg.PoolConfig);
  }

  override async connect() {
    return this.track(withCharColumnsAdapter(await super.connect()));
  }

  private track<T extends Disposable>(adapter: T): T {
    const dispose = adapter.dispose.bind(adapter);
    let done: Promise<void> | undefined;
    adapter.dispose = () => {
      this.open.delete(adapter);
      done ??= dispose();
      return done;
    };
    this.open.add(adapter);
    return adapter;
  }

  async closeAll() {
    await Promise.allSettled([...this.open].map((a) => a.dispose()));
  }

  /** Creates a shadow database and drops it only after its own pool is closed (adapter-pg drops it first). */
  override async connectToShadowDb() {
    const admin = new pg.Pool({ ...this.poolConfig, max: 1 });
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadowFactory = new PrismaPg({ ...this.poolConfig, database, max: 2, Client: CharMarkingClient } as pg.PoolConfig);
    let shadow;
    try {
      shadow = await shadowFactory.connect();
    } catch (e) {
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`).catch(() => undefined);
      await admin.end().catch(() => undefined);
      throw e;
    }
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await admin.end().catch(() => undefined);
      }
    };
    return this.track(withCharColumnsAdapter(shadow));
  }
}

export interface WasmEngineHandle {
  engine: SchemaEngine;
  /** Frees the engine and closes every pool opened for it. */
  close(): Promise<void>;
}

/**
 * Starts a wasm schema engine for `schema` (the Prisma schema text). With `url`, it talks to that database through
 * adapter-pg; without, it gets a stub adapter that is enough for diffs that need no database (e.g. empty → schema).
 */
export async function openWasmEngine(opts: { schemaPath: string; schema: string; url?: string; log?: (line: string) => void }): Promise<WasmEngineHandle> {
  const glue = await loadGlue();
  const pgFactory = opts.url ? new MigrationPgAdapterFactory(connectionConfig(opts.url)) : undefined;
  const factory = pgFactory ?? offlineAdapterFactory();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const log = opts.log ?? (() => undefined);
  let engine: SchemaEngine;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: [[opts.schemaPath, opts.schema]] }, log, bound);
  } catch (e) {
    await pgFactory?.closeAll();
    throw toError(e);
  }
  return {
    engine,
    async close() {
      try {
        engine.free();
      } finally {
        await pgFactory?.closeAll();
      }
    },
  };
}

/** Turns what the engine throws (JS values, JSON-RPC style errors, wasm panics) into an Error with a readable message. */
export function toError(e: unknown): Error {
  const panic = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry }).PRISMA_WASM_PANIC_REGISTRY;
  if (e instanceof Error) {
    if (e.name === "RuntimeError" && panic?.message) return new Error(`schema engine panicked: ${panic.message}`);
    return e;
  }
  if (e && typeof e === "object") {
    const o = e as { message?: unknown; error?: unknown; meta?: unknown };
    const msg = typeof o.message === "string" ? o.message : JSON.stringify(e);
    return new Error(msg);
  }
  return new Error(String(e));
}

/**
 * A stub adapter for operations that need no live database: it answers the engine's connect-time queries with
 * empty results and refuses anything else.
 */
function offlineAdapterFactory() {
  const queryable = {
    provider: "postgres" as const,
    adapterName: "@lagebild/offline",
    async queryRaw() {
      return { columnNames: [], columnTypes: [], rows: [] };
    },
    async executeRaw() {
      return 0;
    },
  };
  const adapter = {
    ...queryable,
    async executeScript() {
      throw new Error("no database: this operation needs a database URL");
    },
    async startTransaction() {
      throw new Error("no database: this operation needs a database URL");
    },
    getConnectionInfo() {
      return { supportsRelationJoins: true };
    },
    async dispose() {},
  };
  return {
    provider: "postgres" as const,
    adapterName: "@lagebild/offline",
    async connect() {
      return adapter;
    },
    async connectToShadowDb() {
      return adapter;
    },
  };
}
