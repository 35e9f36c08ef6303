/**
 * POST /api/ingest — add articles over HTTP (operators, scripts). Token-protected like `ingest.submit`:
 * `Authorization: Bearer <LAGEBILD_INGEST_TOKEN>` (or `x-lagebild-token`). Refused (403) when the server has no token.
 *
 * Body, either
 *   - `application/json`: a SubmittedArticle `{ text, title?, url?, outlet?, published?, authors?, fileName? }`, or
 *   - `multipart/form-data`: `file` (txt, md, html, json, jsonl — read like the CLI reads files) or `text`, plus optional
 *     `title`, `url`, `outlet`, `published`, `authors` (comma-separated) overriding the file's own metadata.
 * Answers 201 with the stored article(s) (`200` when the text was already stored), 400 for invalid input, 422 when
 * nothing could be extracted or stored.
 */
import { SubmittedArticle } from "@lagebild/model";
import { TRPCError } from "@trpc/server";
import { MAX_FILE_BYTES } from "@lagebild/ingest";
import { serverDb } from "~/server/db.ts";
import { ingestDocuments, toDocuments, uploadToDocuments, type IngestOutcome } from "~/server/ingest.ts";
import { UploadMetadata } from "~/server/inputs.ts";
import { ingestAuthError, tokenFromHeaders } from "~/server/trpc.ts";

export const dynamic = "force-dynamic";

const STATUS = { FORBIDDEN: 403, UNAUTHORIZED: 401 } as const;

function problem(status: number, error: string, details?: unknown) {
  return Response.json({ error, ...(details ? { details } : {}) }, { status });
}

function zodDetails(issues: readonly { path: PropertyKey[]; message: string }[]) {
  return issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
}

function ok(outcome: IngestOutcome) {
  const body = { ...outcome, url: `/articles/${outcome.articleId}` };
  return Response.json(body, { status: outcome.articles.some((a) => a.status === "new") ? 201 : 200 });
}

export async function POST(req: Request) {
  const refused = ingestAuthError(process.env.LAGEBILD_INGEST_TOKEN, tokenFromHeaders(req.headers));
  if (refused) return problem(STATUS[refused.code], refused.message);

  const type = req.headers.get("content-type") ?? "";
  let prepared: ReturnType<typeof toDocuments>;
  try {
    if (type.includes("multipart/form-data")) {
      const form = await req.formData();
      const str = (k: string) => {
        const v = form.get(k);
        return typeof v === "string" && v.trim() ? v.trim() : undefined;
      };
      const meta = UploadMetadata.safeParse({
        title: str("title"),
        url: str("url"),
        outlet: str("outlet"),
        published: str("published"),
        authors: str("authors")?.split(/[;,]/).map((a) => a.trim()).filter(Boolean),
      });
      if (!meta.success) return problem(400, "invalid metadata", zodDetails(meta.error.issues));
      const file = form.get("file");
      if (file instanceof File && file.size > 0) {
        if (file.size > MAX_FILE_BYTES) return problem(413, `file too large (limit ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
        prepared = uploadToDocuments(new Uint8Array(await file.arrayBuffer()), file.name || "upload.txt", meta.data);
      } else {
        const parsed = SubmittedArticle.safeParse({ ...meta.data, text: str("text") ?? "" });
        if (!parsed.success) return problem(400, "send a `file` or a `text` field", zodDetails(parsed.error.issues));
        prepared = toDocuments(parsed.data);
      }
    } else if (type.includes("application/json")) {
      let raw: unknown;
      try {
        raw = await req.json();
      } catch {
        return problem(400, "the body is not valid JSON");
      }
      const parsed = SubmittedArticle.safeParse(raw);
      if (!parsed.success) return problem(400, "invalid article", zodDetails(parsed.error.issues));
      prepared = toDocuments(parsed.data);
    } else {
      return problem(415, "send application/json (a SubmittedArticle) or multipart/form-data (a file)");
    }
    return ok(await ingestDocuments(serverDb(), prepared.docs, prepared.failures));
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNPROCESSABLE_CONTENT") return problem(422, e.message);
    throw e;
  }
}
