/**
 * Derived data the aggregating views read instead of the base tables: the `EventTally`, `PlaceKindTotal` and
 * `PositionCell` summaries and `Position.day`.
 *
 * The `EventTally` summary (packages/db schema): events (placeId null) and event–place links (placeId set) counted per
 * kind and exact date range, kept in step by `persistExtraction` in each article's transaction.
 *
 * Aggregates that filter events only by kind and date (the map, the timeline's overview strip and its totals) read it
 * instead of every event: the overlap test on the exact [dateFrom, dateTo] of a row is the same test as on each event
 * of the row, so the answer is exact. Filters on actors, outlets or issues need the base tables (they are selective,
 * so the base queries are fast for them). `PlaceKindTotal` sums the links per place and kind over all dates, for the
 * map without any filter.
 *
 * A database migrated from before the summary existed holds events but no tally rows: `ensureEventTally` fills it
 * once (per process, under an advisory lock) from the base tables.
 */
import { Prisma } from "@lagebild/db/client";
import { refreshPositionCells } from "@lagebild/db/persist";
import type { ViewFilter } from "@lagebild/model";
import type { Db } from "../../../server/db.ts";

type Sql = Prisma.Sql;

/** True when the filter only restricts kinds and dates, so the summary answers it exactly. */
export function tallyAnswers(f: ViewFilter): boolean {
  return !f.actors?.length && !f.outlets?.length && !f.issues?.length;
}

/** Conditions on an `"EventTally"` row aliased `t` (kind and date range; the same semantics as `eventFilterSql`). */
export function tallyFilterSql(f: ViewFilter): Sql {
  const parts = [
    Prisma.sql`t.n <> 0`,
    f.from !== undefined && Prisma.sql`t."dateTo" >= ${f.from}::date`,
    f.to !== undefined && Prisma.sql`t."dateFrom" <= ${f.to}::date`,
    f.kinds?.length && Prisma.sql`t.kind = ANY(${f.kinds}::text[])`,
  ].filter((p): p is Sql => Boolean(p));
  return Prisma.join(parts, " AND ");
}

const filled = new WeakSet<object>();
/** A rebuild reads every event or position once: minutes at a million events on a slow machine. */
const REBUILD = { timeout: 15 * 60_000, maxWait: 60_000 };

/** Rebuilds the summary from the base tables (same transaction, so it is consistent with them). */
export async function rebuildEventTally(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lagebild:EventTally'))`;
    await tx.$executeRaw`LOCK TABLE "EventTally", "PlaceKindTotal" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "EventTally"`;
    await tx.$executeRaw`DELETE FROM "PlaceKindTotal"`;
    await tx.$executeRaw`
      INSERT INTO "EventTally" (id, "placeId", kind, "datePrecision", "dateFrom", "dateTo", n)
      SELECT concat_ws('|', COALESCE("placeId", ''), kind, COALESCE("datePrecision", ''), COALESCE("dateFrom"::text, ''), COALESCE("dateTo"::text, '')),
             "placeId", kind, "datePrecision", "dateFrom", "dateTo", n
      FROM (
        SELECT NULL::text AS "placeId", e.kind, e."datePrecision", e."dateFrom", e."dateTo", count(*)::int AS n
        FROM "Event" e GROUP BY 2, 3, 4, 5
        UNION ALL
        SELECT ep."placeId", e.kind, e."datePrecision", e."dateFrom", e."dateTo", count(*)::int
        FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId" GROUP BY 1, 2, 3, 4, 5
      ) x`;
    await tx.$executeRaw`
      INSERT INTO "PlaceKindTotal" ("placeId", kind, n)
      SELECT "placeId", kind, sum(n)::int FROM "EventTally" WHERE "placeId" IS NOT NULL GROUP BY 1, 2`;
  }, REBUILD);
}

/**
 * Makes sure the summary is filled before it is read: a database with events but no tally rows (migrated from before
 * the summary, or loaded around `persistExtraction`) is filled once. Cheap after the first call per client.
 */
export async function ensureEventTally(db: Db): Promise<void> {
  if (filled.has(db)) return;
  const [r] = await db.$queryRaw<{ events: boolean; tally: boolean; links: boolean; totals: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Event") AS events, EXISTS (SELECT 1 FROM "EventTally") AS tally,
           EXISTS (SELECT 1 FROM "EventPlace") AS links, EXISTS (SELECT 1 FROM "PlaceKindTotal") AS totals`;
  if ((r?.events && !r.tally) || (r?.links && !r.totals)) await rebuildEventTally(db);
  if (r?.tally || r?.events) filled.add(db);
}

const positionsReady = new WeakSet<object>();

/**
 * `Position.day` (own date, else the article's publication day) is written with each position, and the
 * `PositionCell` summary kept in step, by `persistExtraction`. Positions stored before these existed get them here,
 * once per process: missing days are filled (a no-op afterwards), and the cells are rebuilt when any day was filled
 * or the summary is empty while positions exist.
 */
export async function ensurePositionSummaries(db: Db): Promise<void> {
  if (positionsReady.has(db)) return;
  const filledDays = await db.$executeRaw`
    UPDATE "Position" p SET day = COALESCE(p."dateFrom", a."publishedWindowFrom")
    FROM "Article" a
    WHERE a.id = p."articleId" AND p.day IS NULL AND COALESCE(p."dateFrom", a."publishedWindowFrom") IS NOT NULL`;
  const [r] = await db.$queryRaw<{ positions: boolean; cells: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Position") AS positions, EXISTS (SELECT 1 FROM "PositionCell") AS cells`;
  if (filledDays > 0 || (r?.positions && !r.cells)) {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE "PositionCell" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "PositionCell"`;
      await refreshPositionCells(tx, null);
    }, REBUILD);
  }
  positionsReady.add(db);
}
