import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { HighlightedText } from "~/components/HighlightedText.tsx";
import { ListCard } from "~/components/ListCard.tsx";
import { SpanLegend } from "~/components/SpanLegend.tsx";
import { articleLabels } from "~/lib/article-names.ts";
import { articleTitle, fileBaseName, formatFuzzyDate, formatTimestamp, STANCE_LABEL } from "~/lib/format.ts";
import { kindLabel } from "~/lib/kinds.ts";
import { api, orNotFound } from "~/trpc/server.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One query per request, shared by the metadata and the page. */
const load = cache(async (id: string) => (await api()).articles.byId({ id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const a = await load(id).catch(() => null);
  return { title: a ? articleTitle(a.title, a.file) : "Article" };
}

export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const a = await orNotFound(load(id));
  const articleLabel = await articleLabels(a.events.flatMap((e) => e.otherArticles.slice(0, 5)));
  const counts: Record<string, number> = {};
  for (const s of a.spans) counts[s.kind] = (counts[s.kind] ?? 0) + 1;

  return (
    <article aria-labelledby="article-title">
      <p className="meta">
        <Link href="/articles">← Articles</Link>
      </p>
      <h1 id="article-title" lang={a.language}>
        {articleTitle(a.title, a.file)}
      </h1>
      <p className="meta">
        {[
          a.outlet,
          a.published ? formatFuzzyDate(a.published.value) : "date unknown",
          a.agencies.filter((x) => x.toLowerCase() !== a.outlet?.toLowerCase()).join(", ") || null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>

      <div className="grid grid--two">
        <section className="card" aria-labelledby="text-heading">
          <h2 id="text-heading">Text</h2>
          <SpanLegend counts={counts}>
            <HighlightedText text={a.text} spans={a.spans} sentences={a.sentences} lang={a.language} />
          </SpanLegend>
        </section>

        <aside className="sidebar" aria-label="Extracted from this article">
          <section className="card" aria-labelledby="meta-heading">
            <h2 id="meta-heading">Metadata</h2>
            <dl className="meta-list">
              <dt>Outlet</dt>
              <dd>{a.outlet ?? "—"}</dd>
              <dt>Published</dt>
              <dd>
                {a.published ? (
                  <>
                    <time dateTime={a.published.value}>{formatFuzzyDate(a.published.value)}</time>
                    {a.published.source && a.published.source !== "front-matter" && <span className="meta"> ({a.published.source})</span>}
                    {a.published.window[0] && a.published.window[0] !== a.published.window[1] && (
                      <div className="meta">
                        between {formatFuzzyDate(a.published.window[0])} and {formatFuzzyDate(a.published.window[1])}
                      </div>
                    )}
                  </>
                ) : (
                  "unknown"
                )}
              </dd>
              {a.authors.length > 0 && (
                <>
                  <dt>Authors</dt>
                  <dd>{a.authors.join(", ")}</dd>
                </>
              )}
              {a.agencies.length > 0 && (
                <>
                  <dt>Agencies</dt>
                  <dd>{a.agencies.join(", ")}</dd>
                </>
              )}
              {a.url && (
                <>
                  <dt>URL</dt>
                  <dd>
                    <a href={a.url} rel="noopener noreferrer">
                      {a.url}
                    </a>
                  </dd>
                </>
              )}
              <dt>File</dt>
              <dd>
                <code>{fileBaseName(a.file)}</code>
              </dd>
              <dt>Language</dt>
              <dd>{a.language}</dd>
              <dt>Ingested</dt>
              <dd>{formatTimestamp(a.ingestedAt)}</dd>
              <dt>Hash</dt>
              <dd>
                <code title={a.contentHash}>{a.contentHash.slice(0, 12)}…</code>
              </dd>
            </dl>
          </section>

          <ListCard id="actors-heading" title="Actors" items={a.actors} empty="None found.">
            {(x) => (
              <li key={x.id}>
                <Link href={`/actors/${x.id}`}>{x.name}</Link> <span className="meta">({x.mentions}×)</span>
              </li>
            )}
          </ListCard>

          <ListCard id="events-heading" title="Events" items={a.events} empty="None found.">
            {(e) => (
              <li key={e.id}>
                <Link href={`/events/${e.id}`}>{e.summary}</Link>
                <div className="meta">
                  {formatFuzzyDate(e.date)} · {kindLabel(e.kind)} ·{" "}
                  {e.corroborated ? (
                    <span className="badge badge--ok">
                      also in {e.otherArticles.length} other {e.otherArticles.length === 1 ? "article" : "articles"}
                    </span>
                  ) : (
                    <span className="badge">only this article</span>
                  )}
                </div>
                {e.otherArticles.length > 0 && (
                  <ul>
                    {e.otherArticles.slice(0, 5).map((o) => (
                      <li key={o.id}>
                        <Link href={`/articles/${o.id}`}>{articleLabel(o)}</Link> <span className="meta">{o.outlet}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            )}
          </ListCard>

          <ListCard id="places-heading" title="Places" items={a.places} empty="None found.">
            {(p) => (
              <li key={p.id} id={`place-${p.id}`}>
                <Link href={`/map?place=${p.id}`}>{p.name}</Link>
                {p.country && <span className="meta"> ({p.country})</span>} <span className="meta">({p.mentions}×)</span>
              </li>
            )}
          </ListCard>

          <ListCard id="quotes-heading" title="Quotes" items={a.quotes} empty="None found." list={false}>
            {(q) => (
              <figure key={q.id} id={`quote-${q.id}`} style={{ margin: "0 0 0.75rem" }}>
                <blockquote lang={a.language}>{q.text}</blockquote>
                <figcaption className="meta">
                  — {q.speaker ? <Link href={`/actors/${q.speaker.id}`}>{q.speaker.name}</Link> : q.speakerLabel}
                  {q.mode === "indirect" && " (reported speech)"}
                </figcaption>
              </figure>
            )}
          </ListCard>

          <ListCard id="positions-heading" title="Positions" items={a.positions} empty="None found.">
            {(p) => (
              <li key={p.id}>
                <Link href={`/actors/${p.actor.id}`}>{p.actor.name}</Link>{" "}
                <span className={`stance-${p.stance}`}>{STANCE_LABEL[p.stance] ?? p.stance}</span> <strong>{p.issue.label}</strong>
                {p.modality && <span className="meta"> ({p.modality})</span>}
                <div className="meta" lang={a.language}>
                  “{p.evidence}”
                </div>
              </li>
            )}
          </ListCard>
        </aside>
      </div>
    </article>
  );
}
