import { describe, expect, it } from "vitest";
import {
  Actor, ArticleGraph, Dossier, EVENT_KINDS, Event, EventKind, FuzzyDate, Mention, Position, SubmittedArticle, ViewFilter,
  dateSpan, eventKindInfo, precisionOf,
} from "../src/index.ts";
import { bundledDossiers, loadDossier, loadDossierFile } from "../src/dossiers.ts";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const mention = { start: 0, end: 5, text: "Trump", sentence: 0 };

describe("dates", () => {
  it("derives precision from the ISO shape", () => {
    expect(precisionOf("2026-02-06")).toBe("day");
    expect(precisionOf("2026-01")).toBe("month");
    expect(precisionOf("2025")).toBe("year");
  });
  it("spans a month or a year honestly, including leap years", () => {
    expect(dateSpan("2026-02")).toEqual(["2026-02-01", "2026-02-28"]);
    expect(dateSpan("2024-02")).toEqual(["2024-02-01", "2024-02-29"]);
    expect(dateSpan("2025")).toEqual(["2025-01-01", "2025-12-31"]);
    expect(dateSpan("2026-02-06")).toEqual(["2026-02-06", "2026-02-06"]);
  });
  it("rejects malformed dates and requires a resolution rule", () => {
    expect(FuzzyDate.safeParse({ value: "06.02.2026", precision: "day", resolution: { kind: "absolute", rule: "x" } }).success).toBe(false);
    expect(FuzzyDate.safeParse({ value: "2026-02-06", precision: "day", resolution: { kind: "relative", rule: "" } }).success).toBe(false);
    expect(FuzzyDate.safeParse({ value: "2026-02-04", precision: "day", resolution: { kind: "relative", rule: "weekday-before-publication", anchor: "2026-02-05", text: "am Mittwoch" } }).success).toBe(true);
  });
});

describe("mentions and entities", () => {
  it("refuses a mention whose end precedes its start", () => {
    expect(Mention.safeParse({ start: 5, end: 2, text: "", sentence: 0 }).success).toBe(false);
  });
  it("accepts an actor with aliases carrying provenance and refuses a bad key", () => {
    const actor = { key: "person:abbas-araghtschi", kind: "person", name: "Abbas Araghtschi", aliases: [{ name: "Araghchi", article: "a".repeat(64) }], mentions: [mention] };
    expect(Actor.parse(actor).externalIds).toEqual({});
    expect(Actor.safeParse({ ...actor, key: "Abbas Araghtschi" }).success).toBe(false);
    expect(Actor.safeParse({ ...actor, kind: "robot" }).success).toBe(false);
  });
});

describe("events", () => {
  it("maps every event kind to a PLOVER category", () => {
    for (const k of EVENT_KINDS) expect(k.plover).toMatch(/^[A-Z]+$/);
    expect(eventKindInfo("attack").plover).toBe("ASSAULT");
    expect(eventKindInfo("negotiate").family).toBe(eventKindInfo("consult").family);
    expect(EventKind.safeParse("dance").success).toBe(false);
  });
  it("requires evidence for an event", () => {
    const base = { kind: "threaten", summary: "Trump droht", status: "reported", participants: [], places: [], trigger: mention };
    expect(Event.safeParse({ ...base, evidence: [] }).success).toBe(false);
    expect(Event.parse({ ...base, evidence: [mention] }).figures).toEqual([]);
  });
});

describe("positions and dossiers", () => {
  it("refuses unknown stances", () => {
    expect(Position.safeParse({ actor: "state:IR", issue: "scope", stance: "maybe", evidence: mention }).success).toBe(false);
  });
  it("ships a valid US–Iran dossier whose issues have cues", () => {
    const d = loadDossier("us-iran-2026");
    expect(d.issues.map((i) => i.id)).toEqual(["enrichment", "missiles", "proxies", "protesters", "scope", "venue", "military"]);
    for (const i of d.issues) expect(i.cues.length).toBeGreaterThan(0);
    expect(bundledDossiers().length).toBeGreaterThanOrEqual(1);
  });
  it("gives the US–Iran dossier its crisis window as data (Jan–Feb 2026)", () => {
    expect(loadDossier("us-iran-2026").window).toEqual({ from: "2026-01-01", to: "2026-02-28", label: "Current crisis (Jan–Feb 2026)" });
  });
  it("lets a dossier omit its window, and refuses a window that is not two days in order", () => {
    const base = { id: "eu-summit", name: "EU summit", issues: [{ id: "budget", label: "Budget", proposition: "The EU budget should grow.", cues: ["haushalt"] }] };
    expect(Dossier.parse(base).window).toBeUndefined();
    expect(Dossier.parse({ ...base, window: { from: "2026-03-01", to: "2026-03-31" } }).window).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(Dossier.safeParse({ ...base, window: { from: "2026-03", to: "2026-03-31" } }).success).toBe(false);
    const reversed = Dossier.safeParse({ ...base, window: { from: "2026-03-31", to: "2026-03-01" } });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.path).toEqual(["window", "to"]);
  });
  it("loads a second dossier from a data file and explains schema errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "dossier-"));
    const good = join(dir, "eu.json");
    writeFileSync(good, JSON.stringify({ id: "eu-summit", name: "EU summit", issues: [{ id: "budget", label: "Budget", proposition: "The EU budget should grow.", cues: ["haushalt"] }] }));
    expect(loadDossierFile(good).language).toBe("de");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ id: "Bad Id", name: "x", issues: [] }));
    expect(() => loadDossierFile(bad)).toThrow(/invalid dossier.*id/);
    expect(Dossier.safeParse({ id: "x", name: "x", issues: [] }).success).toBe(false);
  });
});

describe("API inputs", () => {
  it("validates view filters", () => {
    expect(ViewFilter.parse({ from: "2026-01-01", kinds: ["attack"] })).toEqual({ from: "2026-01-01", kinds: ["attack"] });
    expect(ViewFilter.safeParse({ from: "gestern" }).success).toBe(false);
    expect(ViewFilter.safeParse({ kinds: ["party"] }).success).toBe(false);
  });
  it("refuses a submitted article without enough text", () => {
    expect(SubmittedArticle.safeParse({ text: "  kurz  " }).success).toBe(false);
    expect(SubmittedArticle.safeParse({ text: "Der Außenminister traf am Montag in Genf ein.", url: "not a url" }).success).toBe(false);
  });
  it("validates a whole article graph", () => {
    const graph = {
      article: { contentHash: "f".repeat(64), file: "a.txt", agencies: ["dpa"], authors: [], language: "de", text: "Trump droht." },
      sentences: [{ index: 0, start: 0, end: 12, text: "Trump droht." }],
      actors: [], places: [], events: [], quotes: [], positions: [],
    };
    expect(ArticleGraph.safeParse(graph).success).toBe(true);
    expect(ArticleGraph.safeParse({ ...graph, article: { ...graph.article, contentHash: "abc" } }).success).toBe(false);
  });
});
