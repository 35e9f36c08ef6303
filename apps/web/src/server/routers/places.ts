/**
 * Places on the map: only places linked to events (EventPlace). A capital named metonymically ("Washington said")
 * is a place *mention*, not an event location, and is not marked.
 *
 * `map({ filter })` — per place: event count, counts per event kind (dominant first), first and last day; one
 *   grouped SQL query with the filter applied, over the summaries (PlaceTotal, PlaceKindTotal, EventTally) when the
 *   filter names only kinds and dates, else over EventPlace ⋈ Event.
 * `events({ id, filter, page })` — the events at one place under the same filter, newest first.
 */
import { ViewFilter, Id, Page } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Prisma } from "@lagebild/db/client";
import { eventFilterSql, isoDate } from "../../components/viz/server/sql-filter.ts";
import { tallyAnswers, tallyFilterSql } from "../../components/viz/server/summaries.ts";
import { placeEventsSql } from "../event-index.ts";
import type { Db } from "../db.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { eventListSelect, toEventListItems } from "./events.ts";

interface PlaceRow {
  id: string;
  key: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  precision: string;
  n: number;
  /** `YYYY-MM-DD` */
  first: string | null;
  last: string | null;
  /** Kinds most frequent first (ties by kind) and their counts, in the same order. */
  kinds: string[];
  counts: number[];
}

export interface MapPlace {
  id: string;
  key: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  precision: string;
  eventCount: number;
  /** Event counts per kind, most frequent first; `kinds[0]` is the dominant kind. */
  kinds: { kind: string; count: number }[];
  dominantKind: string;
  /** First and last day of the dated events there (null when all are undated). */
  first: string | null;
  last: string | null;
}

/**
 * Runs a query of place rows (columns of `PlaceRow`) and answers the map. The rows leave the database as one JSON
 * text in map order (most events first, then name and id), which JSON.parse reads in a fraction of the time Prisma
 * takes to decode 1 500 rows with their kind lists.
 */
async function mapAnswer(db: Db, rows: Prisma.Sql) {
  const [answer] = await db.$queryRaw<{ list: string }[]>`
    SELECT COALESCE(json_agg(x ORDER BY x.n DESC, x.name ASC, x.id ASC), '[]')::text AS list FROM (${rows}) x`;
  const places: MapPlace[] = (JSON.parse(answer?.list ?? "[]") as PlaceRow[]).map((r) => {
    const { kinds, counts } = r;
    return {
      id: r.id,
      key: r.key,
      name: r.name,
      lat: r.lat,
      lon: r.lon,
      country: r.country,
      precision: r.precision,
      eventCount: r.n,
      kinds: kinds.map((kind, i) => ({ kind, count: counts[i]! })),
      dominantKind: kinds[0] ?? "",
      first: isoDate(r.first),
      last: isoDate(r.last),
    };
  });
  return { places, eventLinks: places.reduce((n, p) => n + p.eventCount, 0) };
}

export const placesRouter = createTRPCRouter({
  map: publicProcedure.input(z.object({ filter: ViewFilter.default({}) })).query(async ({ ctx, input }) => {
    // Aggregate per place × kind, then per place (kinds and their counts as two arrays, most frequent first), then
    // attach the place columns: one row per place leaves the database. Filters on kinds and dates only: the EventTally summary (links
    // counted per place, kind and date range); otherwise EventPlace ⋈ Event.
    const f = input.filter;
    const useTally = tallyAnswers(f);
    if (useTally && f.from === undefined && f.to === undefined && !f.kinds?.length) {
      // No filter at all: the PlaceTotal summary, one row per place (counts, first and last day, kinds in order).
      return mapAnswer(
        ctx.db,
        Prisma.sql`
          SELECT pl.id, pl.key, pl.name, pl.lat, pl.lon, pl.country, pl.precision, t.n, t."firstDay" AS first, t."lastDay" AS last, t.kinds, t.counts
          FROM "PlaceTotal" t JOIN "Place" pl ON pl.id = t."placeId"
          WHERE t.n <> 0`,
      );
    }
    if (useTally && f.from === undefined && f.to === undefined) {
      // Kinds only: counts, first and last day per place and kind from PlaceKindTotal (a few rows per place, whatever
      // the number of events).
      return mapAnswer(
        ctx.db,
        Prisma.sql`
          WITH per AS (
            SELECT "placeId", sum(n)::int AS n, min("firstDay") AS first, max("lastDay") AS last,
                   array_agg(kind ORDER BY n DESC, kind ASC) AS kinds, array_agg(n ORDER BY n DESC, kind ASC) AS counts
            FROM "PlaceKindTotal"
            WHERE n <> 0 AND kind = ANY(${f.kinds}::text[])
            GROUP BY "placeId"
          )
          SELECT pl.id, pl.key, pl.name, pl.lat, pl.lon, pl.country, pl.precision, per.n, per.first, per.last, per.kinds, per.counts
          FROM per JOIN "Place" pl ON pl.id = per."placeId"`,
      );
    }
    // A date window: the EventTally rows overlapping it. Day-precision rows cover exactly their one day (dateFrom =
    // dateTo), so they are one index range on dateFrom; month and year rows (few) are found by their end.
    const kinds = f.kinds?.length ? Prisma.sql`AND t.kind = ANY(${f.kinds}::text[])` : Prisma.empty;
    const pk = useTally
      ? Prisma.sql`
        SELECT "placeId", kind, sum(n)::int AS n, min("dateFrom") AS first, max("dateTo") AS last
        FROM (
          SELECT t."placeId", t.kind, t.n, t."dateFrom", t."dateTo" FROM "EventTally" t
          WHERE t."datePrecision" = 'day' AND t."placeId" IS NOT NULL AND t.n <> 0 ${kinds}
            ${f.from !== undefined ? Prisma.sql`AND t."dateFrom" >= ${f.from}::date` : Prisma.empty}
            ${f.to !== undefined ? Prisma.sql`AND t."dateFrom" <= ${f.to}::date` : Prisma.empty}
          UNION ALL
          SELECT t."placeId", t.kind, t.n, t."dateFrom", t."dateTo" FROM "EventTally" t
          WHERE t."datePrecision" IN ('month', 'year') AND t."placeId" IS NOT NULL AND ${tallyFilterSql(f)}
        ) w
        GROUP BY "placeId", kind`
      : Prisma.sql`
        SELECT ep."placeId", e.kind, count(*)::int AS n, min(e."dateFrom") AS first, max(e."dateTo") AS last
        FROM "EventPlace" ep
        JOIN "Event" e ON e.id = ep."eventId"
        WHERE ${eventFilterSql(input.filter)}
        GROUP BY ep."placeId", e.kind`;
    return mapAnswer(
      ctx.db,
      Prisma.sql`
        WITH pk AS (${pk}), per AS (
          SELECT "placeId", sum(n)::int AS n, min(first) AS first, max(last) AS last,
                 array_agg(kind ORDER BY n DESC, kind ASC) AS kinds, array_agg(n ORDER BY n DESC, kind ASC) AS counts
          FROM pk GROUP BY "placeId"
        )
        SELECT pl.id, pl.key, pl.name, pl.lat, pl.lon, pl.country, pl.precision, per.n, per.first, per.last, per.kinds, per.counts
        FROM per JOIN "Place" pl ON pl.id = per."placeId"`,
    );
  }),

  events: publicProcedure
    .input(z.object({ id: Id, filter: ViewFilter.default({}), page: Page.default({ cursor: 0, limit: 50 }) }))
    .query(async ({ ctx, input }) => {
      const place = await ctx.db.place.findUnique({
        where: { id: input.id },
        select: { id: true, key: true, name: true, lat: true, lon: true, country: true, precision: true, aliases: { select: { name: true }, distinct: ["name"], take: 12 } },
      });
      if (!place) throw new TRPCError({ code: "NOT_FOUND", message: `No place ${input.id}` });
      // The page of ids and the count from the place's EventPlace rows, which carry their event's kind, dates and
      // creation time: the filter applies to them as to events, and the page (newest first, undated last) is read in
      // index order — dated and undated rows separately, each only as far as the page reaches.
      // The count comes from the EventTally summary when the filter only names kinds and dates.
      const where = eventFilterSql(input.filter);
      const e = placeEventsSql(place.id);
      const reach = input.page.cursor + input.page.limit;
      const useTally = tallyAnswers(input.filter);
      const [counted, page] = await Promise.all([
        useTally
          ? ctx.db.$queryRaw<{ n: number }[]>`
              SELECT COALESCE(sum(t.n), 0)::int AS n FROM "EventTally" t WHERE t."placeId" = ${place.id} AND ${tallyFilterSql(input.filter)}`
          : ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${e}) e WHERE ${where}`,
        ctx.db.$queryRaw<{ id: string }[]>`
          SELECT id FROM (
            (SELECT 0 AS undated, e."dateFrom", e."eventCreatedAt", e.id FROM (${e}) e
             WHERE e."dateFrom" IS NOT NULL AND ${where}
             ORDER BY e."dateFrom" DESC, e."eventCreatedAt" DESC, e.id ASC LIMIT ${reach})
            UNION ALL
            (SELECT 1, e."dateFrom", e."eventCreatedAt", e.id FROM (${e}) e
             WHERE e."dateFrom" IS NULL AND ${where}
             ORDER BY e."eventCreatedAt" DESC, e.id ASC LIMIT ${reach})
          ) x
          ORDER BY undated, "dateFrom" DESC, "eventCreatedAt" DESC, id ASC
          OFFSET ${input.page.cursor} LIMIT ${input.page.limit}`,
      ]);
      const total = counted[0]?.n ?? 0;
      const found = await ctx.db.event.findMany({ where: { id: { in: page.map((r) => r.id) } }, select: eventListSelect });
      const byId = new Map(found.map((e) => [e.id, e]));
      const rows = page.flatMap((r) => byId.get(r.id) ?? []);
      const next = input.page.cursor + rows.length;
      return {
        place: { ...place, aliases: place.aliases.map((a) => a.name).filter((n) => n !== place.name) },
        items: await toEventListItems(ctx.db, rows),
        total,
        cursor: input.page.cursor,
        limit: input.page.limit,
        nextCursor: next < total ? next : null,
      };
    }),
});
