/**
 * Adding articles from the dashboard (`ingest.submit`) or `POST /api/ingest`: the same path as `pnpm ingest` —
 * reader chosen by file name (`readBytes`) → `extractBatch` → `persistExtraction` → `recordIngestRun`.
 */
import { persistExtraction, recordIngestRun } from "@lagebild/db/persist";
import { readBytes } from "@lagebild/ingest";
import { createContext, extractBatch, type ExtractContext, type RawDocument } from "@lagebild/ingest/pipeline";
import type { SubmittedArticle } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import type { Db } from "./db.ts";

export interface IngestedArticle {
  /** `new`: stored now; `unchanged`: the same text (or URL) was already stored. */
  status: "new" | "unchanged";
  articleId: string;
  file: string;
  title: string | null;
  counts: { events: number; actors: number; places: number; quotes: number; positions: number };
}

export interface IngestOutcome extends IngestedArticle {
  /** Every article of the submission (a JSON or JSONL file may hold several); the first is the one above. */
  articles: IngestedArticle[];
  /** Documents of the submission that could not be read, extracted or stored. */
  failures: { file: string; error: string }[];
}

let context: ExtractContext | undefined;
/** The dossier context (codebook, known actors) is loaded once per server process. */
function extractContext(): ExtractContext {
  return (context ??= createContext());
}

/** Explicit form fields win over metadata found in the file (front matter, JSON fields, HTML meta). */
function given(input: SubmittedArticle): RawDocument["given"] {
  const g: RawDocument["given"] = {};
  if (input.title) g.title = input.title;
  if (input.url) g.url = input.url;
  if (input.outlet) g.outlet = input.outlet;
  if (input.published) g.published = input.published;
  if (input.authors?.length) g.authors = input.authors;
  return g;
}

/** The submission as documents: a named file goes through the reader for its extension; pasted text is plain text. */
export function toDocuments(input: SubmittedArticle): { docs: RawDocument[]; failures: { file: string; error: string }[] } {
  const overrides = given(input);
  if (!input.fileName) {
    const label = `dashboard-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`;
    return { docs: [{ file: label, text: input.text, given: overrides }], failures: [] };
  }
  const docs: RawDocument[] = [];
  const failures: { file: string; error: string }[] = [];
  for (const r of readBytes(new TextEncoder().encode(input.text), input.fileName)) {
    if (r.ok) docs.push({ ...r.doc, given: { ...r.doc.given, ...overrides } });
    else failures.push({ file: r.file, error: r.error });
  }
  return { docs, failures };
}

/** Reads bytes of an uploaded file (any encoding the CLI accepts) into documents. */
export function uploadToDocuments(bytes: Uint8Array, fileName: string, meta: Partial<SubmittedArticle>): { docs: RawDocument[]; failures: { file: string; error: string }[] } {
  const overrides = given({ text: "", ...meta });
  const docs: RawDocument[] = [];
  const failures: { file: string; error: string }[] = [];
  for (const r of readBytes(bytes, fileName)) {
    if (r.ok) docs.push({ ...r.doc, given: { ...r.doc.given, ...overrides } });
    else failures.push({ file: r.file, error: r.error });
  }
  return { docs, failures };
}

/** Extracts and stores documents; records the run (origin `http`). Throws UNPROCESSABLE_CONTENT when nothing was stored. */
export async function ingestDocuments(db: Db, docs: RawDocument[], readFailures: { file: string; error: string }[]): Promise<IngestOutcome> {
  const startedAt = new Date();
  const ctx = extractContext();
  const batch = extractBatch(docs, ctx);
  const preFailures = [...readFailures, ...batch.failures];
  const result = await persistExtraction(db, batch, { dossier: ctx.dossier });
  await recordIngestRun(db, {
    origin: "http",
    startedAt,
    result,
    articlesUnchanged: result.unchanged + batch.duplicates.length,
    failures: preFailures,
  });

  const failures = [...preFailures, ...result.articles.filter((o) => o.status === "failed").map((o) => ({ file: o.file, error: o.error ?? "could not be stored" }))];
  const articles: IngestedArticle[] = [];
  for (const o of result.articles) {
    if (o.status === "failed" || !o.articleId) continue;
    const graph = batch.articles.find((g) => g.article.contentHash === o.contentHash);
    articles.push({
      status: o.status,
      articleId: o.articleId,
      file: o.file,
      title: graph?.article.title ?? null,
      counts: {
        events: graph?.events.length ?? 0,
        actors: graph?.actors.length ?? 0,
        places: graph?.places.length ?? 0,
        quotes: graph?.quotes.length ?? 0,
        positions: graph?.positions.length ?? 0,
      },
    });
  }
  const first = articles[0];
  if (!first) {
    const why = failures.map((f) => f.error).join("; ") || "no article text found";
    throw new TRPCError({ code: "UNPROCESSABLE_CONTENT", message: `The article could not be added: ${why}` });
  }
  return { ...first, articles, failures };
}

/** `ingest.submit`: one SubmittedArticle (pasted text, or a file's text with its name). */
export async function ingestSubmitted(db: Db, input: SubmittedArticle): Promise<IngestOutcome> {
  const { docs, failures } = toDocuments(input);
  return ingestDocuments(db, docs, failures);
}
