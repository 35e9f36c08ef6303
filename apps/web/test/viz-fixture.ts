/**
 * Test support for the map, timeline and positions routers: a throwaway Postgres per test file, and a builder that
 * turns a compact description of articles into a real `Extraction` (model schema) stored with `persistExtraction`,
 * the same path the ingest pipeline takes.
 */
import { createHash } from "node:crypto";
import { persistExtraction, type Db } from "@lagebild/db";
import type { ArticleGraph, EventStatus, Extraction, MergedEvent, ParticipantRole, Stance } from "@lagebild/model";
import { appRouter } from "../src/server/routers/_app.ts";
import { createContextInner } from "../src/server/trpc.ts";
import { openTestDb as openSharedTestDb } from "./support/db.ts";

export interface TestDb {
  db: Db;
  url: string;
  caller: ReturnType<typeof appRouter.createCaller>;
  close(): Promise<void>;
}

/**
 * A migrated, empty database for one test file, through the web tests' shared helper (`support/db.ts`: an embedded
 * PostgreSQL in a temp directory, or a fresh database on the TEST_DATABASE_URL server), plus a server-side caller.
 */
export async function openTestDb(): Promise<TestDb> {
  const t = await openSharedTestDb();
  return { db: t.db, url: t.url, caller: appRouter.createCaller(createContextInner({ db: t.db, ingestToken: null })), close: t.close };
}

// ---------------------------------------------------------------------------------------------------------------
// Extraction builder

export interface ActorSpec {
  key: string;
  kind: "person" | "state" | "organisation" | "media" | "group";
  name: string;
}
export interface PlaceSpec {
  key: string;
  name: string;
  lat: number;
  lon: number;
  country?: string;
}
export interface EventSpec {
  kind: string;
  summary: string;
  /** Fuzzy ISO date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; omitted = undated. */
  date?: string;
  status?: EventStatus;
  participants?: [actorKey: string, role: ParticipantRole][];
  places?: string[];
  /** Index of the sentence holding the evidence (default 0). */
  sentence?: number;
  /** Events with the same label in several articles are one merged event with several reports. */
  merge?: string;
}
export interface QuoteSpec {
  speaker: string;
  speakerLabel: string;
  /** Must occur in the sentence. */
  text: string;
  sentence: number;
}
export interface PositionSpec {
  actor: string;
  issue: string;
  stance: Stance;
  sentence: number;
  date?: string;
  /** Index into the article's quotes. */
  quote?: number;
}
export interface ArticleSpec {
  file: string;
  outlet: string;
  published: string;
  title?: string;
  sentences: string[];
  actors?: ActorSpec[];
  places?: PlaceSpec[];
  events?: EventSpec[];
  quotes?: QuoteSpec[];
  positions?: PositionSpec[];
}

function precision(value: string): "day" | "month" | "year" {
  return value.length >= 10 ? "day" : value.length >= 7 ? "month" : "year";
}

function mentionOf(text: string, sentences: { start: number; end: number }[], needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in article text`);
  const sentence = sentences.findIndex((s) => start >= s.start && start < s.end);
  return { start, end: start + needle.length, text: needle, sentence: Math.max(0, sentence) };
}

/** Builds the model's Extraction for the given articles (dossier us-iran-2026). */
export function buildExtraction(specs: ArticleSpec[]): Extraction {
  const merged = new Map<string, MergedEvent>();
  const events: MergedEvent[] = [];
  const articles: ArticleGraph[] = specs.map((spec) => {
    let text = "";
    const sentences = spec.sentences.map((s, index) => {
      if (text) text += " ";
      const start = text.length;
      text += s;
      return { index, start, end: text.length, text: s };
    });
    const contentHash = createHash("sha256").update(`${spec.file}\n${text}`).digest("hex");
    const sentenceMention = (i: number) => {
      const s = sentences[i];
      if (!s) throw new Error(`fixture: ${spec.file} has no sentence ${i}`);
      return { start: s.start, end: s.end, text: s.text, sentence: i };
    };
    const graph: ArticleGraph = {
      article: {
        contentHash,
        file: spec.file,
        url: null,
        title: spec.title ?? spec.file,
        outlet: spec.outlet,
        agencies: [],
        authors: [],
        language: "de",
        published: { value: spec.published, precision: "day", window: [spec.published, spec.published], source: "front-matter" },
        text,
      },
      sentences,
      actors: (spec.actors ?? []).map((a) => ({
        key: a.key,
        kind: a.kind,
        name: a.name,
        aliases: [{ name: a.name, article: contentHash }],
        role: null,
        affiliation: null,
        externalIds: {},
        mentions: text.includes(a.name) ? [mentionOf(text, sentences, a.name)] : [],
      })),
      places: (spec.places ?? []).map((p) => ({
        key: p.key,
        name: p.name,
        aliases: [{ name: p.name, article: contentHash }],
        lat: p.lat,
        lon: p.lon,
        country: p.country ?? null,
        precision: "city" as const,
        mentions: text.includes(p.name) ? [mentionOf(text, sentences, p.name)] : [],
      })),
      events: (spec.events ?? []).map((e) => {
        const ev = sentenceMention(e.sentence ?? 0);
        const word = ev.text.split(/\s+/)[0]!;
        return {
          kind: e.kind as ArticleGraph["events"][number]["kind"],
          summary: e.summary,
          date: e.date ? { value: e.date, precision: precision(e.date), resolution: { kind: "absolute" as const, rule: "fixture" } } : null,
          status: e.status ?? "reported",
          participants: (e.participants ?? []).map(([actor, role]) => ({ actor, role })),
          places: e.places ?? [],
          trigger: { start: ev.start, end: ev.start + word.length, text: word, sentence: ev.sentence },
          evidence: [ev],
          figures: [],
        };
      }),
      quotes: (spec.quotes ?? []).map((q) => ({
        speaker: q.speaker,
        speakerLabel: q.speakerLabel,
        text: q.text,
        mode: "direct" as const,
        mention: mentionOf(text, sentences, q.text, sentences[q.sentence]?.start ?? 0),
        saidOn: spec.published,
      })),
      positions: (spec.positions ?? []).map((p) => ({
        actor: p.actor,
        issue: p.issue,
        stance: p.stance,
        modality: null,
        evidence: sentenceMention(p.sentence),
        date: p.date ?? null,
        quote: p.quote ?? null,
      })),
    };
    graph.events.forEach((e, i) => {
      const label = spec.events?.[i]?.merge;
      const ref = { article: contentHash, event: i };
      const existing = label ? merged.get(label) : undefined;
      if (existing) {
        existing.reports.push(ref);
        existing.independentSources += 1;
        return;
      }
      const m: MergedEvent = {
        kind: e.kind,
        summary: e.summary,
        date: e.date ?? null,
        status: e.status,
        participants: e.participants,
        places: e.places,
        reports: [ref],
        independentSources: 1,
        conflicts: [],
      };
      events.push(m);
      if (label) merged.set(label, m);
    });
    return graph;
  });
  return { dossier: "us-iran-2026", articles, events };
}

/** Stores the articles; fails the test when any article is rejected. */
export async function seed(db: Db, specs: ArticleSpec[]) {
  const result = await persistExtraction(db, buildExtraction(specs));
  const failed = result.articles.filter((a) => a.status === "failed");
  if (failed.length) throw new Error(`fixture articles failed: ${failed.map((f) => `${f.file}: ${f.error}`).join("; ")}`);
  return result;
}

export const ACTORS = {
  us: { key: "state:US", kind: "state", name: "USA" },
  iran: { key: "state:IR", kind: "state", name: "Iran" },
  israel: { key: "state:IL", kind: "state", name: "Israel" },
  oman: { key: "state:OM", kind: "state", name: "Oman" },
  witkoff: { key: "person:steve-witkoff", kind: "person", name: "Witkoff" },
  araghtschi: { key: "person:abbas-araghtschi", kind: "person", name: "Araghtschi" },
} satisfies Record<string, ActorSpec>;

export const PLACES = {
  maskat: { key: "place:maskat", name: "Maskat", lat: 23.588, lon: 58.3829, country: "OM" },
  teheran: { key: "place:teheran", name: "Teheran", lat: 35.6892, lon: 51.389, country: "IR" },
  genf: { key: "place:genf", name: "Genf", lat: 46.2044, lon: 6.1432, country: "CH" },
  washington: { key: "place:washington", name: "Washington", lat: 38.9072, lon: -77.0369, country: "US" },
} satisfies Record<string, PlaceSpec>;
