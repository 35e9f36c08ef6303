import { ActorListInput, ByIdInput, Page, type ViewFilter } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import type { Prisma } from "../db.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { articleWhere, isoDay } from "../where.ts";

/** Actors seen in articles matching the filter (the actor filter itself picks actors by id). */
export function actorWhere(f: ViewFilter, extra: { kind?: string; q?: string } = {}): Prisma.ActorWhereInput {
  const rest: ViewFilter = { ...f, actors: undefined };
  const q = extra.q?.trim();
  return {
    AND: [
      f.actors?.length ? { id: { in: f.actors } } : {},
      { mentions: { some: { article: articleWhere(rest) } } },
      extra.kind ? { kind: extra.kind } : {},
      q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { aliases: { some: { name: { contains: q, mode: "insensitive" } } } }] } : {},
    ],
  };
}

/** The actor page: the actor, and a page of its events and of the articles it is seen in (both can run to thousands). */
export const ActorByIdInput = ByIdInput.extend({
  events: Page.default({ cursor: 0, limit: 100 }),
  seenIn: Page.default({ cursor: 0, limit: 100 }),
});

/** Articles listed at most per spelling of the actor's name (the answer says how many there are). */
const ALIAS_ARTICLES = 20;

const actorListSelect = {
  id: true,
  key: true,
  kind: true,
  name: true,
  role: true,
  affiliationKey: true,
  _count: { select: { mentions: true, participations: true, quotes: true, positions: true } },
} satisfies Prisma.ActorSelect;

export const actorsRouter = createTRPCRouter({
  /** Actors matching the filter (and optional kind / name search), most mentioned first. */
  list: publicProcedure.input(ActorListInput).query(async ({ ctx, input }) => {
    const where = actorWhere(input.filter, { kind: input.kind, q: input.q });
    const [total, rows] = await ctx.db.$transaction([
      ctx.db.actor.count({ where }),
      ctx.db.actor.findMany({
        where,
        select: actorListSelect,
        orderBy: [{ mentions: { _count: "desc" } }, { name: "asc" }, { id: "asc" }],
        skip: input.page.cursor,
        take: input.page.limit,
      }),
    ]);
    const next = input.page.cursor + rows.length;
    return {
      items: rows.map(({ _count, ...a }) => ({ ...a, mentionCount: _count.mentions, eventCount: _count.participations, quoteCount: _count.quotes, positionCount: _count.positions })),
      total,
      cursor: input.page.cursor,
      limit: input.page.limit,
      nextCursor: next < total ? next : null,
    };
  }),

  /**
   * One actor: aliases and where each was seen, role, affiliation, events, quotes, positions over time. Events and
   * "seen in" articles come a page at a time (`events`, `seenIn`: cursor and limit; totals in `eventTotal`,
   * `seenInTotal`), aliases with at most 20 articles each (`articleCount` says how many).
   */
  byId: publicProcedure.input(ActorByIdInput).query(async ({ ctx, input }) => {
    const a = await ctx.db.actor.findUnique({
      where: { id: input.id },
      select: {
        id: true,
        key: true,
        kind: true,
        name: true,
        role: true,
        affiliationKey: true,
        iso: true,
        wikidata: true,
        quotes: {
          select: {
            id: true,
            text: true,
            mode: true,
            saidOn: true,
            speakerLabel: true,
            article: { select: { id: true, title: true, outlet: true, publishedValue: true } },
          },
          orderBy: [{ article: { publishedWindowFrom: { sort: "asc", nulls: "last" } } }, { start: "asc" }],
          take: 200,
        },
        positions: {
          select: {
            id: true,
            stance: true,
            modality: true,
            date: true,
            dateFrom: true,
            evidenceText: true,
            quoteId: true,
            issue: { select: { code: true, label: true, proposition: true } },
            article: { select: { id: true, title: true, outlet: true, publishedValue: true, publishedWindowFrom: true } },
          },
          orderBy: [{ dateFrom: { sort: "asc", nulls: "last" } }, { article: { publishedWindowFrom: { sort: "asc", nulls: "last" } } }, { ordinal: "asc" }],
          take: 500,
        },
      },
    });
    if (!a) throw new TRPCError({ code: "NOT_FOUND", message: `No actor ${input.id}` });

    const [affiliation, members, aliasRows, eventPage, eventCount, seenInPage, seenInCount] = await Promise.all([
      a.affiliationKey ? ctx.db.actor.findUnique({ where: { key: a.affiliationKey }, select: { id: true, key: true, name: true, kind: true } }) : null,
      ctx.db.actor.findMany({ where: { affiliationKey: a.key }, select: { id: true, name: true, role: true, kind: true }, orderBy: { name: "asc" }, take: 100 }),
      // Each spelling with its first articles (in the order they were seen) and how many there are.
      ctx.db.$queryRaw<{ name: string; n: number; id: string | null; title: string | null; outlet: string | null; publishedValue: string | null }[]>`
        WITH r AS (
          SELECT al.name, al."articleId", al."createdAt", al.id,
                 ROW_NUMBER() OVER (PARTITION BY al.name ORDER BY al."createdAt", al.id) AS rn,
                 (count(al."articleId") OVER (PARTITION BY al.name))::int AS n
          FROM "ActorAlias" al WHERE al."actorId" = ${a.id}
        )
        SELECT r.name, r.n, ar.id, ar.title, ar.outlet, ar."publishedValue"
        FROM r LEFT JOIN "Article" ar ON ar.id = r."articleId"
        WHERE r.rn <= ${ALIAS_ARTICLES}
        ORDER BY r.name, r."createdAt", r.id`,
      ctx.db.eventParticipant.findMany({
        where: { actorId: a.id },
        select: {
          role: true,
          event: { select: { id: true, kind: true, summary: true, status: true, dateValue: true, dateFrom: true, independentSources: true, _count: { select: { reports: true } } } },
        },
        orderBy: [{ event: { dateFrom: { sort: "asc", nulls: "last" } } }, { event: { createdAt: "asc" } }, { eventId: "asc" }, { role: "asc" }],
        skip: input.events.cursor,
        take: input.events.limit,
      }),
      ctx.db.eventParticipant.count({ where: { actorId: a.id } }),
      // Articles that mention the actor, with the number of mentions, oldest first.
      ctx.db.$queryRaw<{ id: string; title: string | null; outlet: string | null; publishedValue: string | null; mentions: number }[]>`
        SELECT ar.id, ar.title, ar.outlet, ar."publishedValue", m.n AS mentions
        FROM (SELECT "articleId", count(*)::int AS n FROM "Mention" WHERE "actorId" = ${a.id} GROUP BY "articleId") m
        JOIN "Article" ar ON ar.id = m."articleId"
        ORDER BY ar."publishedWindowFrom" ASC NULLS LAST, ar."createdAt" ASC, ar.id ASC
        OFFSET ${input.seenIn.cursor} LIMIT ${input.seenIn.limit}`,
      ctx.db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "articleId")::int AS n FROM "Mention" WHERE "actorId" = ${a.id}`,
    ]);
    const eventTotal = eventCount;
    const seenInTotal = seenInCount[0]?.n ?? 0;
    const pageOf = (p: { cursor: number; limit: number }, got: number, total: number) => ({
      cursor: p.cursor,
      limit: p.limit,
      nextCursor: p.cursor + got < total ? p.cursor + got : null,
    });

    // Aliases grouped by spelling, each with the articles it was seen in.
    const aliasMap = new Map<string, { articleCount: number; articles: { id: string; title: string | null; outlet: string | null; published: string | null }[] }>();
    for (const al of aliasRows) {
      const entry = aliasMap.get(al.name) ?? { articleCount: al.n, articles: [] };
      if (al.id && !entry.articles.some((x) => x.id === al.id)) entry.articles.push({ id: al.id, title: al.title, outlet: al.outlet, published: al.publishedValue });
      aliasMap.set(al.name, entry);
    }

    return {
      id: a.id,
      key: a.key,
      kind: a.kind,
      name: a.name,
      role: a.role,
      externalIds: { iso: a.iso, wikidata: a.wikidata },
      affiliation: affiliation ?? (a.affiliationKey ? { id: null, key: a.affiliationKey, name: a.affiliationKey, kind: null } : null),
      members,
      aliases: [...aliasMap.entries()].map(([name, e]) => ({ name, articles: e.articles, articleCount: e.articleCount })),
      seenIn: seenInPage,
      seenInTotal,
      seenInPage: pageOf(input.seenIn, seenInPage.length, seenInTotal),
      eventTotal,
      eventPage: pageOf(input.events, eventPage.length, eventTotal),
      events: eventPage.map((p) => ({
        role: p.role,
        id: p.event.id,
        kind: p.event.kind,
        summary: p.event.summary,
        status: p.event.status,
        date: p.event.dateValue,
        independentSources: p.event.independentSources,
        reportCount: p.event._count.reports,
      })),
      quotes: a.quotes,
      positions: a.positions.map((p) => ({
        id: p.id,
        issue: p.issue,
        stance: p.stance,
        modality: p.modality,
        date: p.date ?? p.article.publishedValue,
        dateIsPublication: !p.date,
        day: isoDay(p.dateFrom) ?? isoDay(p.article.publishedWindowFrom),
        evidence: p.evidenceText,
        quoteId: p.quoteId,
        article: { id: p.article.id, title: p.article.title, outlet: p.article.outlet },
      })),
    };
  }),
});
