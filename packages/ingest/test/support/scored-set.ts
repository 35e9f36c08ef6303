/**
 * Scores a folder of articles with the shared scorer (../shared/eval/score.mjs) against a gold file and asserts a
 * recall floor per category. Used by the held-out guards (heldout.test.ts, generalisation.test.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputs } from "../../src/io/index.ts";
import { createContext, extractBatch, toInterchange } from "../../src/pipeline/index.ts";

const SCORER = fileURLToPath(new URL("../../../../../shared/eval/score.mjs", import.meta.url));

export type Category = "articles" | "actors" | "places" | "events" | "quotes" | "positions";

export interface ScoredSet {
  /** Test suite title. */
  title: string;
  /** Folder holding the articles and the gold file. */
  dir: string;
  gold: string;
  /** Which files of the folder belong to the set. */
  files: RegExp;
  expectedCount: number;
  /** Minimum recall (hits / gold items) per scorer category. */
  floors: Record<Category, number>;
  /** Actors split over several entities that are tolerated. */
  maxSplit: number;
  /** Person precision (percent) required; default 100. */
  minPersonPrecision?: number;
  /** Junk actors tolerated; default 0. */
  maxJunk?: number;
}

interface Line {
  hit: number;
  total: number;
  rest: string;
}

interface ScoreReport {
  lines: Record<string, Line>;
  missed: string[];
  score: number;
  raw: string;
}

/** Parses the scorer's output ("events: 16/26 recall 62% · …", "  missed: …", "score: 73.4"). */
function parseScore(out: string): ScoreReport {
  const lines: Record<string, Line> = {};
  const missed: string[] = [];
  let score = Number.NaN;
  for (const line of out.split("\n")) {
    const m = /^(\w+)[^:]*: (\d+)\/(\d+) recall \d+%(.*)$/.exec(line);
    if (m) lines[m[1]!] = { hit: Number(m[2]), total: Number(m[3]), rest: m[4]! };
    const miss = /^\s+missed: (.*)$/.exec(line);
    if (miss) missed.push(miss[1]!);
    const s = /^score: ([\d.]+)$/.exec(line);
    if (s) score = Number(s[1]);
  }
  return { lines, missed, score, raw: out };
}

export function describeScoredSet(set: ScoredSet): void {
  const haveScorer = existsSync(SCORER);
  if (!haveScorer) console.warn(`${set.title}: skipped — the shared scorer is absent (${SCORER})`);
  const FLOORS = set.floors;
  const DIR = set.dir;
  const GOLD = join(set.dir, set.gold);

  describe.skipIf(!haveScorer)(set.title, () => {
  let tmp = "";
  let report: ScoreReport;
  let exported: ReturnType<typeof toInterchange>;
  const files = readdirSync(DIR).filter((f) => set.files.test(f)).sort();

  beforeAll(() => {
    const docs = readInputs(files, DIR).map((r) => {
      if (!r.ok) throw new Error(`cannot read ${r.file}: ${r.error}`);
      return r.doc;
    });
    const batch = extractBatch(docs, createContext());
    expect(batch.failures).toEqual([]);
    exported = toInterchange(batch);
    tmp = mkdtempSync(join(tmpdir(), "lagebild-scored-"));
    const pred = join(tmp, "export.json");
    writeFileSync(pred, JSON.stringify(exported));
    const run = spawnSync(process.execPath, [SCORER, "--gold", GOLD, "--pred", pred, "--verbose"], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`score.mjs failed (${run.status}): ${run.stderr}`);
    report = parseScore(run.stdout);
  });

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const missedOf = (prefix: string) => report.missed.filter((m) => m.startsWith(prefix)).join("\n");
  const floor = (category: Category, missPrefix: string) => {
    const l = report.lines[category];
    expect(l, `no "${category}" line in the scorer output:\n${report.raw}`).toBeDefined();
    expect(l!.hit / l!.total, `${category} ${l!.hit}/${l!.total} below the floor ${FLOORS[category]}; missed:\n${missedOf(missPrefix)}`)
      .toBeGreaterThanOrEqual(FLOORS[category]);
  };

  it(`has gold for exactly the ${set.expectedCount} articles and extracts every one`, () => {
    const gold = JSON.parse(readFileSync(GOLD, "utf8")) as { articles: { file: string }[] };
    expect(gold.articles.map((a) => a.file).sort()).toEqual(files);
    expect(files).toHaveLength(set.expectedCount);
    expect(exported.articles.map((a) => a.file.split("/").pop()).sort()).toEqual(files);
  });

  it("dates each article inside its gold window and names its outlet", () => floor("articles", "article "));

  it("finds the actors, with no junk and no person the gold does not name", () => {
    floor("actors", "actor ");
    const rest = report.lines.actors!.rest;
    const precision = Number(/person precision (\d+)%/.exec(rest)?.[1]);
    const junk = Number(/junk (\d+)/.exec(rest)?.[1]);
    const split = Number(/split (\d+)/.exec(rest)?.[1]);
    expect(precision, `person precision ${precision}%:\n${missedOf("unexpected person")}`).toBeGreaterThanOrEqual(set.minPersonPrecision ?? 100);
    expect(junk, missedOf("junk actor")).toBeLessThanOrEqual(set.maxJunk ?? 0);
    expect(split, `more actors split over several entities:\n${report.missed.filter((m) => m.includes(" split over ")).join("\n")}`).toBeLessThanOrEqual(set.maxSplit);
  });

  it("finds the places and locates them", () => {
    floor("places", "place ");
    const rest = report.lines.places!.rest;
    const [, located, total] = /well located (\d+)\/(\d+)/.exec(rest) ?? [];
    expect(Number(located) / Number(total), missedOf("place ")).toBeGreaterThanOrEqual(FLOORS.places);
  });

  it("finds the dated events", () => floor("events", "event "));

  it("attributes the quotes to the right speakers", () => floor("quotes", "quote "));

  it("finds positions on the US–Iran codebook issues", () => floor("positions", "position "));
});
}
