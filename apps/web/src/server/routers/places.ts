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
import { eventFilterSql, isoDate } from "../../components/viz/server/sql-filter.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { eventWhere } from "../where.ts";
import { eventListSelect, eventOrder, toEventListItem } from "./events.ts";

interface PlaceKindRow {
  id: string;
  key: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  precision: string;
  kind: string;
  n: number;
  first: Date | null;
  last: Date | null;
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

export const placesRouter = createTRPCRouter({
  map: publicProcedure.input(z.object({ filter: ViewFilter.default({}) })).query(async ({ ctx, input }) => {
    const rows = await ctx.db.$queryRaw<PlaceKindRow[]>`
      SELECT pl.id, pl.key, pl.name, pl.lat, pl.lon, pl.country, pl.precision, e.kind,
             count(*)::int AS n, min(e."dateFrom") AS first, max(e."dateTo") AS last
      FROM "EventPlace" ep
      JOIN "Event" e ON e.id = ep."eventId"
      JOIN "Place" pl ON pl.id = ep."placeId"
      WHERE ${eventFilterSql(input.filter)}
      GROUP BY pl.id, e.kind`;
    const byPlace = new Map<string, MapPlace>();
    for (const r of rows) {
      let p = byPlace.get(r.id);
      if (!p) {
        p = { id: r.id, key: r.key, name: r.name, lat: r.lat, lon: r.lon, country: r.country, precision: r.precision, eventCount: 0, kinds: [], dominantKind: r.kind, first: null, last: null };
        byPlace.set(r.id, p);
      }
      p.eventCount += r.n;
      p.kinds.push({ kind: r.kind, count: r.n });
      const first = isoDate(r.first);
      const last = isoDate(r.last);
      if (first && (!p.first || first < p.first)) p.first = first;
      if (last && (!p.last || last > p.last)) p.last = last;
    }
    const places = [...byPlace.values()];
    for (const p of places) {
      p.kinds.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
      p.dominantKind = p.kinds[0]!.kind;
    }
    places.sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name));
    return { places, eventLinks: places.reduce((n, p) => n + p.eventCount, 0) };
  }),

  events: publicProcedure
    .input(z.object({ id: Id, filter: ViewFilter.default({}), page: Page.default({ cursor: 0, limit: 50 }) }))
    .query(async ({ ctx, input }) => {
      const place = await ctx.db.place.findUnique({
        where: { id: input.id },
        select: { id: true, key: true, name: true, lat: true, lon: true, country: true, precision: true, aliases: { select: { name: true }, distinct: ["name"], take: 12 } },
      });
      if (!place) throw new TRPCError({ code: "NOT_FOUND", message: `No place ${input.id}` });
      const where = { AND: [eventWhere(input.filter), { places: { some: { placeId: place.id } } }] };
      const [total, rows] = await Promise.all([
        ctx.db.event.count({ where }),
        ctx.db.event.findMany({ where, select: eventListSelect, orderBy: eventOrder, skip: input.page.cursor, take: input.page.limit }),
      ]);
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
