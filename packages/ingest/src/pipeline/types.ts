/**
 * Contracts between the ingest stages. Each stage is a pure function in `src/stages/<name>.ts`
 * taking and returning these plain values; `src/pipeline/index.ts` chains them.
 */
import type { ActorKind, FuzzyDate, Published, Sentence } from "@lagebild/model";

/** What a reader (txt, md, html, json, jsonl) hands to the pipeline. */
export interface RawDocument {
  /** File name (or `file#line` for jsonl records). */
  file: string;
  /** Decoded text (HTML already reduced to its main text). */
  text: string;
  /** Metadata given explicitly (front matter, JSON fields); wins over inferred values. */
  given: GivenMetadata;
}

export interface GivenMetadata {
  url?: string;
  title?: string;
  outlet?: string;
  published?: string;
  authors?: string[];
  agencies?: string[];
  language?: string;
}

/** Stage 1 output. `text` is what every later offset refers to. */
export interface Cleaned {
  text: string;
  /** Lines removed as page furniture, with the reason, kept for diagnostics. */
  removed: { line: string; reason: string }[];
  /** Photo captions taken out of the body: still useful as a dated, placed hint. */
  captions: { text: string; date?: string; place?: string }[];
}

/** Stage 2 output. */
export interface ArticleMetadata {
  title: string | null;
  url: string | null;
  outlet: string | null;
  agencies: string[];
  authors: string[];
  language: string;
  published: Published | null;
}

/** Stage 6 output: a date expression found in the text, resolved. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  date: FuzzyDate;
}

/** Stage 4 output: a span that names an actor or place candidate. */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** What the gazetteer or pattern says the span is. */
  type: "actor" | "place" | "both";
  kind?: ActorKind;
  /** Gazetteer key when known (`state:IR`, `place:teheran`), else undefined for pattern-found names. */
  key?: string;
  /** Office or role found next to a person name ("Außenminister"). */
  role?: string;
  /** How it was found, for debugging: `gazetteer:country`, `pattern:title-name` … */
  via: string;
}

export type { Sentence };
