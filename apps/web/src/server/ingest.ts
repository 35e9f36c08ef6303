/**
 * Adding an article from the dashboard or `POST /api/ingest`: the same pipeline as `pnpm ingest`
 * (reader by file name → extractBatch → persistExtraction), recorded as an ingest run.
 */
import { persistExtraction, recordIngestRun } from "@lagebild/db/persist";
import type { Extraction, SubmittedArticle } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import type { Db } from "./db.ts";

export interface IngestOutcome {
  status: "new" | "unchanged";
  articleId: string;
  title: string | null;
  counts: { events: number; actors: number; places: number; quotes: number; positions: number };
}

async function extract(_input: SubmittedArticle): Promise<Extraction> {
  throw new TRPCError({ code: "NOT_IMPLEMENTED", message: "the extraction pipeline is not available yet" });
}

export async function ingestSubmitted(db: Db, input: SubmittedArticle, opts: { origin: "http" | "cli" }): Promise<IngestOutcome> {
  const startedAt = new Date();
  let extraction: Extraction;
  try {
    extraction = await extract(input);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await recordIngestRun(db, { origin: opts.origin, startedAt, failures: [{ file: input.fileName ?? "submitted", error }] }).catch(() => undefined);
    if (e instanceof TRPCError) throw e;
    throw new TRPCError({ code: "UNPROCESSABLE_CONTENT", message: `The article could not be read: ${error}` });
  }
  const result = await persistExtraction(db, extraction);
  await recordIngestRun(db, { origin: opts.origin, startedAt, result });
  const outcome = result.articles[0];
  if (!outcome || outcome.status === "failed" || !outcome.articleId) {
    throw new TRPCError({ code: "UNPROCESSABLE_CONTENT", message: `The article could not be stored: ${outcome?.error ?? "nothing was extracted"}` });
  }
  const graph = extraction.articles[0]!;
  return {
    status: outcome.status,
    articleId: outcome.articleId,
    title: graph.article.title ?? null,
    counts: { events: graph.events.length, actors: graph.actors.length, places: graph.places.length, quotes: graph.quotes.length, positions: graph.positions.length },
  };
}
