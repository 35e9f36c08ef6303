/**
 * Publication dates from corroborating reports: a batch-level step of the orchestrator for articles that name no
 * absolute day at all (so the metadata stage could not infer a window).
 *
 * When such an article reports an event with a relative expression ("vergangene Woche", "am Mittwoch",
 * "gestern") and the batch merges that event with a report from another article that dates it to a day D, the
 * expression constrains the publication day P: "vergangene Woche" → P lies in the week after D's week,
 * "am Mittwoch" → P lies in [D, D+6] (D must be a Wednesday), "gestern" → P = D+1, and so on. All constraints
 * must agree (their intersection is the bound); the article's own weekday references then narrow it as in the
 * metadata stage. Only day- and week-level expressions count, and only one per sentence: "im vergangenen
 * Jahr" or a sentence with two relative expressions says too little about which event is meant.
 */
import type { ArticleGraph, MergedEvent, Published } from "@lagebild/model";
import { addDays, findDates, weekdayOf, type FoundDate } from "../stages/dates.ts";
import { publicationWindow } from "../stages/metadata.ts";

const mondayOf = (day: string) => addDays(day, -((weekdayOf(day) + 6) % 7));

/** Any Monday: relative expressions are found with it and then re-read as constraints. */
const PROBE_ANCHOR = "2001-01-01";
const CONSTRAINING = /^(?:weekday-|weekend-|publication-day|day-before-publication|day-after-publication|previous-week|this-week|next-week|coming-days|past-days)/;

/** The publication days compatible with `d` (a relative expression) referring to an event on day `day`. */
export function constraintFor(d: FoundDate, day: string): [string, string] | null {
  const rule = d.date.resolution.rule;
  const wd = d.relativeDay?.weekday;
  const isWeekday = wd === undefined || weekdayOf(day) === wd;
  switch (rule) {
    case "weekday-before-publication":
      return isWeekday ? [day, addDays(day, 6)] : null;
    case "weekday-planned-after-publication":
      return isWeekday ? [addDays(day, -6), day] : null;
    case "weekday-nearest-publication":
      return isWeekday ? [addDays(day, -3), addDays(day, 3)] : null;
    case "weekday-this-week":
      return isWeekday ? [mondayOf(day), addDays(mondayOf(day), 6)] : null;
    case "weekday-next":
      return isWeekday ? [addDays(day, -7), addDays(day, -1)] : null;
    case "weekday-previous":
      return isWeekday ? [addDays(day, 1), addDays(day, 7)] : null;
    case "weekend-before-publication":
    case "weekend-after-publication":
    case "weekend-this-week": {
      const wdDay = weekdayOf(day);
      if (wdDay !== 6 && wdDay !== 0) return null;
      const saturday = wdDay === 6 ? day : addDays(day, -1);
      if (rule === "weekend-before-publication") return [saturday, addDays(saturday, 6)];
      if (rule === "weekend-after-publication") return [addDays(saturday, -6), saturday];
      return [mondayOf(saturday), addDays(mondayOf(saturday), 6)];
    }
    case "publication-day":
    case "day-before-publication":
    case "day-after-publication": {
      const p = addDays(day, -(d.relativeDay?.offset ?? 0));
      return [p, p];
    }
    case "previous-week":
      return [addDays(mondayOf(day), 7), addDays(mondayOf(day), 13)];
    case "this-week":
      return [mondayOf(day), addDays(mondayOf(day), 6)];
    case "next-week":
      return [addDays(mondayOf(day), -7), addDays(mondayOf(day), -1)];
    case "coming-days":
      return [addDays(day, -7), addDays(day, -1)];
    case "past-days":
      return [addDays(day, 1), addDays(day, 7)];
    default:
      return null;
  }
}

/**
 * What the reports of one merged event say about its day: the articles of the reports that give it that day.
 * With a merged day, `merged` holds the articles whose own report has that day; without one, `byDay` maps each day
 * a report of a published article gives to those articles.
 */
interface ReportedDays {
  merged: Set<string> | null;
  byDay: Map<string, Set<string>>;
}

function reportedDays(m: MergedEvent, byHash: Map<string, ArticleGraph>): ReportedDays {
  if (m.date?.precision === "day") {
    const merged = new Set<string>();
    for (const r of m.reports) if (byHash.get(r.article)?.events[r.event]?.date?.value === m.date.value) merged.add(r.article);
    return { merged, byDay: new Map() };
  }
  const byDay = new Map<string, Set<string>>();
  for (const r of m.reports) {
    const e = byHash.get(r.article)?.events[r.event];
    if (!(e?.date?.precision === "day" && byHash.get(r.article)?.article.published)) continue;
    const articles = byDay.get(e.date.value);
    if (articles) articles.add(r.article);
    else byDay.set(e.date.value, new Set([r.article]));
  }
  return { merged: null, byDay };
}

const hasOtherThan = (articles: Set<string>, article: string) => articles.size > 1 || (articles.size === 1 && !articles.has(article));

/** The day other (dated) articles give a merged event, or null when they give none or disagree. */
function corroboratedDay(m: MergedEvent, days: ReportedDays, article: string): string | null {
  if (days.merged) return hasOtherThan(days.merged, article) ? m.date!.value : null;
  let found: string | null = null;
  for (const [day, articles] of days.byDay) {
    if (!hasOtherThan(articles, article)) continue;
    if (found !== null) return null;
    found = day;
  }
  return found;
}

/**
 * The merged events of a batch indexed for `corroboratedPublication`: which events each article reports, and
 * (computed on first use) the days the other reports give each event. Build it once per batch, not per article:
 * merged events of a large batch have thousands of reports.
 */
export class Corroboration {
  private eventsOf = new Map<string, MergedEvent[]>();
  private days = new Map<MergedEvent, ReportedDays>();
  constructor(events: MergedEvent[], private byHash: Map<string, ArticleGraph>) {
    for (const m of events) {
      const articles = new Set(m.reports.map((r) => r.article));
      if (articles.size < 2) continue; // no other article reports it
      for (const a of articles) {
        const list = this.eventsOf.get(a);
        if (list) list.push(m);
        else this.eventsOf.set(a, [m]);
      }
    }
  }

  /** Merged events (in batch order) that `article` and at least one other article report. */
  sharedEvents(article: string): MergedEvent[] {
    return this.eventsOf.get(article) ?? [];
  }

  dayOf(m: MergedEvent, article: string): string | null {
    let days = this.days.get(m);
    if (!days) {
      days = reportedDays(m, this.byHash);
      this.days.set(m, days);
    }
    return corroboratedDay(m, days, article);
  }
}

/**
 * A publication window for an undated article from events other articles date, or null when nothing (or
 * something contradictory) constrains it.
 */
export function corroboratedPublication(graph: ArticleGraph, events: MergedEvent[] | Corroboration, byHash: Map<string, ArticleGraph>): Published | null {
  const corroboration = events instanceof Corroboration ? events : new Corroboration(events, byHash);
  const hash = graph.article.contentHash;
  const constraints = new Map<string, [string, string]>();
  for (const m of corroboration.sharedEvents(hash)) {
    const day = corroboration.dayOf(m, hash);
    if (!day) continue;
    for (const r of m.reports) {
      if (r.article !== hash) continue;
      const e = graph.events[r.event];
      if (!e || e.date) continue; // the event carries its own date
      const sentence = graph.sentences[e.trigger.sentence];
      if (!sentence) continue;
      const relative = findDates([sentence], { value: PROBE_ANCHOR }).filter((d) => CONSTRAINING.test(d.date.resolution.rule));
      if (relative.length !== 1) continue;
      const c = constraintFor(relative[0]!, day);
      if (!c) return null; // the expression contradicts the other report's day: do not guess
      constraints.set(`${sentence.index}:${relative[0]!.start}:${day}`, c);
    }
  }
  if (!constraints.size) return null;
  let lo = "0000-00-00";
  let hi = "9999-99-99";
  for (const [a, b] of constraints.values()) {
    if (a > lo) lo = a;
    if (b < hi) hi = b;
  }
  if (lo > hi) return null;
  return publicationWindow(graph.sentences, [lo, hi]);
}
