import { ActorListInput, ByIdInput, type ViewFilter } from "@lagebild/model";
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

  /** One actor: aliases and where each was seen, role, affiliation, events, quotes, positions over time. */
  byId: publicProcedure.input(ByIdInput).query(async ({ ctx, input }) => {
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
        aliases: {
          select: { name: true, article: { select: { id: true, title: true, outlet: true, publishedValue: true } } },
          orderBy: [{ name: "asc" }, { createdAt: "asc" }],
        },
        participations: {
          select: {
            role: true,
            event: { select: { id: true, kind: true, summary: true, status: true, dateValue: true, dateFrom: true, independentSources: true, _count: { select: { reports: true } } } },
          },
          orderBy: [{ event: { dateFrom: { sort: "asc", nulls: "last" } } }, { event: { createdAt: "asc" } }],
        },
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

    const [affiliation, members, seenIn] = await Promise.all([
      a.affiliationKey ? ctx.db.actor.findUnique({ where: { key: a.affiliationKey }, select: { id: true, key: true, name: true, kind: true } }) : null,
      ctx.db.actor.findMany({ where: { affiliationKey: a.key }, select: { id: true, name: true, role: true, kind: true }, orderBy: { name: "asc" }, take: 100 }),
      ctx.db.article.findMany({
        where: { mentions: { some: { actorId: a.id } } },
        select: {
          id: true,
          title: true,
          outlet: true,
          publishedValue: true,
          _count: { select: { mentions: { where: { actorId: a.id } } } },
        },
        orderBy: [{ publishedWindowFrom: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      }),
    ]);

    // Aliases grouped by spelling, each with the articles it was seen in.
    const aliasMap = new Map<string, { id: string; title: string | null; outlet: string | null; published: string | null }[]>();
    for (const al of a.aliases) {
      const list = aliasMap.get(al.name) ?? [];
      if (al.article && !list.some((x) => x.id === al.article!.id)) list.push({ id: al.article.id, title: al.article.title, outlet: al.article.outlet, published: al.article.publishedValue });
      aliasMap.set(al.name, list);
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
      aliases: [...aliasMap.entries()].map(([name, articles]) => ({ name, articles })),
      seenIn: seenIn.map(({ _count, ...art }) => ({ ...art, mentions: _count.mentions })),
      events: a.participations.map((p) => ({
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
