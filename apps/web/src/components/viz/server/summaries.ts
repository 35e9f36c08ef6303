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
 * A database migrated from before the summaries existed gets them from `migrateDeploy` (or
 * `pnpm --filter @lagebild/db db rebuild-summaries`); pages never write.
 */
import { Prisma } from "@lagebild/db/client";
import type { ViewFilter } from "@lagebild/model";

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
