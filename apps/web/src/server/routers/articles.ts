import { ByIdInput, ListInput } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import type { Span } from "../../lib/spans.ts";
import type { Prisma } from "../db.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { articleWhere } from "../where.ts";

const articleListSelect = {
  id: true,
  title: true,
  file: true,
  url: true,
  outlet: true,
  agencies: true,
  authors: true,
  publishedValue: true,
  publishedSource: true,
  createdAt: true,
} satisfies Prisma.ArticleSelect;

export const articleOrder: Prisma.ArticleOrderByWithRelationInput[] = [
  { publishedWindowFrom: { sort: "desc", nulls: "last" } },
  { createdAt: "desc" },
  { id: "asc" },
];

/** Finds `needle` inside a sentence of `text`; offsets into the article, or null. */
function findInSentence(text: string, sentence: { start: number; end: number } | undefined, needle: string | null) {
  if (!sentence || !needle) return null;
  const at = text.slice(sentence.start, sentence.end).indexOf(needle);
  return at < 0 ? null : { start: sentence.start + at, end: sentence.start + at + needle.length };
}

export const articlesRouter = createTRPCRouter({
  /** Articles matching the filter, newest first, paginated in SQL. */
  list: publicProcedure.input(ListInput).query(async ({ ctx, input }) => {
    const where = articleWhere(input.filter);
    const { cursor, limit } = input.page;
    // In `articleOrder`, in two parts so each is read from an index in order: the dated articles newest first, then
    // the undated ones (which a date bound excludes anyway).
    const [total, dated] = await Promise.all([
      ctx.db.article.count({ where }),
      ctx.db.article.findMany({
        where: { AND: [where, { publishedWindowFrom: { not: null } }] },
        select: articleListSelect,
        orderBy: [{ publishedWindowFrom: "desc" }, { createdAt: "desc" }, { id: "asc" }],
        skip: cursor,
        take: limit,
      }),
    ]);
    let rows = dated;
    if (dated.length < limit && !input.filter.from && !input.filter.to) {
      const datedTotal = dated.length ? cursor + dated.length : await ctx.db.article.count({ where: { AND: [where, { publishedWindowFrom: { not: null } }] } });
      const undated = await ctx.db.article.findMany({
        where: { AND: [where, { publishedWindowFrom: null }] },
        select: articleListSelect,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip: Math.max(0, cursor - datedTotal),
        take: limit - dated.length,
      });
      rows = [...dated, ...undated];
    }
    // The counts for this page's articles only, each from its table's article index (a relation `_count` in the select
    // would aggregate the whole table first).
    const ids = rows.map((r) => r.id);
    const [reports, quotes, positions] = ids.length
      ? await Promise.all([
          ctx.db.eventReport.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _count: { _all: true } }),
          ctx.db.quote.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _count: { _all: true } }),
          ctx.db.position.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _count: { _all: true } }),
        ])
      : [[], [], []];
    const countOf = (groups: { articleId: string; _count: { _all: number } }[]) => new Map(groups.map((g) => [g.articleId, g._count._all]));
    const [eventCount, quoteCount, positionCount] = [countOf(reports), countOf(quotes), countOf(positions)];
    const next = input.page.cursor + rows.length;
    return {
      items: rows.map(({ publishedValue, ...a }) => ({
        ...a,
        published: publishedValue,
        eventCount: eventCount.get(a.id) ?? 0,
        quoteCount: quoteCount.get(a.id) ?? 0,
        positionCount: positionCount.get(a.id) ?? 0,
      })),
      total,
      cursor: input.page.cursor,
      limit: input.page.limit,
      nextCursor: next < total ? next : null,
    };
  }),

  /**
   * One article: metadata, cleaned text and every extracted span (actors, places, dates, quotes, event triggers) for
   * highlighting, plus the actors, places, quotes, positions and events (with corroboration) found in it.
   */
  byId: publicProcedure.input(ByIdInput).query(async ({ ctx, input }) => {
    const a = await ctx.db.article.findUnique({
      where: { id: input.id },
      select: {
        id: true,
        contentHash: true,
        file: true,
        url: true,
        title: true,
        outlet: true,
        agencies: true,
        authors: true,
        language: true,
        publishedValue: true,
        publishedPrecision: true,
        publishedWindowFrom: true,
        publishedWindowTo: true,
        publishedSource: true,
        text: true,
        createdAt: true,
        dossier: { select: { id: true, name: true } },
        sentences: { select: { index: true, start: true, end: true }, orderBy: { index: "asc" } },
        mentions: {
          where: { kind: { in: ["actor", "place"] } },
          select: {
            id: true,
            kind: true,
            start: true,
            end: true,
            text: true,
            actor: { select: { id: true, name: true, kind: true } },
            place: { select: { id: true, name: true, country: true } },
          },
          orderBy: { start: "asc" },
        },
        quotes: {
          select: {
            id: true,
            ordinal: true,
            text: true,
            mode: true,
            start: true,
            end: true,
            saidOn: true,
            speakerLabel: true,
            speaker: { select: { id: true, name: true } },
          },
          orderBy: { ordinal: "asc" },
        },
        positions: {
          select: {
            id: true,
            stance: true,
            modality: true,
            date: true,
            evidenceText: true,
            evidenceStart: true,
            actor: { select: { id: true, name: true } },
            issue: { select: { code: true, label: true } },
          },
          orderBy: { ordinal: "asc" },
        },
        eventReports: {
          select: {
            id: true,
            ordinal: true,
            kind: true,
            summary: true,
            dateValue: true,
            dateText: true,
            dateRule: true,
            triggerText: true,
            triggerStart: true,
            triggerEnd: true,
            triggerSentence: true,
            event: {
              select: {
                id: true,
                kind: true,
                summary: true,
                dateValue: true,
                independentSources: true,
                reports: {
                  where: { articleId: { not: input.id } },
                  select: { article: { select: { id: true, title: true, outlet: true, publishedValue: true } } },
                },
              },
            },
          },
          orderBy: { ordinal: "asc" },
        },
      },
    });
    if (!a) throw new TRPCError({ code: "NOT_FOUND", message: `No article ${input.id}` });

    const text = a.text;
    const sentenceAt = new Map(a.sentences.map((s) => [s.index, s]));
    const spans: Span[] = [];
    // Words that name both an actor and a place ("die USA", "Teheran" as the government) are one actor span
    // that also names the place, so the highlight stays a single link to the actor.
    const placeAt = new Map<string, string>();
    for (const m of a.mentions) if (m.kind === "place" && m.place) placeAt.set(`${m.start}:${m.end}`, m.place.name);
    const actorAt = new Set(a.mentions.filter((m) => m.kind === "actor" && m.actor).map((m) => `${m.start}:${m.end}`));
    for (const m of a.mentions) {
      const at = `${m.start}:${m.end}`;
      if (m.kind === "actor" && m.actor) {
        const place = placeAt.get(at);
        spans.push({ kind: "actor", start: m.start, end: m.end, refId: m.actor.id, label: `${m.actor.name} (${m.actor.kind})${place ? `; place: ${place}` : ""}` });
      }
      if (m.kind === "place" && m.place && !actorAt.has(at)) {
        spans.push({ kind: "place", start: m.start, end: m.end, refId: m.place.id, label: m.place.country ? `${m.place.name}, ${m.place.country}` : m.place.name });
      }
    }
    for (const q of a.quotes) {
      spans.push({ kind: "quote", start: q.start, end: q.end, refId: q.id, label: `${q.mode === "direct" ? "Quote" : "Reported speech"}: ${q.speaker?.name ?? q.speakerLabel}` });
    }
    for (const r of a.eventReports) {
      spans.push({ kind: "trigger", start: r.triggerStart, end: r.triggerEnd, refId: r.event.id, anchor: r.id, label: `Event: ${r.summary}` });
      const d = findInSentence(text, sentenceAt.get(r.triggerSentence), r.dateText);
      if (d && r.dateValue) spans.push({ kind: "date", ...d, refId: r.event.id, anchor: r.id, label: `Date ${r.dateValue}${r.dateRule ? ` (${r.dateRule})` : ""}` });
    }
    const valid = spans.filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length);

    // Distinct actors and places with the number of times each is mentioned here.
    const actors = new Map<string, { id: string; name: string; kind: string; mentions: number }>();
    const places = new Map<string, { id: string; name: string; country: string | null; mentions: number }>();
    for (const m of a.mentions) {
      if (m.actor) {
        const e = actors.get(m.actor.id) ?? { ...m.actor, mentions: 0 };
        e.mentions++;
        actors.set(m.actor.id, e);
      }
      if (m.place) {
        const e = places.get(m.place.id) ?? { ...m.place, mentions: 0 };
        e.mentions++;
        places.set(m.place.id, e);
      }
    }

    const events = new Map<string, { id: string; kind: string; summary: string; date: string | null; independentSources: number; reports: string[]; otherArticles: { id: string; title: string | null; outlet: string | null; published: string | null }[] }>();
    for (const r of a.eventReports) {
      const e = events.get(r.event.id) ?? {
        id: r.event.id,
        kind: r.event.kind,
        summary: r.event.summary,
        date: r.event.dateValue,
        independentSources: r.event.independentSources,
        reports: [],
        otherArticles: [...new Map(r.event.reports.map((x) => [x.article.id, { id: x.article.id, title: x.article.title, outlet: x.article.outlet, published: x.article.publishedValue }])).values()],
      };
      e.reports.push(r.id);
      events.set(r.event.id, e);
    }

    return {
      id: a.id,
      contentHash: a.contentHash,
      file: a.file,
      url: a.url,
      title: a.title,
      outlet: a.outlet,
      agencies: a.agencies,
      authors: a.authors,
      language: a.language,
      published: a.publishedValue
        ? { value: a.publishedValue, precision: a.publishedPrecision, source: a.publishedSource, window: [a.publishedWindowFrom?.toISOString().slice(0, 10) ?? null, a.publishedWindowTo?.toISOString().slice(0, 10) ?? null] as const }
        : null,
      dossier: a.dossier,
      ingestedAt: a.createdAt,
      text,
      spans: valid,
      sentences: a.sentences.map((x) => ({ index: x.index, start: x.start, end: x.end })),
      actors: [...actors.values()].sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name)),
      places: [...places.values()].sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name)),
      quotes: a.quotes.map((q) => ({ id: q.id, text: q.text, mode: q.mode, saidOn: q.saidOn, speakerLabel: q.speakerLabel, speaker: q.speaker })),
      positions: a.positions.map((p) => ({ id: p.id, stance: p.stance, modality: p.modality, date: p.date, evidence: p.evidenceText, actor: p.actor, issue: p.issue })),
      events: [...events.values()].map((e) => ({ ...e, corroborated: e.otherArticles.length > 0 })),
    };
  }),
});
