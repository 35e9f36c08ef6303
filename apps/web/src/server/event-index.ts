/**
 * Event lists driven by the rows that link events to one actor or place. `EventParticipant` and `EventPlace` carry
 * copies of their event's kind, dates (and, for participants, weight and creation time), kept in step by
 * `persistExtraction`, so a selective actor or place is answered from its own index range instead of by walking
 * every event and probing for the actor or place.
 */
import { Prisma } from "@lagebild/db/client";
import type { ViewFilter } from "@lagebild/model";

type Sql = Prisma.Sql;

/**
 * One row per event in which any of `actors` takes part, of the filter's kinds and overlapping its dates:
 * `(id, "independentSources", "dateFrom")` with the event's values. Outlet and issue filters are not applied (they
 * need the event's reports; apply `eventFilterSql({ outlets, issues })` on the rows, which only uses `id`).
 */
export function actorEventsSql(actors: string[], f: ViewFilter): Sql {
  const conds = [
    Prisma.sql`fp."actorId" = ANY(${actors}::text[])`,
    f.from !== undefined && Prisma.sql`fp."dateTo" >= ${f.from}::date`,
    f.to !== undefined && Prisma.sql`fp."dateFrom" <= ${f.to}::date`,
    f.kinds?.length && Prisma.sql`fp.kind = ANY(${f.kinds}::text[])`,
  ].filter((p): p is Sql => Boolean(p));
  return Prisma.sql`
    SELECT fp."eventId" AS id, max(fp."independentSources") AS "independentSources", min(fp."dateFrom") AS "dateFrom"
    FROM "EventParticipant" fp
    WHERE ${Prisma.join(conds, " AND ")}
    GROUP BY fp."eventId"`;
}

/**
 * The events at one place as rows `e` with the columns `eventFilterSql` reads (`id`, `kind`, `dateFrom`, `dateTo`)
 * and `eventCreatedAt`, straight from the place's `EventPlace` rows; the filter applies to them unchanged, and
 * ordering by `dateFrom DESC, eventCreatedAt DESC, id` walks the place's index.
 */
export function placeEventsSql(placeId: string): Sql {
  return Prisma.sql`
    SELECT ep."eventId" AS id, ep.kind, ep."dateFrom", ep."dateTo", ep."eventCreatedAt"
    FROM "EventPlace" ep WHERE ep."placeId" = ${placeId}`;
}
