import { ActorListInput, ByIdInput, Page, type ViewFilter } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import type { Prisma } from "../db.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";
import { isoDate } from "../../components/viz/server/sql-filter.ts";
import { articleWhere, day } from "../where.ts";

/**
 * Actors seen in articles matching the filter (the actor filter itself picks actors by id). "Seen in" goes through the
 * ActorArticle summary (one row per actor and article with a mention, with the article's publication day), so a date
 * range needs no article rows: an article's window overlaps [from, to] when its first day lies in the range, or when
 * it is wider than a day (`wideTo`), starts before the range and reaches into it. The other article filters join the
 * article. Without any article filter, an actor is seen when its ActorTotal row counts mentions.
 */
export function actorWhere(f: ViewFilter, extra: { kind?: string; q?: string } = {}): Prisma.ActorWhereInput {
  const rest: ViewFilter = { ...f, actors: undefined, from: undefined, to: undefined };
  const q = extra.q?.trim();
  const article = rest.issues?.length || rest.kinds?.length || rest.outlets?.length ? { article: articleWhere(rest) } : {};
  const from = f.from ? day(f.from) : undefined;
  const to = f.to ? day(f.to) : undefined;
  const seen: Prisma.ActorWhereInput = !from && !to
    ? "article" in article
      ? { articles: { some: article } }
      : { total: { is: { mentions: { gt: 0 } } } }
    : {
        OR: [
          { articles: { some: { ...article, day: { ...(from ? { gte: from } : { not: null }), ...(to ? { lte: to } : {}) } } } },
          ...(from ? [{ articles: { some: { ...article, wideTo: { gte: from }, day: { lt: from } } } }] : []),
        ],
      };
  return {
    AND: [
      f.actors?.length ? { id: { in: f.actors } } : {},
      seen,
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

interface QuoteRow {
  id: string;
  text: string;
  mode: string;
  saidOn: string | null;
  speakerLabel: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
  publishedValue: string | null;
}
interface PositionRow {
  id: string;
  stance: string;
  modality: string | null;
  date: string | null;
  day: Date | string | null;
  evidenceText: string;
  quoteId: string | null;
  code: string;
  label: string;
  proposition: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
  publishedValue: string | null;
}
interface EventRow {
  role: string;
  id: string;
  kind: string;
  summary: string;
  status: string;
  dateValue: string | null;
  independentSources: number;
  reportCount: number;
}

/**
 * Articles listed at most per spelling of the actor's name (the answer says how many there are; all of them are in
 * the paged "seen in" list). A busy actor has dozens of spellings, and each listed article is a look-up.
 */
export const ALIAS_ARTICLES = 10;

/** The list's columns; the counts come from the ActorTotal summary (maintained with every article). */
const actorListSelect = {
  id: true,
  key: true,
  kind: true,
  name: true,
  role: true,
  affiliationKey: true,
  total: { select: { mentions: true, participations: true, quotes: true, positions: true } },
} satisfies Prisma.ActorSelect;

export const actorsRouter = createTRPCRouter({
  /** Actors matching the filter (and optional kind / name search), most mentioned first. */
  list: publicProcedure.input(ActorListInput).query(async ({ ctx, input }) => {
    const where = actorWhere(input.filter, { kind: input.kind, q: input.q });
    // The count and the page side by side (each tests every candidate actor once).
    const [total, rows] = await Promise.all([
      ctx.db.actor.count({ where }),
      ctx.db.actor.findMany({
        where,
        select: actorListSelect,
        orderBy: [{ total: { mentions: "desc" } }, { name: "asc" }, { id: "asc" }],
        skip: input.page.cursor,
        take: input.page.limit,
      }),
    ]);
    const next = input.page.cursor + rows.length;
    return {
      items: rows.map(({ total: t, ...a }) => ({
        ...a,
        mentionCount: t?.mentions ?? 0,
        eventCount: t?.participations ?? 0,
        quoteCount: t?.quotes ?? 0,
        positionCount: t?.positions ?? 0,
      })),
      total,
      cursor: input.page.cursor,
      limit: input.page.limit,
      nextCursor: next < total ? next : null,
    };
  }),

  /**
   * One actor: aliases and where each was seen, role, affiliation, events, quotes, positions over time. Events and
   * "seen in" articles come a page at a time (`events`, `seenIn`: cursor and limit; totals in `eventTotal`,
   * `seenInTotal`), aliases with at most `ALIAS_ARTICLES` articles each (`articleCount` says how many).
   */
  byId: publicProcedure.input(ActorByIdInput).query(async ({ ctx, input }) => {
    const id = input.id;
    // Everything keyed by the actor id at once (the affiliation and the members by the actor's keys, in SQL).
    const [a, affiliationRows, members, quotes, positions, aliasList, eventPage, totals, seenInPage] = await Promise.all([
      ctx.db.actor.findUnique({
        where: { id },
        select: { id: true, key: true, kind: true, name: true, role: true, affiliationKey: true, iso: true, wikidata: true },
      }),
      ctx.db.$queryRaw<{ id: string; key: string; name: string; kind: string }[]>`
        SELECT o.id, o.key, o.name, o.kind FROM "Actor" o WHERE o.key = (SELECT "affiliationKey" FROM "Actor" WHERE id = ${id})`,
      ctx.db.$queryRaw<{ id: string; name: string; role: string | null; kind: string }[]>`
        SELECT m.id, m.name, m.role, m.kind FROM "Actor" m WHERE m."affiliationKey" = (SELECT key FROM "Actor" WHERE id = ${id})
        ORDER BY m.name ASC LIMIT 100`,
      // By the article's publication day (copied onto the quote as articleDay), then place in the text.
      ctx.db.$queryRaw<QuoteRow[]>`
        SELECT q.id, q.text, q.mode, q."saidOn", q."speakerLabel", ar.id AS "articleId", ar.title, ar.outlet, ar."publishedValue"
        FROM (SELECT * FROM "Quote" WHERE "speakerId" = ${id} ORDER BY "articleDay" ASC NULLS LAST, start ASC, id ASC LIMIT 200) q
        JOIN "Article" ar ON ar.id = q."articleId"
        ORDER BY q."articleDay" ASC NULLS LAST, q.start ASC, q.id ASC`,
      // Positions over time: by the day each counts from (own date, else publication day), undated last.
      ctx.db.$queryRaw<PositionRow[]>`
        SELECT p.id, p.stance, p.modality, p.date, p.day, p."evidenceText", p."quoteId", i.code, i.label, i.proposition,
               ar.id AS "articleId", ar.title, ar.outlet, ar."publishedValue"
        FROM (SELECT * FROM "Position" WHERE "actorId" = ${id} ORDER BY day ASC NULLS LAST, "articleId" ASC, ordinal ASC LIMIT 500) p
        JOIN "Issue" i ON i.id = p."issueId"
        JOIN "Article" ar ON ar.id = p."articleId"
        ORDER BY p.day ASC NULLS LAST, p."articleId" ASC, p.ordinal ASC`,
      // Each spelling with how many articles it was seen in and its first few (in the order they were seen), as one
      // JSON text. The spellings and their counts come from the (actorId, name, articleId) index alone; each spelling's
      // first articles from the (actorId, name, createdAt, id) index and a primary-key probe per listed article, so a
      // busy actor with thousands of alias rows costs a few reads per spelling.
      ctx.db.$queryRaw<{ list: string }[]>`
        SELECT COALESCE(json_agg(json_build_object('name', s.name, 'n', s.n, 'articles', (
                 SELECT COALESCE(json_agg(json_build_object('id', ar.id, 'title', ar.title, 'outlet', ar.outlet, 'publishedValue', ar."publishedValue")
                                          ORDER BY f."createdAt", f.id), '[]')
                 FROM (
                   SELECT al."articleId", al."createdAt", al.id FROM "ActorAlias" al
                   WHERE al."actorId" = ${id} AND al.name = s.name AND al."articleId" IS NOT NULL
                   ORDER BY al."createdAt", al.id LIMIT ${ALIAS_ARTICLES}
                 ) f JOIN "Article" ar ON ar.id = f."articleId"
               )) ORDER BY s.name), '[]')::text AS list
        FROM (SELECT name, count("articleId")::int AS n FROM "ActorAlias" WHERE "actorId" = ${id} GROUP BY name) s`,
      // Events the actor takes part in, oldest first (undated last), with their report counts: the page straight from
      // the actor's participant rows (which carry the event's dates and creation time), then its events.
      ctx.db.$queryRaw<EventRow[]>`
        SELECT ep.role, e.id, e.kind, e.summary, e.status, e."dateValue", e."independentSources",
               (SELECT count(*)::int FROM "EventReport" r WHERE r."eventId" = e.id) AS "reportCount"
        FROM (
          SELECT "eventId", role, "dateFrom", "eventCreatedAt" FROM "EventParticipant" WHERE "actorId" = ${id}
          ORDER BY "dateFrom" ASC NULLS LAST, "eventCreatedAt" ASC, "eventId" ASC, role ASC
          OFFSET ${input.events.cursor} LIMIT ${input.events.limit}
        ) ep JOIN "Event" e ON e.id = ep."eventId"
        ORDER BY ep."dateFrom" ASC NULLS LAST, ep."eventCreatedAt" ASC, ep."eventId" ASC, ep.role ASC`,
      // The counts from the ActorTotal summary (an actor can have tens of thousands of events and articles).
      ctx.db.actorTotal.findUnique({ where: { actorId: id }, select: { participations: true, articles: true } }),
      // Articles that mention the actor, with the number of mentions, oldest first: from the ActorArticle summary
      // (mentions per actor and article, with the article's publication day and creation time).
      ctx.db.$queryRaw<{ id: string; title: string | null; outlet: string | null; publishedValue: string | null; mentions: number }[]>`
        SELECT ar.id, ar.title, ar.outlet, ar."publishedValue", aa.mentions
        FROM (
          SELECT "articleId", mentions, day, "articleCreatedAt" FROM "ActorArticle" WHERE "actorId" = ${id}
          ORDER BY day ASC NULLS LAST, "articleCreatedAt" ASC, "articleId" ASC
          OFFSET ${input.seenIn.cursor} LIMIT ${input.seenIn.limit}
        ) aa JOIN "Article" ar ON ar.id = aa."articleId"
        ORDER BY aa.day ASC NULLS LAST, aa."articleCreatedAt" ASC, aa."articleId" ASC`,
    ]);
    if (!a) throw new TRPCError({ code: "NOT_FOUND", message: `No actor ${input.id}` });
    const affiliation = affiliationRows[0] ?? null;
    const eventTotal = totals?.participations ?? 0;
    const seenInTotal = totals?.articles ?? 0;
    const pageOf = (p: { cursor: number; limit: number }, got: number, total: number) => ({
      cursor: p.cursor,
      limit: p.limit,
      nextCursor: p.cursor + got < total ? p.cursor + got : null,
    });

    // Spellings by name, each with its first articles and how many there are.
    const aliases = (
      JSON.parse(aliasList[0]?.list ?? "[]") as { name: string; n: number; articles: { id: string; title: string | null; outlet: string | null; publishedValue: string | null }[] }[]
    ).map((al) => ({ name: al.name, articles: al.articles.map((x) => ({ id: x.id, title: x.title, outlet: x.outlet, published: x.publishedValue })), articleCount: al.n }));

    return {
      id: a.id,
      key: a.key,
      kind: a.kind,
      name: a.name,
      role: a.role,
      externalIds: { iso: a.iso, wikidata: a.wikidata },
      affiliation: affiliation ?? (a.affiliationKey ? { id: null, key: a.affiliationKey, name: a.affiliationKey, kind: null } : null),
      members,
      aliases,
      seenIn: seenInPage,
      seenInTotal,
      seenInPage: pageOf(input.seenIn, seenInPage.length, seenInTotal),
      eventTotal,
      eventPage: pageOf(input.events, eventPage.length, eventTotal),
      events: eventPage.map((e) => ({
        role: e.role,
        id: e.id,
        kind: e.kind,
        summary: e.summary,
        status: e.status,
        date: e.dateValue,
        independentSources: e.independentSources,
        reportCount: e.reportCount,
      })),
      quotes: quotes.map((q) => ({
        id: q.id,
        text: q.text,
        mode: q.mode,
        saidOn: q.saidOn,
        speakerLabel: q.speakerLabel,
        article: { id: q.articleId, title: q.title, outlet: q.outlet, publishedValue: q.publishedValue },
      })),
      positions: positions.map((p) => ({
        id: p.id,
        issue: { code: p.code, label: p.label, proposition: p.proposition },
        stance: p.stance,
        modality: p.modality,
        date: p.date ?? p.publishedValue,
        dateIsPublication: !p.date,
        day: isoDate(p.day),
        evidence: p.evidenceText,
        quoteId: p.quoteId,
        article: { id: p.articleId, title: p.title, outlet: p.outlet },
      })),
    };
  }),
});
