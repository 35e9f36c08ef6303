"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import type { SubmittedArticle } from "@lagebild/model";
import { SubmittedArticle as SubmittedArticleSchema } from "@lagebild/model";
import { useTRPC } from "~/trpc/client.tsx";
import { articleTitle, fileBaseName } from "~/lib/format.ts";

type Mode = "paste" | "file";
type FieldErrors = Partial<Record<keyof SubmittedArticle | "token" | "file", string>>;

/** Files are sent as they are to POST /api/ingest, which reads them exactly like the CLI (encoding, front matter, HTML). */
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.json,.jsonl,text/plain,text/markdown,text/html,application/json";
const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface Outcome {
  status: "new" | "unchanged";
  articleId: string;
  file?: string;
  title: string | null;
  counts: { events: number; actors: number; places: number; quotes: number; positions: number };
  articles: { articleId: string; file?: string; title: string | null; status: string }[];
  failures: { file: string; error: string }[];
}

class UploadError extends Error {}

async function upload(form: FormData, token: string): Promise<Outcome> {
  const res = await fetch("/api/ingest", { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json().catch(() => null)) as (Outcome & { error?: string; details?: { field: string; message: string }[] }) | null;
  if (!res.ok || !body) {
    const details = body?.details?.map((d) => `${d.field}: ${d.message}`).join("; ");
    throw new UploadError([body?.error ?? `HTTP ${res.status}`, details].filter(Boolean).join(" — "));
  }
  return body;
}

export function AddArticleForm({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const ids = useId();
  const [mode, setMode] = useState<Mode>("paste");
  const [token, setToken] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const focusResult = () => requestAnimationFrame(() => resultRef.current?.focus());
  const paste = useMutation(trpc.ingest.submit.mutationOptions({ trpc: { context: { ingestToken: token } }, onSettled: focusResult }));
  const fileUpload = useMutation({ mutationFn: (form: FormData) => upload(form, token), onSettled: focusResult });
  const submit = mode === "paste" ? paste : fileUpload;
  const result: Outcome | undefined = submit.data;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    paste.reset();
    fileUpload.reset();
    const fd = new FormData(e.currentTarget);
    const str = (k: string) => {
      const v = fd.get(k);
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    };
    const next: FieldErrors = {};
    if (!token.trim()) next.token = "Enter the ingest token (LAGEBILD_INGEST_TOKEN of this server).";

    const file = fd.get("file");
    if (mode === "file") {
      if (!(file instanceof File) || file.size === 0) next.file = "Choose a file.";
      else if (file.size > MAX_FILE_BYTES) next.file = "The file is larger than 10 MB.";
    }
    const authors = str("authors")?.split(/[;,]/).map((a) => a.trim()).filter(Boolean);
    // The same schema the server validates with; in file mode the text comes from the file (checked by the server).
    const candidate = { text: mode === "paste" ? (str("text") ?? "") : "x".repeat(20), title: str("title"), url: str("url"), outlet: str("outlet"), published: str("published"), authors };
    const parsed = SubmittedArticleSchema.safeParse(candidate);
    if (!parsed.success) for (const issue of parsed.error.issues) next[issue.path[0] as keyof FieldErrors] ??= issue.message;
    if (Object.keys(next).length || !parsed.success) {
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    if (mode === "paste") {
      paste.mutate(parsed.data);
    } else {
      const form = new FormData();
      form.set("file", file as File);
      for (const k of ["title", "url", "outlet", "published"] as const) if (parsed.data[k]) form.set(k, parsed.data[k]!);
      if (parsed.data.authors?.length) form.set("authors", parsed.data.authors.join(", "));
      fileUpload.mutate(form);
    }
  }

  const err = (k: keyof FieldErrors) =>
    errors[k] ? (
      <span className="field-error" id={`${ids}-${k}-err`}>
        {errors[k]}
      </span>
    ) : null;
  const described = (k: keyof FieldErrors, hint?: string) => [hint, errors[k] ? `${ids}-${k}-err` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <>
      {!enabled && (
        <div className="notice notice--warn" role="note">
          <strong>Adding articles is disabled on this server.</strong> Set <code>LAGEBILD_INGEST_TOKEN</code> when starting the dashboard to enable it; every
          submission is refused until then.
        </div>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-describedby={`${ids}-intro`}>
        <p id={`${ids}-intro`} className="lede">
          The article runs through the same pipeline as <code>pnpm ingest</code>: cleaned, split into sentences, actors, places, dates, events, quotes and
          positions extracted, then stored. Submitting the same text twice changes nothing.
        </p>

        <fieldset>
          <legend>Source</legend>
          <div className="kv" role="radiogroup" aria-label="How to add the article">
            <label className="check">
              <input type="radio" name="mode" value="paste" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste text
            </label>
            <label className="check">
              <input type="radio" name="mode" value="file" checked={mode === "file"} onChange={() => setMode("file")} /> Upload a file
            </label>
          </div>
          {mode === "paste" ? (
            <div className="field">
              <label htmlFor={`${ids}-text`}>Article text</label>
              <textarea id={`${ids}-text`} name="text" lang="de" required aria-invalid={!!errors.text} aria-describedby={described("text")} />
              {err("text")}
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${ids}-file`}>File</label>
              <span className="hint" id={`${ids}-file-hint`}>
                .txt, .md (YAML front matter), .html, .json, .jsonl — up to 10 MB. Metadata in the file is used; fields below override it.
              </span>
              <input id={`${ids}-file`} type="file" name="file" accept={ACCEPT} aria-invalid={!!errors.file} aria-describedby={described("file", `${ids}-file-hint`)} />
              {err("file")}
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>Metadata (optional)</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${ids}-title`}>Title</label>
              <input id={`${ids}-title`} type="text" name="title" lang="de" aria-invalid={!!errors.title} aria-describedby={described("title")} />
              {err("title")}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-outlet`}>Outlet</label>
              <input id={`${ids}-outlet`} type="text" name="outlet" placeholder="e.g. Tagesschau" aria-invalid={!!errors.outlet} aria-describedby={described("outlet")} />
              {err("outlet")}
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${ids}-published`}>Published</label>
              <span className="hint" id={`${ids}-published-hint`}>
                YYYY-MM-DD (or YYYY-MM). Anchors relative dates such as “am Freitag”.
              </span>
              <input
                id={`${ids}-published`}
                type="text"
                name="published"
                inputMode="numeric"
                placeholder="2026-02-07"
                aria-invalid={!!errors.published}
                aria-describedby={described("published", `${ids}-published-hint`)}
              />
              {err("published")}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-url`}>URL</label>
              <input id={`${ids}-url`} type="url" name="url" placeholder="https://" aria-invalid={!!errors.url} aria-describedby={described("url")} />
              {err("url")}
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-authors`}>Authors</label>
            <span className="hint" id={`${ids}-authors-hint`}>
              Separated by commas.
            </span>
            <input id={`${ids}-authors`} type="text" name="authors" aria-describedby={described("authors", `${ids}-authors-hint`)} />
            {err("authors")}
          </div>
        </fieldset>

        <div className="field" style={{ maxWidth: "24rem" }}>
          <label htmlFor={`${ids}-token`}>Ingest token</label>
          <input
            id={`${ids}-token`}
            type="password"
            name="token"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={!!errors.token}
            aria-describedby={described("token")}
          />
          {err("token")}
        </div>

        <button type="submit" disabled={submit.isPending}>
          {submit.isPending ? "Extracting and storing…" : "Add article"}
        </button>
      </form>

      <div ref={resultRef} tabIndex={-1} aria-live="polite" style={{ marginTop: "1rem" }}>
        {submit.isError && (
          <div className="notice notice--error" role="alert">
            <strong>Not added.</strong> {describeError(submit.error)}
          </div>
        )}
        {result && (
          <div className="notice notice--ok" role="status" data-testid="ingest-result">
            <strong>{result.status === "new" ? "Article added." : "Already stored — nothing changed."}</strong>{" "}
            <Link href={`/articles/${result.articleId}`}>{articleTitle(result.title, result.file)}</Link>
            {result.status === "new" && (
              <span className="meta">
                {" "}
                — {result.counts.events} events, {result.counts.actors} actors, {result.counts.places} places, {result.counts.quotes} quotes,{" "}
                {result.counts.positions} positions extracted.
              </span>
            )}
            {result.articles.length > 1 && (
              <ul>
                {result.articles.slice(1).map((a) => (
                  <li key={a.articleId}>
                    <Link href={`/articles/${a.articleId}`}>{articleTitle(a.title, a.file)}</Link> ({a.status})
                  </li>
                ))}
              </ul>
            )}
            {result.failures.length > 0 && (
              <p>
                Not added:{" "}
                {result.failures.map((f) => `${fileBaseName(f.file)}: ${f.error}`).join("; ")}
              </p>
            )}
          </div>
        )}
      </div>
    </>
  );
}

function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; zodError?: { fieldErrors?: Record<string, string[]> } } | undefined;
    const fields = data?.zodError?.fieldErrors;
    if (fields && Object.keys(fields).length) {
      return Object.entries(fields)
        .map(([k, v]) => `${k}: ${v?.join(", ")}`)
        .join("; ");
    }
    if (data?.code === "UNAUTHORIZED") return `${error.message} Check the token.`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
