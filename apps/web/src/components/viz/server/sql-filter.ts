/**
 * ViewFilter → SQL `WHERE` fragments for the aggregating queries of the map, timeline and positions views.
 *
 * Built only from `Prisma.sql` tagged templates (values are bound parameters, never spliced into strings). The
 * semantics are the same as the Prisma `where` objects in `src/server/where.ts`, so a filter narrows an aggregate
 * exactly as it narrows the matching list:
 * - values within one filter are OR-ed, filters are AND-ed;
 * - `from`/`to` keep things whose day range overlaps [from, to]; undated things drop out once a bound is set;
 * - events "are about" an issue when an article reporting them carries a position on it;
 * - positions "are about" an event kind when their article reports an event of that kind.
 */
import { Prisma } from "@lagebild/db/client";
import type { ViewFilter } from "@lagebild/model";

type Sql = Prisma.Sql;

function all(parts: (Sql | false | undefined | 0)[]): Sql {
  const kept = parts.filter((p): p is Sql => Boolean(p));
  return kept.length ? Prisma.join(kept, " AND ") : Prisma.sql`TRUE`;
}

/** Conditions on an `"Event"` row aliased `e`. */
export function eventFilterSql(f: ViewFilter): Sql {
  return all([
    f.from !== undefined && Prisma.sql`e."dateTo" >= ${f.from}::date`,
    f.to !== undefined && Prisma.sql`e."dateFrom" <= ${f.to}::date`,
    f.kinds?.length && Prisma.sql`e.kind = ANY(${f.kinds}::text[])`,
    f.actors?.length &&
      Prisma.sql`EXISTS (SELECT 1 FROM "EventParticipant" fp WHERE fp."eventId" = e.id AND fp."actorId" = ANY(${f.actors}::text[]))`,
    f.outlets?.length &&
      Prisma.sql`EXISTS (SELECT 1 FROM "EventReport" fr JOIN "Article" fa ON fa.id = fr."articleId"
                 WHERE fr."eventId" = e.id AND fa.outlet = ANY(${f.outlets}::text[]))`,
    f.issues?.length &&
      Prisma.sql`EXISTS (SELECT 1 FROM "EventReport" fr JOIN "Position" fpos ON fpos."articleId" = fr."articleId"
                 JOIN "Issue" fi ON fi.id = fpos."issueId"
                 WHERE fr."eventId" = e.id AND fi.code = ANY(${f.issues}::text[]))`,
  ]);
}

/**
 * The day a position counts from: its own date when known, else its article's publication day (stored as
 * `Position.day` when the position is written; see `rebuildSummaries` in @lagebild/db).
 */
export const positionDaySql = Prisma.sql`p.day`;

/** True when `positionFilterSql` needs the position's `"Article"` joined as `a` (date range or outlet filter). */
export function positionFilterNeedsArticle(f: ViewFilter): boolean {
  return f.from !== undefined || f.to !== undefined || !!f.outlets?.length;
}

/**
 * Conditions on a `"Position"` row aliased `p`, joined with its `"Article"` `a` when `positionFilterNeedsArticle`, and
 * with its `"Issue"` `i` when the filter names issues.
 * `asOf`: only evidence dated on or before that day counts (undated evidence drops out).
 */
export function positionFilterSql(f: ViewFilter, asOf?: string): Sql {
  const dated = f.from !== undefined || f.to !== undefined;
  return all([
    dated &&
      Prisma.sql`((p."dateFrom" IS NOT NULL ${f.from !== undefined ? Prisma.sql`AND p."dateTo" >= ${f.from}::date` : Prisma.empty} ${
        f.to !== undefined ? Prisma.sql`AND p."dateFrom" <= ${f.to}::date` : Prisma.empty
      })
      OR (p."dateFrom" IS NULL ${f.from !== undefined ? Prisma.sql`AND a."publishedWindowTo" >= ${f.from}::date` : Prisma.empty} ${
        f.to !== undefined ? Prisma.sql`AND a."publishedWindowFrom" <= ${f.to}::date` : Prisma.empty
      }))`,
    asOf !== undefined && Prisma.sql`${positionDaySql} <= ${asOf}::date`,
    f.actors?.length && Prisma.sql`p."actorId" = ANY(${f.actors}::text[])`,
    f.issues?.length && Prisma.sql`i.code = ANY(${f.issues}::text[])`,
    f.outlets?.length && Prisma.sql`a.outlet = ANY(${f.outlets}::text[])`,
    f.kinds?.length &&
      Prisma.sql`EXISTS (SELECT 1 FROM "EventReport" fr WHERE fr."articleId" = p."articleId" AND fr.kind = ANY(${f.kinds}::text[]))`,
  ]);
}

/** `Date` from a `@db.Date` column → `YYYY-MM-DD` (or null). */
export function isoDate(d: Date | string | null | undefined): string | null {
  if (!d) return null;
  if (typeof d === "string") return d.slice(0, 10);
  return d.toISOString().slice(0, 10);
}
