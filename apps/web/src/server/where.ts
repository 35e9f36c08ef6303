/**
 * ViewFilter → Prisma `where` objects, one per entity, so every view and export filters in SQL the same way.
 *
 * Semantics (documented in the report and the filter bar):
 * - values within one filter are OR-ed (any of the chosen actors), filters are AND-ed;
 * - `from`/`to` keep things whose date range overlaps [from, to]; undated things drop out once a date bound is set;
 * - cross-entity filters go through the article: an event "is about" an issue when an article reporting it carries a
 *   position on that issue; a quote or position "is about" an event kind when its article reports an event of that kind.
 */
import type { ViewFilter } from "@lagebild/model";
import type { Prisma } from "./db.ts";

/** `YYYY-MM-DD` → the UTC midnight Date Prisma uses for `@db.Date` columns. */
export function day(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** A `@db.Date` value back to `YYYY-MM-DD`. */
export function isoDay(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

type RangeFields = { from?: Date; to?: Date };
function bounds(f: ViewFilter): RangeFields {
  return { from: f.from ? day(f.from) : undefined, to: f.to ? day(f.to) : undefined };
}

function and<T>(parts: (T | undefined | null | false | 0 | "")[]): T[] {
  return parts.filter((p): p is T => Boolean(p));
}

/** Articles: published window overlaps the range; mentions an actor; carries a position on an issue; reports a kind; outlet. */
export function articleWhere(f: ViewFilter): Prisma.ArticleWhereInput {
  const { from, to } = bounds(f);
  return {
    AND: and<Prisma.ArticleWhereInput>([
      from && { publishedWindowTo: { gte: from } },
      to && { publishedWindowFrom: { lte: to } },
      f.actors?.length && { mentions: { some: { actorId: { in: f.actors } } } },
      f.issues?.length && { positions: { some: { issue: { code: { in: f.issues } } } } },
      f.kinds?.length && { eventReports: { some: { kind: { in: f.kinds } } } },
      f.outlets?.length && { outlet: { in: f.outlets } },
    ]),
  };
}

/** Events: date overlaps the range; an actor participates; kind; reported by an outlet; reported alongside an issue. */
export function eventWhere(f: ViewFilter): Prisma.EventWhereInput {
  const { from, to } = bounds(f);
  return {
    AND: and<Prisma.EventWhereInput>([
      from && { dateTo: { gte: from } },
      to && { dateFrom: { lte: to } },
      f.actors?.length && { participants: { some: { actorId: { in: f.actors } } } },
      f.kinds?.length && { kind: { in: f.kinds } },
      f.outlets?.length && { reports: { some: { article: { outlet: { in: f.outlets } } } } },
      f.issues?.length && { reports: { some: { article: { positions: { some: { issue: { code: { in: f.issues } } } } } } } },
    ]),
  };
}

/** The article-level part of a filter for things that live in one article (quotes, positions, mentions). */
function inArticle(f: ViewFilter, opts: { dates: boolean; issues: boolean }): Prisma.ArticleWhereInput | undefined {
  const { from, to } = bounds(f);
  const parts = and<Prisma.ArticleWhereInput>([
    opts.dates && from && { publishedWindowTo: { gte: from } },
    opts.dates && to && { publishedWindowFrom: { lte: to } },
    f.kinds?.length && { eventReports: { some: { kind: { in: f.kinds } } } },
    f.outlets?.length && { outlet: { in: f.outlets } },
    opts.issues && f.issues?.length && { positions: { some: { issue: { code: { in: f.issues } } } } },
  ]);
  return parts.length ? { AND: parts } : undefined;
}

/** Positions: own date when known, else the article's publication window; actor; issue; outlet; article reports a kind. */
export function positionWhere(f: ViewFilter): Prisma.PositionWhereInput {
  const { from, to } = bounds(f);
  const dated = from || to;
  const ownDate: Prisma.PositionWhereInput = { AND: and<Prisma.PositionWhereInput>([{ dateFrom: { not: null } }, from && { dateTo: { gte: from } }, to && { dateFrom: { lte: to } }]) };
  const articleDate: Prisma.PositionWhereInput = {
    dateFrom: null,
    article: { AND: and<Prisma.ArticleWhereInput>([from && { publishedWindowTo: { gte: from } }, to && { publishedWindowFrom: { lte: to } }]) },
  };
  const art = inArticle(f, { dates: false, issues: false });
  return {
    AND: and<Prisma.PositionWhereInput>([
      dated && { OR: [ownDate, articleDate] },
      f.actors?.length && { actorId: { in: f.actors } },
      f.issues?.length && { issue: { code: { in: f.issues } } },
      art && { article: art },
    ]),
  };
}

/** Quotes: the article's publication window; speaker; a position resting on the quote (or its article) for an issue. */
export function quoteWhere(f: ViewFilter): Prisma.QuoteWhereInput {
  const art = inArticle(f, { dates: true, issues: false });
  return {
    AND: and<Prisma.QuoteWhereInput>([
      f.actors?.length && { speakerId: { in: f.actors } },
      f.issues?.length && {
        OR: [{ positions: { some: { issue: { code: { in: f.issues } } } } }, { article: { positions: { some: { issue: { code: { in: f.issues } } } } } }],
      },
      art && { article: art },
    ]),
  };
}
