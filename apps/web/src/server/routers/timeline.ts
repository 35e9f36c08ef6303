/**
 * Timeline: events on a time axis with their honest date spans.
 *
 * `events({ filter, limit })` — dated events overlapping the filter's range, filtered in SQL; when more match than
 *   `limit`, the most widely reported ones are kept (the answer says how many matched). Ordered by date.
 * `overview({ filter })` — the whole extent under the filter *ignoring* from/to (for the brushable overview strip):
 *   first/last day and event counts per week.
 */
import { Prisma } from "@lagebild/db/client";
import { ViewFilter } from "@lagebild/model";
import { z } from "zod";
import { eventFilterSql, isoDate } from "../../components/viz/server/sql-filter.ts";
import { tallyAnswers, tallyFilterSql } from "../../components/viz/server/summaries.ts";
import { actorEventsSql } from "../event-index.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

export const TimelineInput = z.object({
  filter: ViewFilter.default({}),
  /** Marks drawn at most (each is a focusable link in the SVG); the answer says how many matched. */
  limit: z.number().int().min(1).max(5000).default(600),
});

interface EventRow {
  id: string;
  kind: string;
  family: string;
  status: string;
  summary: string;
  dateValue: string | null;
  datePrecision: string | null;
  /** `YYYY-MM-DD` */
  dateFrom: string;
  dateTo: string;
  independentSources: number;
  reports: number;
  participants: { id: string; name: string; role: string }[] | null;
  places: { id: string; name: string }[] | null;
}

export interface TimelineEvent {
  id: string;
  kind: string;
  family: string;
  status: string;
  summary: string;
  /** The date as written (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) and its precision. */
  date: string | null;
  precision: "day" | "month" | "year";
  /** Inclusive day span the date covers: one day, a whole month or a whole year. */
  from: string;
  to: string;
  reportCount: number;
  independentSources: number;
  participants: { id: string; name: string; role: string }[];
  places: { id: string; name: string }[];
}

function precisionOf(row: EventRow): TimelineEvent["precision"] {
  if (row.datePrecision === "day" || row.datePrecision === "month" || row.datePrecision === "year") return row.datePrecision;
  const v = row.dateValue ?? "";
  return v.length >= 10 ? "day" : v.length >= 7 ? "month" : "year";
}

export const timelineRouter = createTRPCRouter({
  events: publicProcedure.input(TimelineInput).query(async ({ ctx, input }) => {
    const f = input.filter;
    const where = eventFilterSql(f);
    const useTally = tallyAnswers(f);
    // With actors, the events are found from the actors' participant rows (which carry the event's kind, dates and
    // weight): an actor's few thousand events, instead of walking all events by weight and probing each for the actor.
    // `e` is then one row per event (id, independentSources, dateFrom); only outlet and issue filters remain to apply.
    const byActor = f.actors?.length ? actorEventsSql(f.actors, f) : null;
    const rest = eventFilterSql({ outlets: f.outlets, issues: f.issues });
    const top = byActor
      ? Prisma.sql`
          SELECT ev.* FROM (
            SELECT e.id FROM (${byActor}) e
            WHERE e."dateFrom" IS NOT NULL AND ${rest}
            ORDER BY e."independentSources" DESC, e."dateFrom" ASC, e.id ASC
            LIMIT ${input.limit}
          ) t JOIN "Event" ev ON ev.id = t.id`
      : Prisma.sql`
          SELECT e.* FROM "Event" e
          WHERE e."dateFrom" IS NOT NULL AND e."dateTo" IS NOT NULL AND ${where}
          ORDER BY e."independentSources" DESC, e."dateFrom" ASC, e.id ASC
          LIMIT ${input.limit}`;
    const [page, counts, undated] = await Promise.all([
      // The marks leave the database as one JSON text in date order (JSON.parse reads 600 events with their
      // participants and places in a fraction of the time Prisma takes to decode them as rows).
      ctx.db.$queryRaw<{ list: string }[]>`
        WITH page AS (
          SELECT e.id, e.kind, e.family, e.status, e.summary, e."dateValue", e."datePrecision", e."dateFrom", e."dateTo",
                 e."independentSources"
          FROM (${top}) e
        ), reps AS (
          SELECT r."eventId", count(*)::int AS n FROM "EventReport" r
          WHERE r."eventId" IN (SELECT id FROM page) GROUP BY r."eventId"
        ), parts AS (
          SELECT ep."eventId", json_agg(json_build_object('id', a.id, 'name', a.name, 'role', ep.role) ORDER BY ep.role, a.name) AS list
          FROM "EventParticipant" ep JOIN "Actor" a ON a.id = ep."actorId"
          WHERE ep."eventId" IN (SELECT id FROM page) GROUP BY ep."eventId"
        ), pls AS (
          SELECT epl."eventId", json_agg(json_build_object('id', pl.id, 'name', pl.name) ORDER BY pl.name) AS list
          FROM "EventPlace" epl JOIN "Place" pl ON pl.id = epl."placeId"
          WHERE epl."eventId" IN (SELECT id FROM page) GROUP BY epl."eventId"
        )
        SELECT COALESCE(json_agg(x ORDER BY x."dateFrom", x."dateTo", x.id), '[]')::text AS list FROM (
          SELECT page.*, COALESCE(reps.n, 0) AS reports, parts.list AS participants, pls.list AS places
          FROM page
          LEFT JOIN reps ON reps."eventId" = page.id
          LEFT JOIN parts ON parts."eventId" = page.id
          LEFT JOIN pls ON pls."eventId" = page.id
        ) x`,
      useTally
        ? ctx.db.$queryRaw<{ dated: number; undated: number }[]>`
            SELECT COALESCE(sum(t.n) FILTER (WHERE t."dateFrom" IS NOT NULL), 0)::int AS dated,
                   COALESCE(sum(t.n) FILTER (WHERE t."dateFrom" IS NULL), 0)::int AS undated
            FROM "EventTally" t WHERE t."placeId" IS NULL AND ${tallyFilterSql(input.filter)}`
        : ctx.db.$queryRaw<{ dated: number; undated: number }[]>`
            SELECT count(*) FILTER (WHERE e."dateFrom" IS NOT NULL)::int AS dated,
                   count(*) FILTER (WHERE e."dateFrom" IS NULL)::int AS undated
            FROM ${byActor ? Prisma.sql`(${byActor}) e WHERE ${rest}` : Prisma.sql`"Event" e WHERE ${where}`}`,
      // A date bound excludes every undated event.
      f.from !== undefined || f.to !== undefined
        ? Promise.resolve([])
        : byActor
          ? ctx.db.$queryRaw<{ id: string; kind: string; status: string; summary: string }[]>`
              SELECT ev.id, ev.kind, ev.status, ev.summary FROM (${byActor}) e JOIN "Event" ev ON ev.id = e.id
              WHERE e."dateFrom" IS NULL AND ${rest}
              ORDER BY e."independentSources" DESC, e.id ASC
              LIMIT 20`
          : ctx.db.$queryRaw<{ id: string; kind: string; status: string; summary: string }[]>`
              SELECT e.id, e.kind, e.status, e.summary FROM "Event" e
              WHERE e."dateFrom" IS NULL AND ${where}
              ORDER BY e."independentSources" DESC, e.id ASC
              LIMIT 20`,
    ]);
    const rows = JSON.parse(page[0]?.list ?? "[]") as EventRow[];
    const events: TimelineEvent[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      family: r.family,
      status: r.status,
      summary: r.summary,
      date: r.dateValue,
      precision: precisionOf(r),
      from: isoDate(r.dateFrom)!,
      to: isoDate(r.dateTo)!,
      reportCount: r.reports,
      independentSources: r.independentSources,
      participants: r.participants ?? [],
      places: r.places ?? [],
    }));
    const total = counts[0]?.dated ?? 0;
    return {
      events,
      total,
      truncated: total > events.length,
      undated: counts[0]?.undated ?? 0,
      /** Up to 20 undated events (they have no place on the axis and are listed under it). */
      undatedSample: undated,
    };
  }),

  overview: publicProcedure.input(z.object({ filter: ViewFilter.default({}) })).query(async ({ ctx, input }) => {
    const { from: _from, to: _to, ...rest } = input.filter;
    if (tallyAnswers(rest)) {
      // Kinds only: the EventTally summary (events per kind and exact date range) answers both parts.
      const tw = tallyFilterSql(rest);
      const [weeks, extent] = await Promise.all([
        ctx.db.$queryRaw<{ week: Date; n: number }[]>`
          SELECT date_trunc('week', t."dateFrom"::timestamp)::date AS week, sum(t.n)::int AS n
          FROM "EventTally" t
          WHERE t."placeId" IS NULL AND t."dateFrom" IS NOT NULL AND t."datePrecision" = 'day' AND ${tw}
          GROUP BY 1 HAVING sum(t.n) > 0 ORDER BY 1`,
        ctx.db.$queryRaw<{ min: Date | null; max: Date | null }[]>`
          SELECT min(t."dateFrom") AS min, max(t."dateTo") AS max
          FROM "EventTally" t WHERE t."placeId" IS NULL AND t."dateFrom" IS NOT NULL AND ${tw}`,
      ]);
      return {
        min: isoDate(extent[0]?.min),
        max: isoDate(extent[0]?.max),
        weeks: weeks.map((w) => ({ week: isoDate(w.week)!, count: w.n })),
      };
    }
    const where = eventFilterSql(rest);
    const [weeks, extent] = await Promise.all([
      ctx.db.$queryRaw<{ week: Date; n: number }[]>`
        SELECT date_trunc('week', e."dateFrom"::timestamp)::date AS week, count(*)::int AS n
        FROM "Event" e
        WHERE e."dateFrom" IS NOT NULL AND e."datePrecision" = 'day' AND ${where}
        GROUP BY 1 ORDER BY 1`,
      // min/max alone, so Postgres can answer them from the dateFrom/dateTo indexes instead of scanning every event.
      ctx.db.$queryRaw<{ min: Date | null; max: Date | null }[]>`
        SELECT min(e."dateFrom") AS min, max(e."dateTo") AS max
        FROM "Event" e WHERE e."dateFrom" IS NOT NULL AND ${where}`,
    ]);
    return {
      min: isoDate(extent[0]?.min),
      max: isoDate(extent[0]?.max),
      /** Day-precision events per week (Monday); coarser events are spans, not counted here. */
      weeks: weeks.map((w) => ({ week: isoDate(w.week)!, count: w.n })),
    };
  }),
});
