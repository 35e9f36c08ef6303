/**
 * tRPC initialisation: context, error shape, public and token-protected procedures.
 *
 * `createContextInner({ db, token })` builds a context without a request (router tests, server components);
 * `createContext({ headers })` reads the ingest token from `authorization: Bearer …` or `x-lagebild-token`.
 */
import { timingSafeEqual } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "./db.ts";

export interface ContextOptions {
  db: Db;
  /** The token the caller presented (header), if any. */
  token?: string | null;
  /** The token writes require; defaults to LAGEBILD_INGEST_TOKEN. Unset or empty: writes are refused. */
  ingestToken?: string | null;
}

export function createContextInner(opts: ContextOptions) {
  return {
    db: opts.db,
    token: opts.token ?? null,
    ingestToken: opts.ingestToken === undefined ? (process.env.LAGEBILD_INGEST_TOKEN ?? null) : opts.ingestToken,
  };
}
export type Context = ReturnType<typeof createContextInner>;

/** The token a request presents: `Authorization: Bearer <token>` or `x-lagebild-token: <token>`. */
export function tokenFromHeaders(headers: Headers): string | null {
  const auth = headers.get("authorization");
  const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth.trim());
  if (bearer?.[1]) return bearer[1].trim();
  const direct = headers.get("x-lagebild-token");
  return direct?.trim() || null;
}

export async function createContext(opts: { headers: Headers; db: Db }) {
  return createContextInner({ db: opts.db, token: tokenFromHeaders(opts.headers) });
}

/** Constant-time comparison; false when no token is configured. */
export function tokenMatches(expected: string | null | undefined, given: string | null | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause as ZodError<Record<string, unknown>>) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Why a write is refused, or null when the token is configured and matches. Shared with `POST /api/ingest`. */
export function ingestAuthError(expected: string | null | undefined, given: string | null | undefined): { code: "FORBIDDEN" | "UNAUTHORIZED"; message: string } | null {
  if (!expected) return { code: "FORBIDDEN", message: "Adding articles is disabled: LAGEBILD_INGEST_TOKEN is not set on the server." };
  if (!given) return { code: "UNAUTHORIZED", message: "An ingest token is required." };
  if (!tokenMatches(expected, given)) return { code: "UNAUTHORIZED", message: "The ingest token does not match." };
  return null;
}

/** Writes: refused unless LAGEBILD_INGEST_TOKEN is set and the caller presents the same token. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  const refused = ingestAuthError(ctx.ingestToken, ctx.token);
  if (refused) throw new TRPCError(refused);
  return next({ ctx: { ...ctx, authorized: true as const } });
});
