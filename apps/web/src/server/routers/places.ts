/**
 * Places on the map: only places linked to events (EventPlace). A capital named metonymically ("Washington said")
 * is a place *mention*, not an event location, and is not marked.
 *
 * `map({ filter })` — per place: event count, counts per event kind (dominant first), first and last day; one
 *   grouped SQL query over EventPlace ⋈ Event ⋈ Place with the filter applied.
 * `events({ id, filter, page })` — the events at one place under the same filter, newest first.
 */
import { ViewFilter, Id, Page } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Prisma } from "@lagebild/db/client";
import { eventFilterSql, isoDate } from "../../components/viz/server/sql-filter.ts";
import { ensureEventTally, tallyAnswers, tallyFilterSql } from "../../components/viz/server/summaries.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { eventListSelect, toEventListItem } from "./events.ts";

interface PlaceRow {
  id: string;
  key: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  precision: string;
  n: number;
  first: Date | null;
  last: Date | null;
  kinds: { kind: string; count: number }[];
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

function mapAnswer(rows: PlaceRow[]) {
  const places: MapPlace[] = rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    country: r.country,
    precision: r.precision,
    eventCount: r.n,
    kinds: r.kinds,
    dominantKind: r.kinds[0]?.kind ?? "",
    first: isoDate(r.first),
    last: isoDate(r.last),
  }));
  return { places, eventLinks: places.reduce((n, p) => n + p.eventCount, 0) };
}

export const placesRouter = createTRPCRouter({
  map: publicProcedure.input(z.object({ filter: ViewFilter.default({}) })).query(async ({ ctx, input }) => {
    // Aggregate per place × kind, then per place (kinds as a JSON list, most frequent first), then attach the place
    // columns: one row per place leaves the database. Filters on kinds and dates only: the EventTally summary (links
    // counted per place, kind and date range); otherwise EventPlace ⋈ Event.
    const f = input.filter;
    const useTally = tallyAnswers(f);
    if (useTally) await ensureEventTally(ctx.db);
    if (useTally && f.from === undefined && f.to === undefined && !f.kinds?.length) {
      // No filter at all: counts per place and kind from PlaceKindTotal, first and last day per place by two index
      // probes into EventTally (a few thousand rows read, whatever the number of events).
      const rows = await ctx.db.$queryRaw<PlaceRow[]>`
        WITH per AS (
          SELECT "placeId", sum(n)::int AS n, json_agg(json_build_object('kind', kind, 'count', n) ORDER BY n DESC, kind ASC) AS kinds
          FROM "PlaceKindTotal" WHERE n <> 0 GROUP BY "placeId"
        )
        SELECT pl.id, pl.key, pl.name, pl.lat, pl.lon, pl.country, pl.precision, per.n, per.kinds,
               (SELECT min(t."dateFrom") FROM "EventTally" t WHERE t."placeId" = pl.id AND t.n <> 0) AS first,
               (SELECT max(t."dateTo") FROM "EventTally" t WHERE t."placeId" = pl.id AND t.n <> 0) AS last
        FROM per JOIN "Place" pl ON pl.id = per."placeId"
        ORDER BY per.n DESC, pl.name ASC, pl.id ASC`;
      return mapAnswer(rows);
    }
    const pk = useTally
      ? Prisma.sql`
        SELECT t."placeId", t.kind, sum(t.n)::int AS n, min(t."dateFrom") AS first, max(t."dateTo") AS last
        FROM "EventTally" t
        WHERE t."placeId" IS NOT NULL AND ${tallyFilterSql(input.filter)}
        GROUP BY t."placeId", t.kind`
      : Prisma.sql`
        SELECT ep."placeId", e.kind, count(*)::int AS n, min(e."dateFrom") AS first, max(e."dateTo") AS last
        FROM "EventPlace" ep
        JOIN "Event" e ON e.id = ep."eventId"
        WHERE ${eventFilterSql(input.filter)}
        GROUP BY ep."placeId", e.kind`;
    const rows = await ctx.db.$queryRaw<PlaceRow[]>`
      WITH pk AS (${pk}), per AS (
        SELECT "placeId", sum(n)::int AS n, min(first) AS first, max(last) AS last,
               json_agg(json_build_object('kind', kind, 'count', n) ORDER BY n DESC, kind ASC) AS kinds
        FROM pk GROUP BY "placeId"
      )
      SELECT pl.id, pl.key, pl.name, pl.lat, pl.lon, pl.country, pl.precision, per.n, per.first, per.last, per.kinds
      FROM per JOIN "Place" pl ON pl.id = per."placeId"
      ORDER BY per.n DESC, pl.name ASC, pl.id ASC`;
    return mapAnswer(rows);
  }),

  events: publicProcedure
    .input(z.object({ id: Id, filter: ViewFilter.default({}), page: Page.default({ cursor: 0, limit: 50 }) }))
    .query(async ({ ctx, input }) => {
      const place = await ctx.db.place.findUnique({
        where: { id: input.id },
        select: { id: true, key: true, name: true, lat: true, lon: true, country: true, precision: true, aliases: { select: { name: true }, distinct: ["name"], take: 12 } },
      });
      if (!place) throw new TRPCError({ code: "NOT_FOUND", message: `No place ${input.id}` });
      // The page of ids and the count straight from the place's links (EventPlace(placeId, eventId) ⋈ Event), then
      // the list columns for just that page. Same order as `eventOrder`: newest first, undated last.
      // The count comes from the EventTally summary when the filter only names kinds and dates.
      const where = eventFilterSql(input.filter);
      // With a date bound no undated event matches, so NULLS FIRST orders the same and lets a busy place's newest
      // events be found by walking Event(dateFrom, dateTo) backwards instead of joining all its links.
      const nulls = input.filter.from !== undefined || input.filter.to !== undefined ? Prisma.sql`NULLS FIRST` : Prisma.sql`NULLS LAST`;
      const useTally = tallyAnswers(input.filter);
      if (useTally) await ensureEventTally(ctx.db);
      const [counted, page] = await Promise.all([
        useTally
          ? ctx.db.$queryRaw<{ n: number }[]>`
              SELECT COALESCE(sum(t.n), 0)::int AS n FROM "EventTally" t WHERE t."placeId" = ${place.id} AND ${tallyFilterSql(input.filter)}`
          : ctx.db.$queryRaw<{ n: number }[]>`
              SELECT count(*)::int AS n FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId"
              WHERE ep."placeId" = ${place.id} AND ${where}`,
        ctx.db.$queryRaw<{ id: string }[]>`
          SELECT e.id FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId"
          WHERE ep."placeId" = ${place.id} AND ${where}
          ORDER BY e."dateFrom" DESC ${nulls}, e."createdAt" DESC, e.id ASC
          OFFSET ${input.page.cursor} LIMIT ${input.page.limit}`,
      ]);
      const total = counted[0]?.n ?? 0;
      const found = await ctx.db.event.findMany({ where: { id: { in: page.map((r) => r.id) } }, select: eventListSelect });
      const byId = new Map(found.map((e) => [e.id, e]));
      const rows = page.flatMap((r) => byId.get(r.id) ?? []);
      const next = input.page.cursor + rows.length;
      return {
        place: { ...place, aliases: place.aliases.map((a) => a.name).filter((n) => n !== place.name) },
        items: rows.map(toEventListItem),
        total,
        cursor: input.page.cursor,
        limit: input.page.limit,
        nextCursor: next < total ? next : null,
      };
    }),
});
