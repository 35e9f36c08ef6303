import { EVENT_KINDS, type ViewFilter } from "@lagebild/model";
import { eventFilterSql } from "../../components/viz/server/sql-filter.ts";
import { tallyAnswers, tallyFilterSql } from "../../components/viz/server/summaries.ts";
import type { Db } from "../db.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { FilterInput, LatestInput } from "../inputs.ts";
import { articleWhere, eventWhere, isoDay } from "../where.ts";
import { actorWhere } from "./actors.ts";
import { eventListSelect, eventOrder, toEventListItems } from "./events.ts";

export interface IngestFailure {
  file: string;
  contentHash?: string;
  error: string;
}

function failuresOf(json: unknown): IngestFailure[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((f): f is Record<string, unknown> => typeof f === "object" && f !== null)
    .map((f) => ({ file: String(f.file ?? "?"), contentHash: typeof f.contentHash === "string" ? f.contentHash : undefined, error: String(f.error ?? "unknown error") }));
}

/**
 * Events matching a filter that restricts only kinds and dates: summed from the EventTally summary (events per kind and
 * exact date range), the same overlap test as `eventWhere` on each event of a row.
 */
async function tallyCount(db: Db, f: ViewFilter): Promise<number> {
  const [r] = await db.$queryRaw<{ n: number }[]>`SELECT COALESCE(sum(t.n), 0)::int AS n FROM "EventTally" t WHERE t."placeId" IS NULL AND ${tallyFilterSql(f)}`;
  return r?.n ?? 0;
}

/** First and last day of all events and of all articles: four index end-points (Prisma's aggregate reads every row). */
async function dateRanges(db: Db) {
  const [r] = await db.$queryRaw<{ eFrom: Date | null; eTo: Date | null; aFrom: Date | null; aTo: Date | null }[]>`
    SELECT (SELECT min("dateFrom") FROM "Event") AS "eFrom", (SELECT max("dateTo") FROM "Event") AS "eTo",
           (SELECT min("publishedWindowFrom") FROM "Article") AS "aFrom", (SELECT max("publishedWindowTo") FROM "Article") AS "aTo"`;
  return { eventRange: { _min: { dateFrom: r?.eFrom ?? null }, _max: { dateTo: r?.eTo ?? null } }, articleRange: { _min: { publishedWindowFrom: r?.aFrom ?? null }, _max: { publishedWindowTo: r?.aTo ?? null } } };
}

/**
 * Events with at least two independent sources among those matching the filter. The literal `>= 2` lets Postgres use
 * the partial index `Event_corroborated_dateFrom_dateTo_kind_idx` (only those events, by date window and kind) in every
 * plan, generic ones included; a bound parameter would hide the predicate from the planner.
 */
async function corroboratedCount(db: Db, f: ViewFilter): Promise<number> {
  const [r] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Event" e WHERE e."independentSources" >= 2 AND ${eventFilterSql(f)}`;
  return r?.n ?? 0;
}

/**
 * First and last day of the events matching a filter, each from one end of a date index (Prisma's aggregate wraps the
 * filter in a subquery and reads every matching event).
 */
async function eventRangeOf(db: Db, f: ViewFilter) {
  const cond = eventFilterSql(f);
  const [r] = await db.$queryRaw<{ from: Date | null; to: Date | null }[]>`
    SELECT (SELECT min(e."dateFrom") FROM "Event" e WHERE ${cond}) AS "from", (SELECT max(e."dateTo") FROM "Event" e WHERE ${cond}) AS "to"`;
  return { _min: { dateFrom: r?.from ?? null }, _max: { dateTo: r?.to ?? null } };
}

const isEmpty = (f: ViewFilter) => !f.from && !f.to && !f.actors?.length && !f.issues?.length && !f.kinds?.length && !f.outlets?.length;

export const overviewRouter = createTRPCRouter({
  /** Counts (articles, events, actors, independent sources), date range, and the last ingest runs. */
  summary: publicProcedure.input(FilterInput).query(async ({ ctx, input }) => {
    const aWhere = articleWhere(input.filter);
    const eWhere = eventWhere(input.filter);
    const unfiltered = isEmpty(input.filter);
    const [articles, events, actors, outlets, ranges, runs, corroborated] = await Promise.all([
      ctx.db.article.count({ where: aWhere }),
      tallyAnswers(input.filter) ? tallyCount(ctx.db, input.filter) : ctx.db.event.count({ where: eWhere }),
      ctx.db.actor.count({ where: input.filter.actors?.length ? { id: { in: input.filter.actors } } : actorWhere(input.filter) }),
      ctx.db.article.groupBy({ by: ["outlet"], where: { AND: [aWhere, { outlet: { not: null } }] } }),
      unfiltered
        ? dateRanges(ctx.db)
        : Promise.all([
            eventRangeOf(ctx.db, input.filter),
            ctx.db.article.aggregate({ where: aWhere, _min: { publishedWindowFrom: true }, _max: { publishedWindowTo: true } }),
          ]).then(([eventRange, articleRange]) => ({ eventRange, articleRange })),
      ctx.db.ingestRun.findMany({
        select: { id: true, origin: true, startedAt: true, finishedAt: true, articlesNew: true, articlesUnchanged: true, articlesFailed: true, failures: true },
        orderBy: { startedAt: "desc" },
        take: 5,
      }),
      corroboratedCount(ctx.db, input.filter),
    ]);
    const { eventRange, articleRange } = ranges;
    return {
      counts: { articles, events, actors, sources: outlets.length, corroboratedEvents: corroborated },
      eventRange: { from: isoDay(eventRange._min.dateFrom), to: isoDay(eventRange._max.dateTo) },
      articleRange: { from: isoDay(articleRange._min.publishedWindowFrom), to: isoDay(articleRange._max.publishedWindowTo) },
      lastRun: runs[0] ? { ...runs[0], failures: failuresOf(runs[0].failures) } : null,
      recentRuns: runs.map((r) => ({ ...r, failures: failuresOf(r.failures) })),
    };
  }),

  /** The newest events matching the filter. */
  latestEvents: publicProcedure.input(LatestInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db.event.findMany({ where: eventWhere(input.filter), select: eventListSelect, orderBy: eventOrder, take: input.limit });
    return toEventListItems(ctx.db, rows);
  }),

  /** Values the filter bar offers, with counts; all aggregated in SQL. */
  filterOptions: publicProcedure.query(async ({ ctx }) => {
    const [actors, issues, cellCounts, kinds, outlets, { eventRange, articleRange }] = await Promise.all([
      // Most mentioned first, counts from the ActorTotal summary.
      ctx.db.actor.findMany({
        where: { total: { is: { mentions: { gt: 0 } } } },
        select: { id: true, name: true, kind: true, total: { select: { participations: true } } },
        orderBy: [{ total: { mentions: "desc" } }, { name: "asc" }, { id: "asc" }],
        take: 300,
      }),
      // Positions per issue from the PositionCell summary (its `n` is every position of an actor × issue).
      ctx.db.issue.findMany({ select: { id: true, code: true, label: true }, orderBy: { code: "asc" } }),
      ctx.db.positionCell.groupBy({ by: ["issueId"], _sum: { n: true } }),
      // Events per kind from the EventTally summary.
      ctx.db.eventTally.groupBy({ by: ["kind"], where: { placeId: null }, _sum: { n: true } }),
      ctx.db.article.groupBy({ by: ["outlet"], where: { outlet: { not: null } }, _count: { _all: true }, orderBy: { outlet: "asc" } }),
      dateRanges(ctx.db),
    ]);
    const kindCount = new Map(kinds.map((k) => [k.kind, k._sum.n ?? 0]));
    const issueCount = new Map(cellCounts.map((c) => [c.issueId, c._sum.n ?? 0]));
    const issueMap = new Map<string, { value: string; label: string; count: number }>();
    for (const i of issues) {
      const e = issueMap.get(i.code) ?? { value: i.code, label: i.label, count: 0 };
      e.count += issueCount.get(i.id) ?? 0;
      issueMap.set(i.code, e);
    }
    const dates = [isoDay(eventRange._min.dateFrom), isoDay(articleRange._min.publishedWindowFrom)].filter(Boolean).sort();
    const ends = [isoDay(eventRange._max.dateTo), isoDay(articleRange._max.publishedWindowTo)].filter(Boolean).sort();
    return {
      actors: actors.map((a) => ({ value: a.id, label: a.name, kind: a.kind, count: a.total?.participations ?? 0 })),
      issues: [...issueMap.values()],
      kinds: EVENT_KINDS.map((k) => ({ value: k.kind, label: k.label, count: kindCount.get(k.kind) ?? 0 })),
      outlets: outlets.map((o) => ({ value: o.outlet as string, label: o.outlet as string, count: o._count._all })),
      minDate: dates[0] ?? null,
      maxDate: ends[ends.length - 1] ?? null,
    };
  }),
});
