import { ByIdInput, ListInput } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import type { Db, Prisma } from "../db.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { eventWhere, isoDay } from "../where.ts";

/**
 * Columns of an event shown in lists (map popups, timeline, overview). The report count is not selected here but
 * counted for just the listed events by `toEventListItems` (Prisma's relation `_count` groups every report in the
 * database first).
 */
export const eventListSelect = {
  id: true,
  kind: true,
  plover: true,
  summary: true,
  status: true,
  dateValue: true,
  datePrecision: true,
  dateFrom: true,
  dateTo: true,
  independentSources: true,
  participants: {
    select: { role: true, actor: { select: { id: true, name: true, kind: true } } },
    orderBy: { role: "asc" },
    take: 8,
  },
  places: { select: { place: { select: { id: true, name: true, lat: true, lon: true } } }, take: 5 },
} satisfies Prisma.EventSelect;

export const eventOrder: Prisma.EventOrderByWithRelationInput[] = [
  { dateFrom: { sort: "desc", nulls: "last" } },
  { createdAt: "desc" },
  { id: "asc" },
];

type EventListRow = Prisma.EventGetPayload<{ select: typeof eventListSelect }>;

/** The list items for `rows`, in their order, with report counts (one grouped read of the listed events' reports). */
export async function toEventListItems(db: Db, rows: EventListRow[]) {
  const counts = rows.length
    ? await db.eventReport.groupBy({ by: ["eventId"], where: { eventId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const byId = new Map(counts.map((c) => [c.eventId, c._count._all]));
  return rows.map((e) => toEventListItem(e, byId.get(e.id) ?? 0));
}

export function toEventListItem(e: EventListRow, reportCount: number) {
  return {
    id: e.id,
    kind: e.kind,
    plover: e.plover,
    summary: e.summary,
    status: e.status,
    date: e.dateValue,
    datePrecision: e.datePrecision,
    dateFrom: isoDay(e.dateFrom),
    dateTo: isoDay(e.dateTo),
    independentSources: e.independentSources,
    reportCount,
    participants: e.participants.map((p) => ({ role: p.role, id: p.actor.id, name: p.actor.name, kind: p.actor.kind })),
    places: e.places.map((p) => p.place),
  };
}
export type EventListItem = ReturnType<typeof toEventListItem>;

const eventDetailSelect = {
  id: true,
  kind: true,
  plover: true,
  family: true,
  summary: true,
  status: true,
  dateValue: true,
  datePrecision: true,
  dateFrom: true,
  dateTo: true,
  dateResolution: true,
  dateRule: true,
  dateAnchor: true,
  dateText: true,
  independentSources: true,
  participants: {
    select: { role: true, actor: { select: { id: true, key: true, name: true, kind: true, role: true } } },
    orderBy: [{ role: "asc" }, { actor: { name: "asc" } }],
  },
  places: {
    select: { place: { select: { id: true, key: true, name: true, lat: true, lon: true, country: true, precision: true } } },
    orderBy: { place: { name: "asc" } },
  },
  figures: {
    select: { id: true, what: true, value: true, article: { select: { id: true, title: true, outlet: true } } },
    orderBy: [{ what: "asc" }, { value: "asc" }],
  },
  reports: {
    select: {
      id: true,
      ordinal: true,
      kind: true,
      summary: true,
      status: true,
      dateValue: true,
      dateText: true,
      dateRule: true,
      triggerText: true,
      triggerStart: true,
      triggerEnd: true,
      triggerSentence: true,
      article: {
        select: { id: true, title: true, outlet: true, url: true, file: true, agencies: true, publishedValue: true, publishedSource: true },
      },
      mentions: {
        where: { kind: "evidence" },
        select: { id: true, start: true, end: true, text: true, sentence: true },
        orderBy: { start: "asc" },
      },
    },
    orderBy: [{ article: { publishedWindowFrom: { sort: "asc", nulls: "last" } } }, { createdAt: "asc" }],
  },
} satisfies Prisma.EventSelect;

/** Splits an evidence sentence around the trigger so the page can mark it. */
function markTrigger(evidence: { start: number; end: number; text: string }, trigger: { start: number; end: number }) {
  if (trigger.start < evidence.start || trigger.end > evidence.end || evidence.text.length !== evidence.end - evidence.start) {
    return { before: evidence.text, trigger: null, after: "" };
  }
  const a = trigger.start - evidence.start;
  const b = trigger.end - evidence.start;
  return { before: evidence.text.slice(0, a), trigger: evidence.text.slice(a, b), after: evidence.text.slice(b) };
}

export const eventsRouter = createTRPCRouter({
  /** Events matching the view filter, newest first, paginated in SQL. */
  list: publicProcedure.input(ListInput).query(async ({ ctx, input }) => {
    const where = eventWhere(input.filter);
    const [total, rows] = await ctx.db.$transaction([
      ctx.db.event.count({ where }),
      ctx.db.event.findMany({ where, select: eventListSelect, orderBy: eventOrder, skip: input.page.cursor, take: input.page.limit }),
    ]);
    const next = input.page.cursor + rows.length;
    return { items: await toEventListItems(ctx.db, rows), total, cursor: input.page.cursor, limit: input.page.limit, nextCursor: next < total ? next : null };
  }),

  /** One event with its evidence: every report (article, trigger, evidence sentences), participants, places, figures. */
  byId: publicProcedure.input(ByIdInput).query(async ({ ctx, input }) => {
    const e = await ctx.db.event.findUnique({ where: { id: input.id }, select: eventDetailSelect });
    if (!e) throw new TRPCError({ code: "NOT_FOUND", message: `No event ${input.id}` });

    // Figures that differ between sources, side by side (never overwritten).
    const byWhat = new Map<string, typeof e.figures>();
    for (const f of e.figures) byWhat.set(f.what, [...(byWhat.get(f.what) ?? []), f]);
    const figures = [...byWhat.entries()].map(([what, list]) => ({
      what,
      values: list.map((f) => ({ value: f.value, article: f.article })),
      conflict: new Set(list.map((f) => f.value)).size > 1,
    }));

    return {
      id: e.id,
      kind: e.kind,
      plover: e.plover,
      family: e.family,
      summary: e.summary,
      status: e.status,
      date: e.dateValue
        ? { value: e.dateValue, precision: e.datePrecision, from: isoDay(e.dateFrom), to: isoDay(e.dateTo), resolution: e.dateResolution, rule: e.dateRule, anchor: e.dateAnchor, text: e.dateText }
        : null,
      independentSources: e.independentSources,
      participants: e.participants.map(({ role, actor: { role: office, ...actor } }) => ({ ...actor, office, role })),
      places: e.places.map((p) => p.place),
      figures,
      reports: e.reports.map((r) => ({
        id: r.id,
        ordinal: r.ordinal,
        kind: r.kind,
        summary: r.summary,
        status: r.status,
        date: r.dateValue,
        dateText: r.dateText,
        dateRule: r.dateRule,
        trigger: { text: r.triggerText, start: r.triggerStart, end: r.triggerEnd, sentence: r.triggerSentence },
        article: r.article,
        evidence: r.mentions.map((m) => ({ ...m, ...markTrigger(m, { start: r.triggerStart, end: r.triggerEnd }) })),
      })),
    };
  }),
});
