import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { ListCard } from "~/components/ListCard.tsx";
import { articleLabels } from "~/lib/article-names.ts";
import { articleTitle, formatFuzzyDate } from "~/lib/format.ts";
import { kindLabel } from "~/lib/kinds.ts";
import { groupParticipants, rolesLabel } from "~/lib/participants.ts";
import { api, orNotFound } from "~/trpc/server.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One query per request, shared by the metadata and the page. */
const load = cache(async (id: string) => (await api()).events.byId({ id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const e = await load(id).catch(() => null);
  return { title: e?.summary ?? "Event" };
}

export default async function EventPage({ params }: Props) {
  const { id } = await params;
  const e = await orNotFound(load(id));
  const articleLabel = await articleLabels(e.figures.flatMap((f) => f.values.filter((v) => !v.article.outlet).map((v) => v.article)));

  return (
    <article aria-labelledby="event-title">
      <p className="meta">
        <Link href="/timeline">← Timeline</Link>
      </p>
      <h1 id="event-title">{e.summary}</h1>
      <div className="meta kv" style={{ marginBottom: "1rem" }}>
        <span className="badge badge--kind">{kindLabel(e.kind)}</span>
        <span className="badge" title="PLOVER category">
          {e.plover}
        </span>
        {e.status !== "reported" && <span className="badge badge--warn">{e.status}</span>}
        <span className={e.independentSources >= 2 ? "badge badge--ok" : "badge"}>
          {e.independentSources} independent {e.independentSources === 1 ? "source" : "sources"}, {e.reports.length} {e.reports.length === 1 ? "report" : "reports"}
        </span>
      </div>

      <div className="grid grid--two">
        <section className="card" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Evidence</h2>
          <p className="meta">Each report of this event, with the sentence it was read from. The trigger words are marked.</p>
          <ol className="item-list">
            {e.reports.map((r) => (
              <li key={r.id} id={`report-${r.id}`} data-report={r.id}>
                <div>
                  <Link href={`/articles/${r.article.id}`} className="item-title">
                    {articleTitle(r.article.title, r.article.file)}
                  </Link>
                </div>
                <div className="meta">
                  {r.article.outlet && <span>{r.article.outlet}</span>}
                  <span>
                    published <time dateTime={r.article.publishedValue ?? undefined}>{formatFuzzyDate(r.article.publishedValue, "date unknown")}</time>
                  </span>
                  {r.article.agencies.length > 0 && <span className="badge">{r.article.agencies.join(", ")}</span>}
                  {r.date && (
                    <span>
                      dates it {formatFuzzyDate(r.date)}
                      {r.dateText && <> (“{r.dateText}”)</>}
                    </span>
                  )}
                  {r.kind !== e.kind && <span className="badge">{kindLabel(r.kind)}</span>}
                </div>
                {r.evidence.length === 0 ? (
                  <p className="evidence" lang="de">
                    <mark>{r.trigger.text}</mark>
                  </p>
                ) : (
                  r.evidence.map((ev) => (
                    <p key={ev.id} className="evidence" lang="de">
                      {ev.before}
                      {ev.trigger && <mark>{ev.trigger}</mark>}
                      {ev.after}
                    </p>
                  ))
                )}
              </li>
            ))}
          </ol>
        </section>

        <aside className="sidebar" aria-label="Event details">
          <section className="card" aria-labelledby="when-heading">
            <h2 id="when-heading">When</h2>
            {e.date ? (
              <dl className="meta-list">
                <dt>Date</dt>
                <dd>
                  <time dateTime={e.date.value}>{formatFuzzyDate(e.date.value)}</time> ({e.date.precision})
                </dd>
                {e.date.text && (
                  <>
                    <dt>Written</dt>
                    <dd lang="de">“{e.date.text}”</dd>
                  </>
                )}
                {e.date.resolution && (
                  <>
                    <dt>Resolved</dt>
                    <dd>
                      {e.date.resolution}
                      {e.date.rule && <span className="meta"> by {e.date.rule}</span>}
                      {e.date.anchor && <span className="meta">, from {formatFuzzyDate(e.date.anchor)}</span>}
                    </dd>
                  </>
                )}
              </dl>
            ) : (
              <p className="meta">Undated.</p>
            )}
          </section>

          <ListCard id="who-heading" title="Participants" items={groupParticipants(e.participants)} empty="None identified.">
            {(p) => (
              <li key={p.id}>
                <Link href={`/actors/${p.id}`}>{p.name}</Link> <span className="meta">({rolesLabel(p.roles)})</span>
              </li>
            )}
          </ListCard>

          <ListCard id="where-heading" title="Places" items={e.places} empty="None identified.">
            {(p) => (
              <li key={p.id}>
                <Link href={`/map?place=${p.id}`}>{p.name}</Link>
                <span className="meta">
                  {" "}
                  {p.country ?? ""} {p.lat.toFixed(2)}, {p.lon.toFixed(2)}
                </span>
              </li>
            )}
          </ListCard>

          {/* Shown only when there are figures. */}
          <ListCard id="figures-heading" title="Figures" items={e.figures}>
            {(f) => (
              <li key={f.what}>
                <strong>{f.what}</strong> {f.conflict && <span className="badge badge--bad">sources disagree</span>}
                <ul>
                  {f.values.map((v, i) => (
                    <li key={i}>
                      {v.value} <span className="meta">— {v.article.outlet ?? articleLabel(v.article)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            )}
          </ListCard>
        </aside>
      </div>
    </article>
  );
}
