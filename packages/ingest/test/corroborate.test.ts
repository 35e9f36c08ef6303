import { describe, expect, it } from "vitest";
import type { ArticleGraph, Event, MergedEvent } from "@lagebild/model";
import { constraintFor, corroboratedPublication } from "../src/pipeline/corroborate.ts";
import { findDates } from "../src/stages/dates.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const rel = (text: string) => {
  const [d] = findDates(splitSentences(text), { value: "2001-01-01" });
  if (!d) throw new Error(`no date in ${text}`);
  return d;
};

describe("constraintFor", () => {
  // 2026-02-06 is a Friday.
  it("turns a relative expression and the event's day into publication bounds", () => {
    expect(constraintFor(rel("Sie hatten vergangene Woche begonnen."), "2026-02-06")).toEqual(["2026-02-09", "2026-02-15"]);
    expect(constraintFor(rel("Sie hatten am Freitag begonnen."), "2026-02-06")).toEqual(["2026-02-06", "2026-02-12"]);
    expect(constraintFor(rel("Das meldete die Agentur gestern."), "2026-02-06")).toEqual(["2026-02-07", "2026-02-07"]);
    expect(constraintFor(rel("Die für Freitag geplanten Gespräche."), "2026-02-06")).toEqual(["2026-01-31", "2026-02-06"]);
    expect(constraintFor(rel("Sie trafen sich am Wochenende."), "2026-02-08")).toEqual(["2026-02-07", "2026-02-13"]);
  });

  it("refuses a weekday that does not fit the day", () => {
    expect(constraintFor(rel("Sie hatten am Mittwoch begonnen."), "2026-02-06")).toBeNull();
    expect(constraintFor(rel("Sie trafen sich am Wochenende."), "2026-02-06")).toBeNull();
  });
});

// Two hand-made graphs: A (dated) reports talks on Friday 6 Feb 2026; B (undated) says they began "vergangene Woche"
// and that a meeting took place "am Mittwoch".
const mention = (text: string, sentence: number) => ({ start: 0, end: text.length, text, sentence });
const event = (sentence: number, date: Event["date"]): Event => ({
  kind: "negotiate", summary: "Verhandlungen", date, status: "reported", participants: [], places: [],
  trigger: mention("Verhandlungen", sentence), evidence: [mention("Verhandlungen", sentence)], figures: [],
});
const graph = (hash: string, sentences: string[], events: Event[], published: ArticleGraph["article"]["published"]): ArticleGraph => {
  const text = sentences.join("\n");
  return {
    article: { contentHash: hash.repeat(64).slice(0, 64), file: `${hash}.txt`, agencies: [], authors: [], language: "de", published, text },
    sentences: splitSentences(text), actors: [], places: [], events, quotes: [], positions: [],
  };
};
const A = graph("a", ["Am Freitag, 6. Februar 2026, verhandelten beide Seiten in Maskat."], [
  event(0, { value: "2026-02-06", precision: "day", resolution: { kind: "absolute", rule: "explicit-day-month-year" } }),
], { value: "2026-02-06", precision: "day", window: ["2026-02-06", "2026-02-06"], source: "date-line" });
const B = graph("b", ["Der Präsident traf seinen Gast am Mittwoch.", "Vertreter beider Länder hatten vergangene Woche in Maskat Verhandlungen begonnen."], [
  event(1, null),
], null);
const merged = (date: MergedEvent["date"]): MergedEvent => ({
  kind: "negotiate", summary: "Verhandlungen", date, status: "reported", participants: [], places: [],
  reports: [{ article: A.article.contentHash, event: 0 }, { article: B.article.contentHash, event: 0 }], independentSources: 2, conflicts: [],
});
const byHash = new Map([A, B].map((g) => [g.article.contentHash, g]));

describe("corroboratedPublication", () => {
  it("dates an undated article from an event another article dates, narrowed by its own weekdays", () => {
    const p = corroboratedPublication(B, [merged(A.events[0]!.date)], byHash);
    // "vergangene Woche" → 9–15 Feb; "am Mittwoch" packs best from Wednesday 11 Feb.
    expect(p).toEqual({ value: "2026-02-11", precision: "day", window: ["2026-02-11", "2026-02-12"], source: "inferred" });
  });

  it("infers nothing without a dated report from another article", () => {
    expect(corroboratedPublication(B, [merged(null)], new Map([[B.article.contentHash, B]]))).toBeNull();
    expect(corroboratedPublication(B, [], byHash)).toBeNull();
  });

  it("infers nothing when the expression contradicts the other report's day", () => {
    const wrong = graph("c", ["Die Verhandlungen hatten am Mittwoch begonnen."], [event(0, null)], null);
    const m: MergedEvent = { ...merged(A.events[0]!.date), reports: [{ article: A.article.contentHash, event: 0 }, { article: wrong.article.contentHash, event: 0 }] };
    expect(corroboratedPublication(wrong, [m], new Map([...byHash, [wrong.article.contentHash, wrong]]))).toBeNull();
  });
});
