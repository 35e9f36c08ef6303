import { EVENT_KINDS } from "@lagebild/model";
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

export const overviewRouter = createTRPCRouter({
  /** Counts (articles, events, actors, independent sources), date range, and the last ingest runs. */
  summary: publicProcedure.input(FilterInput).query(async ({ ctx, input }) => {
    const aWhere = articleWhere(input.filter);
    const eWhere = eventWhere(input.filter);
    const [articles, events, actors, outlets, eventRange, articleRange, runs, corroborated] = await Promise.all([
      ctx.db.article.count({ where: aWhere }),
      ctx.db.event.count({ where: eWhere }),
      ctx.db.actor.count({ where: input.filter.actors?.length ? { id: { in: input.filter.actors } } : actorWhere(input.filter) }),
      ctx.db.article.groupBy({ by: ["outlet"], where: { AND: [aWhere, { outlet: { not: null } }] } }),
      ctx.db.event.aggregate({ where: eWhere, _min: { dateFrom: true }, _max: { dateTo: true } }),
      ctx.db.article.aggregate({ where: aWhere, _min: { publishedWindowFrom: true }, _max: { publishedWindowTo: true } }),
      ctx.db.ingestRun.findMany({
        select: { id: true, origin: true, startedAt: true, finishedAt: true, articlesNew: true, articlesUnchanged: true, articlesFailed: true, failures: true },
        orderBy: { startedAt: "desc" },
        take: 5,
      }),
      ctx.db.event.count({ where: { AND: [eWhere, { independentSources: { gte: 2 } }] } }),
    ]);
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
    const [actors, issues, kinds, outlets, eventRange, articleRange] = await Promise.all([
      // Most mentioned first, counts from the ActorTotal summary.
      ctx.db.actor.findMany({
        where: { total: { is: { mentions: { gt: 0 } } } },
        select: { id: true, name: true, kind: true, total: { select: { participations: true } } },
        orderBy: [{ total: { mentions: "desc" } }, { name: "asc" }, { id: "asc" }],
        take: 300,
      }),
      ctx.db.issue.findMany({ select: { code: true, label: true, _count: { select: { positions: true } } }, orderBy: { code: "asc" } }),
      ctx.db.event.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } }),
      ctx.db.article.groupBy({ by: ["outlet"], where: { outlet: { not: null } }, _count: { _all: true }, orderBy: { outlet: "asc" } }),
      ctx.db.event.aggregate({ _min: { dateFrom: true }, _max: { dateTo: true } }),
      ctx.db.article.aggregate({ _min: { publishedWindowFrom: true }, _max: { publishedWindowTo: true } }),
    ]);
    const kindCount = new Map(kinds.map((k) => [k.kind, k._count._all]));
    const issueMap = new Map<string, { value: string; label: string; count: number }>();
    for (const i of issues) {
      const e = issueMap.get(i.code) ?? { value: i.code, label: i.label, count: 0 };
      e.count += i._count.positions;
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
