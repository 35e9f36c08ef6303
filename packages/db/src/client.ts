// The one database client module: PrismaClient over node-postgres (@prisma/adapter-pg).
// Safe to import from Next.js server code: it starts no database (see server.ts for that).
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "./generated/prisma/client.ts";

export { Prisma, PrismaClient };
export type * from "./generated/prisma/client.ts";

/** A Prisma client for the Lagebild schema. */
export type Db = PrismaClient;
/** The client handed to an interactive `$transaction` callback. */
export type Tx = Prisma.TransactionClient;

export interface CreateDbOptions {
  /** Log SQL queries (Prisma `log: ["query"]`). */
  logQueries?: boolean;
  /** Maximum pool connections (pg `max`). Default 10. */
  poolSize?: number;
}

/** A database URL, or anything carrying one (such as the handle `ensureDatabaseUrl()` returns). */
export type DatabaseUrl = string | { url: string };

export function urlOf(url: DatabaseUrl): string {
  return typeof url === "string" ? url : url.url;
}

/** A new client for the database at `url`. Call `$disconnect()` when done. */
export function createDb(database: DatabaseUrl, opts: CreateDbOptions = {}): Db {
  const url = urlOf(database);
  if (!url) throw new Error("createDb: empty database URL");
  const adapter = new PrismaPg({ connectionString: url, max: opts.poolSize ?? 10 });
  return new PrismaClient({ adapter, log: opts.logQueries ? ["query", "warn", "error"] : ["warn", "error"] });
}

const cache = globalThis as unknown as { __lagebildDb?: { url: string; db: Db } };

/**
 * The process-wide client for `process.env.DATABASE_URL`, created on first use and kept on `globalThis` (so Next.js
 * hot reloads in development reuse it instead of opening new pools). Throws when DATABASE_URL is unset: call
 * `ensureDatabaseUrl()` from `@lagebild/db/server` first (it sets DATABASE_URL), or set it in the environment.
 */
export function getDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: set it, or call ensureDatabaseUrl() from @lagebild/db/server before getDb()");
  }
  const cached = cache.__lagebildDb;
  if (cached && cached.url === url) return cached.db;
  if (cached) void cached.db.$disconnect().catch(() => undefined);
  const db = createDb(url);
  cache.__lagebildDb = { url, db };
  return db;
}

/** Disconnects the `getDb()` client, if one was created. */
export async function closeDb(): Promise<void> {
  const cached = cache.__lagebildDb;
  cache.__lagebildDb = undefined;
  await cached?.db.$disconnect();
}
