"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import type { SubmittedArticle } from "@lagebild/model";
import { SubmittedArticle as SubmittedArticleSchema } from "@lagebild/model";
import { useTRPC } from "~/trpc/client.tsx";

type Mode = "paste" | "file";
type FieldErrors = Partial<Record<keyof SubmittedArticle | "token" | "file", string>>;

/** Files read in the browser and sent as text; the server picks the reader (txt, md front matter, html, json) by name. */
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.json,.jsonl,text/plain,text/markdown,text/html,application/json";
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export function AddArticleForm({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const ids = useId();
  const [mode, setMode] = useState<Mode>("paste");
  const [token, setToken] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const submit = useMutation(
    trpc.ingest.submit.mutationOptions({
      trpc: { context: { ingestToken: token } },
      onSettled: () => requestAnimationFrame(() => resultRef.current?.focus()),
    }),
  );

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    submit.reset();
    const fd = new FormData(e.currentTarget);
    const str = (k: string) => {
      const v = fd.get(k);
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    };
    const next: FieldErrors = {};
    if (!token.trim()) next.token = "Enter the ingest token (LAGEBILD_INGEST_TOKEN of this server).";

    let text = str("text");
    let fileName: string | undefined;
    if (mode === "file") {
      const file = fd.get("file");
      if (!(file instanceof File) || file.size === 0) next.file = "Choose a file.";
      else if (file.size > MAX_FILE_BYTES) next.file = "The file is larger than 4 MB.";
      else {
        text = await file.text();
        fileName = file.name;
      }
    }
    const authors = str("authors")?.split(/[;,]/).map((a) => a.trim()).filter(Boolean);
    const candidate = { text: text ?? "", title: str("title"), url: str("url"), outlet: str("outlet"), published: str("published"), authors, fileName };
    const parsed = SubmittedArticleSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = (issue.path[0] === "text" && mode === "file" ? "file" : issue.path[0]) as keyof FieldErrors;
        next[key] ??= issue.message;
      }
    }
    if (Object.keys(next).length || !parsed.success) {
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    submit.mutate(parsed.data);
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
                .txt, .md (YAML front matter), .html, .json — up to 4 MB. Metadata in the file is used; fields below override it.
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
        {submit.isSuccess && (
          <div className="notice notice--ok" role="status">
            <strong>{submit.data.status === "new" ? "Article added." : "Already stored — nothing changed."}</strong>{" "}
            <Link href={`/articles/${submit.data.articleId}`}>{submit.data.title ?? "Open the article"}</Link>
            {submit.data.status === "new" && (
              <span className="meta">
                {" "}
                — {submit.data.counts.events} events, {submit.data.counts.actors} actors, {submit.data.counts.places} places, {submit.data.counts.quotes} quotes,{" "}
                {submit.data.counts.positions} positions extracted.
              </span>
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
