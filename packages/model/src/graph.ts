import { z } from "zod";
import { Actor } from "./actor.ts";
import { Article } from "./article.ts";
import { FuzzyDate } from "./common.ts";
import { Event, EventKind, EventStatus, Figure, Participant } from "./event.ts";
import { Sentence } from "./mention.ts";
import { Place } from "./place.ts";
import { Position } from "./position.ts";
import { Quote } from "./quote.ts";

/** Everything extracted from one article. Mentions inside refer to this article's cleaned text. */
export const ArticleGraph = z.object({
  article: Article,
  sentences: z.array(Sentence),
  actors: z.array(Actor),
  places: z.array(Place),
  events: z.array(Event),
  quotes: z.array(Quote),
  positions: z.array(Position),
});
export type ArticleGraph = z.infer<typeof ArticleGraph>;

/** Points at one event inside one article graph. */
export const EventReportRef = z.object({ article: z.string(), event: z.number().int().nonnegative() });

/** One real-world event, reported by one or more articles. */
export const MergedEvent = z.object({
  kind: EventKind,
  summary: z.string(),
  date: FuzzyDate.nullish(),
  status: EventStatus,
  participants: z.array(Participant),
  places: z.array(z.string()),
  reports: z.array(EventReportRef).min(1),
  /** Reports that do not just repeat the same agency wire. */
  independentSources: z.number().int().nonnegative(),
  /** Figures that differ between sources, kept side by side. */
  conflicts: z.array(Figure),
});
export type MergedEvent = z.infer<typeof MergedEvent>;

/** The result of extracting a batch of articles: per-article graphs plus events merged across them. */
export const Extraction = z.object({
  dossier: z.string(),
  articles: z.array(ArticleGraph),
  events: z.array(MergedEvent),
});
export type Extraction = z.infer<typeof Extraction>;
