/**
 * The pipeline orchestrator: chains the stages for one article (`extractArticle`) and for a batch
 * (`extractBatch`, which also merges events across articles).
 *
 *   clean → metadata → sentences → dates → mentions → resolve → events → quotes → positions   (per article)
 *   merge                                                                                       (per batch)
 *
 * The publication date anchoring every relative date is the metadata date; for an inferred window it is the
 * window's last day (a weekday is then resolved to the latest such day the window allows). Articles that name
 * no day at all may get a window from events other articles of the batch date (see corroborate.ts).
 * The article's identity (`contentHash`) is the sha256 of its cleaned text; a repeat within a batch is skipped.
 */
import { createHash } from "node:crypto";
import type { ArticleGraph, Dossier, Extraction, MergedEvent, Published, Sentence } from "@lagebild/model";
import { DEFAULT_DOSSIER_ID, loadDossier } from "@lagebild/model/node";
import { clean } from "../stages/clean.ts";
import { findDates, type DateAnchor, type FoundDate } from "../stages/dates.ts";
import { extractMetadata, inferPublication } from "../stages/metadata.ts";
import { splitSentences } from "../stages/sentences.ts";
import { analyseArticle, articleMentions, type Intelligence } from "../intelligence.ts";
import type { Mention } from "../stages/mentions.ts";
import { forgetWords } from "../text.ts";
import { mergeEvents } from "../stages/merge.ts";
import { toInterchange } from "../export.ts";
import { Corroboration, corroboratedPublication } from "./corroborate.ts";
import type { ArticleMetadata, Cleaned, RawDocument } from "./types.ts";

export type * from "./types.ts";

/** What every article of a batch shares: the dossier (issue codebook, known actors). */
export interface ExtractContext {
  dossier: Dossier;
  /** Analysis budget per document, see `MAX_ANALYSED_CHARS`. */
  maxAnalysedChars?: number;
}

/**
 * Actors, places, events, quotes and positions are extracted from at most this many characters of one document
 * (about 50 long news articles). Cleaning, metadata, sentences and dates always cover the whole text. A longer
 * document is not a news article but a dump; it is still processed, in bounded time, with a warning.
 */
export const MAX_ANALYSED_CHARS = 200_000;

/** The context for a bundled dossier (default: the US–Iran dossier). Throws for an unknown id. */
export function createContext(dossierId: string = DEFAULT_DOSSIER_ID): ExtractContext {
  return { dossier: loadDossier(dossierId) };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The date relative expressions are resolved against: the publication day, or the end of an inferred window. */
export function anchorOf(meta: ArticleMetadata): DateAnchor | null {
  const p = meta.published;
  if (!p) return null;
  return { value: p.source === "inferred" ? p.window[1] : p.value };
}

// ------------------------------------------------------------------------------------------------------------
// Intelligence stages (mentions, resolve, events, quotes, positions, merge, export): src/intelligence.ts,
// src/stages/{mentions,resolve,events,quotes,positions,merge}.ts and src/export.ts.
// ------------------------------------------------------------------------------------------------------------

function runIntelligence(sentences: Sentence[], dates: FoundDate[], meta: ArticleMetadata, ctx: ExtractContext, cleaned: Cleaned, hash: string, mentions: Mention[]): Intelligence {
  return analyseArticle({
    text: cleaned.text, sentences, dates, published: meta.published, authors: meta.authors, captions: cleaned.captions,
    dossier: ctx.dossier, article: hash, mentions,
  });
}

function mergeAcross(graphs: ArticleGraph[], _ctx: ExtractContext): MergedEvent[] {
  return mergeEvents(graphs);
}

export { toInterchange };

/** Everything computed for one article, including the intermediate stage outputs (for diagnostics and tests). */
export interface ArticleRun {
  graph: ArticleGraph;
  cleaned: Cleaned;
  metadata: ArticleMetadata;
  dates: FoundDate[];
  /** Actor and place mentions of the analysed sentences (they do not depend on the publication date). */
  mentions: Mention[];
  /** Things a user should know about this document (e.g. only part of it was analysed). */
  warnings: string[];
}

/** Stage 1 and the article's identity. Throws (with a one-line message) when nothing of the article is left. */
function cleanDocument(doc: RawDocument): { cleaned: Cleaned; hash: string } {
  const cleaned = clean(doc.text);
  if (!cleaned.text.trim()) throw new Error("no article text left after removing page furniture");
  return { cleaned, hash: sha256(cleaned.text) };
}

/** Runs the per-article stages. Throws (with a one-line message) when nothing of the article is left. */
export function runArticle(doc: RawDocument, ctx: ExtractContext): ArticleRun {
  const { cleaned, hash } = cleanDocument(doc);
  return analyseCleaned(doc, cleaned, hash, ctx);
}

/**
 * Runs the stages after cleaning. An article analysed again with a publication date inferred from the batch passes
 * its first run as `undatedRun`: sentences, metadata and mentions do not depend on the date and are reused.
 */
function analyseCleaned(doc: RawDocument, cleaned: Cleaned, hash: string, ctx: ExtractContext, published?: Published, undatedRun?: ArticleRun): ArticleRun {
  const sentences = undatedRun ? undatedRun.graph.sentences : splitSentences(cleaned.text);
  const metadata = undatedRun ? { ...undatedRun.metadata } : extractMetadata(cleaned, doc.given, { sentences });
  if (published && !metadata.published) metadata.published = published;
  const dates = findDates(sentences, anchorOf(metadata));
  const warnings: string[] = [];
  const budget = ctx.maxAnalysedChars ?? MAX_ANALYSED_CHARS;
  let analysedSentences = sentences;
  let analysedDates = dates;
  if (cleaned.text.length > budget) {
    analysedSentences = sentences.filter((s) => s.end <= budget);
    analysedDates = dates.filter((d) => d.sentence < analysedSentences.length);
    warnings.push(
      `very long document (${cleaned.text.length.toLocaleString("en")} characters): actors, events, quotes and positions were extracted from the first ${budget.toLocaleString("en")} characters only`,
    );
  }
  const mentions = undatedRun?.mentions ?? articleMentions({ text: cleaned.text, sentences: analysedSentences, authors: metadata.authors, dossier: ctx.dossier });
  const intel = runIntelligence(analysedSentences, analysedDates, metadata, ctx, cleaned, hash, mentions);
  forgetWords(sentences);
  const graph: ArticleGraph = {
    article: {
      contentHash: hash,
      file: doc.file,
      url: metadata.url,
      title: metadata.title,
      outlet: metadata.outlet,
      agencies: metadata.agencies,
      authors: metadata.authors,
      language: metadata.language,
      published: metadata.published,
      text: cleaned.text,
    },
    sentences,
    ...intel,
  };
  return { graph, cleaned, metadata, dates, mentions, warnings };
}

/** Extracts one article's graph. */
export function extractArticle(doc: RawDocument, ctx: ExtractContext): ArticleGraph {
  return runArticle(doc, ctx).graph;
}

export interface ExtractFailure {
  file: string;
  error: string;
}

export interface BatchResult extends Extraction {
  /** Documents that could not be extracted, with a one-line reason. */
  failures: ExtractFailure[];
  /** Documents whose cleaned text equals an earlier one in the batch (same content hash); left out. */
  duplicates: { file: string; of: string }[];
  /** Warnings about documents that were extracted (see `ArticleRun.warnings`). */
  warnings: { file: string; warning: string }[];
}

export interface BatchOptions {
  /** Called after each document, in order. */
  onDocument?: (
    file: string,
    outcome: { status: "new"; graph: ArticleGraph; warnings: string[] } | { status: "duplicate"; of: string } | { status: "failed"; error: string },
  ) => void;
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");

/** An article the batch could not date yet, kept (with its first run) to be analysed again once other articles date it. */
interface UndatedArticle {
  doc: RawDocument;
  run: ArticleRun;
  /** Its position in the batch's articles. */
  index: number;
}

/**
 * Extracts every document and merges events across them. A document that fails is reported in `failures`
 * and the others go on; a document repeating an earlier one's cleaned text is reported in `duplicates`.
 */
export function extractBatch(docs: Iterable<RawDocument>, ctx: ExtractContext, options: BatchOptions = {}): BatchResult {
  const articles: ArticleGraph[] = [];
  const failures: ExtractFailure[] = [];
  const duplicates: { file: string; of: string }[] = [];
  const warnings: { file: string; warning: string }[] = [];
  const byHash = new Map<string, string>();
  /** Undated articles, kept to be analysed again once other articles date their events. */
  const undated = new Map<string, UndatedArticle>();
  for (const doc of docs) {
    let run: ArticleRun;
    try {
      const { cleaned, hash } = cleanDocument(doc);
      const of = byHash.get(hash);
      if (of !== undefined) {
        duplicates.push({ file: doc.file, of });
        options.onDocument?.(doc.file, { status: "duplicate", of });
        continue;
      }
      run = analyseCleaned(doc, cleaned, hash, ctx);
    } catch (e) {
      const error = oneLine(e);
      failures.push({ file: doc.file, error });
      options.onDocument?.(doc.file, { status: "failed", error });
      continue;
    }
    byHash.set(run.graph.article.contentHash, doc.file);
    if (!run.metadata.published) undated.set(run.graph.article.contentHash, { doc, run, index: articles.length });
    articles.push(run.graph);
    for (const warning of run.warnings) warnings.push({ file: doc.file, warning });
    options.onDocument?.(doc.file, { status: "new", graph: run.graph, warnings: run.warnings });
  }
  if (undated.size) redateWithBatchYear(articles, undated, ctx, warnings);
  let events: MergedEvent[] = [];
  try {
    events = mergeAcross(articles, ctx);
    if (undated.size && events.length && redateFromCorroboration(articles, events, undated, ctx, warnings)) events = mergeAcross(articles, ctx);
  } catch (e) {
    failures.push({ file: "(merge)", error: `merging events failed: ${oneLine(e)}` });
  }
  return { dossier: ctx.dossier.id, articles, events, failures, duplicates, warnings };
}

/**
 * Undated articles that name days without a year ("am 17. Februar") take the year from the batch: the year that
 * puts those days closest before the latest publication day of the dated articles. Their window then comes from
 * their own dates and weekdays, as in the metadata stage. Returns whether any article changed.
 */
function redateWithBatchYear(
  articles: ArticleGraph[],
  undated: Map<string, UndatedArticle>,
  ctx: ExtractContext,
  warnings: { file: string; warning: string }[],
): boolean {
  const known = articles
    .map((g) => g.article.published)
    .filter((p): p is Published => !!p && p.source !== "inferred" && p.precision === "day")
    .map((p) => p.value)
    .sort();
  const reference = known.at(-1);
  if (!reference) return false;
  let changed = false;
  for (const [hash, entry] of undated) {
    const graph = articles[entry.index]!;
    const published = inferPublication(entry.run.cleaned, graph.sentences, reference);
    if (!published) continue;
    articles[entry.index] = analyseCleaned(entry.doc, entry.run.cleaned, hash, ctx, published, entry.run).graph;
    undated.delete(hash);
    changed = true;
    warnings.push({
      file: entry.doc.file,
      warning: `dates in the text have no year; taking the batch's year, publication date inferred as ${published.window[0]}..${published.window[1]}`,
    });
  }
  return changed;
}

/**
 * Articles without any absolute day get a publication window from events other articles of the batch date
 * (see corroborate.ts) and are analysed again with it. Returns whether any article changed.
 */
function redateFromCorroboration(
  articles: ArticleGraph[],
  events: MergedEvent[],
  undated: Map<string, UndatedArticle>,
  ctx: ExtractContext,
  warnings: { file: string; warning: string }[],
): boolean {
  const byHash = new Map(articles.map((g) => [g.article.contentHash, g]));
  const corroboration = new Corroboration(events, byHash);
  let changed = false;
  for (const [hash, { doc, run: first, index }] of undated) {
    const published = corroboratedPublication(articles[index]!, corroboration, byHash);
    if (!published) continue;
    const run = analyseCleaned(doc, first.cleaned, hash, ctx, published, first);
    articles[index] = run.graph;
    changed = true;
    warnings.push({
      file: doc.file,
      warning: `no date in the text; publication date inferred as ${published.window[0]}..${published.window[1]} from events other articles date`,
    });
  }
  return changed;
}
