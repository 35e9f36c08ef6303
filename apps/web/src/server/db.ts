/**
 * The web server's database handle: the db package's shared Prisma client for DATABASE_URL.
 * DATABASE_URL must be set for the server (the root start script sets it); nothing touches the DB at build time.
 */
import { getDb, type Db } from "@lagebild/db/client";

export type { Db };
export type { Prisma } from "@lagebild/db/client";

/** Lazily opens (once per process) the pooled client for DATABASE_URL. */
export function serverDb(): Db {
  if (!process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: the dashboard needs a Postgres URL (the root `npm start` sets one).");
  }
  return getDb();
}
