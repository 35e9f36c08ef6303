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

/** Articles listed at most per spelling of the actor's name (the answer says how many there are). */
const ALIAS_ARTICLES = 20;

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
   * `seenInTotal`), aliases with at most 20 articles each (`articleCount` says how many).
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
      // Each spelling with its first articles (in the order they were seen) and how many there are; as one JSON text
      // (a busy actor has thousands of such rows, which JSON.parse reads far faster than Prisma decodes rows).
      ctx.db.$queryRaw<{ list: string }[]>`
        WITH r AS (
          SELECT al.name, al."articleId", al."createdAt", al.id,
                 ROW_NUMBER() OVER (PARTITION BY al.name ORDER BY al."createdAt", al.id) AS rn,
                 (count(al."articleId") OVER (PARTITION BY al.name))::int AS n
          FROM "ActorAlias" al WHERE al."actorId" = ${id}
        )
        SELECT COALESCE(json_agg(json_build_object('name', r.name, 'n', r.n, 'id', ar.id, 'title', ar.title, 'outlet', ar.outlet,
                                                   'publishedValue', ar."publishedValue") ORDER BY r.name, r."createdAt", r.id), '[]')::text AS list
        FROM r LEFT JOIN LATERAL (
          -- One primary-key probe per listed alias row (LIMIT keeps the planner from joining all articles instead).
          SELECT a.id, a.title, a.outlet, a."publishedValue" FROM "Article" a WHERE a.id = r."articleId" LIMIT 1
        ) ar ON TRUE
        WHERE r.rn <= ${ALIAS_ARTICLES}`,
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

    // Aliases grouped by spelling, each with the articles it was seen in.
    const aliasMap = new Map<string, { articleCount: number; articles: { id: string; title: string | null; outlet: string | null; published: string | null }[] }>();
    const aliasRows = JSON.parse(aliasList[0]?.list ?? "[]") as { name: string; n: number; id: string | null; title: string | null; outlet: string | null; publishedValue: string | null }[];
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
