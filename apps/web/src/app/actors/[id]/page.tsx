import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { articleLabels } from "~/lib/article-names.ts";
import { formatFuzzyDate, STANCE_LABEL } from "~/lib/format.ts";
import { kindLabel } from "~/lib/kinds.ts";
import { groupByIdWithRoles, rolesLabel } from "~/lib/participants.ts";
import { ListCard } from "~/components/ListCard.tsx";
import { Pager } from "~/components/ui.tsx";
import { parseCursor } from "~/lib/filters.ts";
import { api, orNotFound } from "~/trpc/server.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Events and "seen in" articles shown per page (`?events=` and `?seen=` are their cursors). */
const PAGE = 100;

/** One query per request, shared by the metadata and the page. */
const load = cache(async (id: string, events: number, seen: number) =>
  (await api()).actors.byId({ id, events: { cursor: events, limit: PAGE }, seenIn: { cursor: seen, limit: PAGE } }),
);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { id } = await params;
  const sp = await searchParams;
  const a = await load(id, parseCursor(sp, "events"), parseCursor(sp, "seen")).catch(() => null);
  return { title: a?.name ?? "Actor" };
}

export default async function ActorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const eventsCursor = parseCursor(sp, "events");
  const seenCursor = parseCursor(sp, "seen");
  const a = await orNotFound(load(id, eventsCursor, seenCursor));
  // Untitled articles are named after their file, as everywhere else.
  const articleTitle = await articleLabels([...a.positions.map((p) => p.article), ...a.quotes.map((q) => q.article), ...a.seenIn, ...a.aliases.flatMap((al) => al.articles)]);
  const hrefFor = (key: "events" | "seen") => (cursor: number) => {
    const q = new URLSearchParams();
    const ev = key === "events" ? cursor : eventsCursor;
    const se = key === "seen" ? cursor : seenCursor;
    if (ev) q.set("events", String(ev));
    if (se) q.set("seen", String(se));
    const s = q.toString();
    return `/actors/${encodeURIComponent(a.id)}${s ? `?${s}` : ""}#${key === "events" ? "events-heading" : "seen-heading"}`;
  };

  // Positions over time, grouped by issue (each row ordered by date).
  const byIssue = new Map<string, { label: string; proposition: string; items: typeof a.positions }>();
  for (const p of a.positions) {
    const g = byIssue.get(p.issue.code) ?? { label: p.issue.label, proposition: p.issue.proposition, items: [] };
    g.items.push(p);
    byIssue.set(p.issue.code, g);
  }

  const positionsSection = (
    <ListCard id="positions-heading" title="Positions over time" items={[...byIssue.entries()]} empty="No positions found for this actor." list={false}>
      {([code, g]) => (
        <div key={code}>
          <h3>
            {g.label} <span className="meta">— “{g.proposition}”</span>
          </h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Stance</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {g.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {formatFuzzyDate(p.date)}
                      {p.dateIsPublication && p.date && <div className="meta">published</div>}
                    </td>
                    <td>
                      <span className={`badge badge--${p.stance} stance-${p.stance}`}>{STANCE_LABEL[p.stance] ?? p.stance}</span>
                      {p.modality && <div className="meta">{p.modality}</div>}
                    </td>
                    <td>
                      <span lang="de">“{p.evidence}”</span>
                      <div className="meta">
                        <Link href={`/articles/${p.article.id}`}>{articleTitle(p.article)}</Link>
                        {p.article.outlet && ` · ${p.article.outlet}`}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </ListCard>
  );

  return (
    <article aria-labelledby="actor-title">
      <h1 id="actor-title">{a.name}</h1>
      <p className="meta kv">
        <span className="badge">{a.kind}</span>
        {a.role && <span>{a.role}</span>}
        {a.affiliation && (
          <span>
            {a.affiliation.id ? <Link href={`/actors/${a.affiliation.id}`}>{a.affiliation.name}</Link> : a.affiliation.name}
          </span>
        )}
        <code title="identity key">{a.key}</code>
        {a.externalIds.wikidata && <span>Wikidata {a.externalIds.wikidata}</span>}
      </p>

      <div className="grid grid--two">
        <div>
          {byIssue.size > 0 && positionsSection}
          <ListCard
            id="events-heading"
            title="Events"
            items={groupByIdWithRoles(a.events)}
            total={a.eventTotal}
            empty="Not a participant in any event."
            list={{ className: "item-list" }}
            footer={<Pager cursor={eventsCursor} limit={PAGE} total={a.eventTotal} hrefFor={hrefFor("events")} label="Pages of events" />}
          >
            {(e) => (
              <li key={e.id}>
                <Link href={`/events/${e.id}`} className="item-title">
                  {e.summary}
                </Link>
                <div className="meta">
                  <span>{formatFuzzyDate(e.date)}</span>
                  <span className="badge badge--kind">{kindLabel(e.kind)}</span>
                  <span>as {rolesLabel(e.roles)}</span>
                  <span>
                    {e.independentSources} {e.independentSources === 1 ? "source" : "sources"}
                  </span>
                </div>
              </li>
            )}
          </ListCard>

          <ListCard id="quotes-heading" title="Quotes" items={a.quotes} empty="No quotes attributed." list={false}>
            {(q) => (
              <figure key={q.id} style={{ margin: "0 0 0.9rem" }}>
                <blockquote lang="de">{q.text}</blockquote>
                <figcaption className="meta">
                  {q.mode === "indirect" ? "reported speech" : "direct quote"}
                  {q.saidOn && `, ${formatFuzzyDate(q.saidOn)}`} — <Link href={`/articles/${q.article.id}#quote-${q.id}`}>{articleTitle(q.article)}</Link>
                  {q.article.outlet && ` · ${q.article.outlet}`}
                </figcaption>
              </figure>
            )}
          </ListCard>
          {byIssue.size === 0 && positionsSection}
        </div>

        <aside className="sidebar" aria-label="Names and sources">
          <ListCard id="aliases-heading" title="Names used" items={a.aliases}>
            {(al) => (
              <li key={al.name}>
                <span lang="de">{al.name}</span>
                {al.articles.length > 0 ? (
                  <span className="meta">
                    {" "}
                    in{" "}
                    {al.articles.map((x, i) => (
                      <span key={x.id}>
                        {i > 0 && ", "}
                        <Link href={`/articles/${x.id}`}>{x.outlet ?? articleTitle(x)}</Link>
                      </span>
                    ))}
                    {al.articleCount > al.articles.length && ` and ${al.articleCount - al.articles.length} more`}
                  </span>
                ) : (
                  <span className="meta"> (dossier)</span>
                )}
              </li>
            )}
          </ListCard>
          <ListCard
            id="seen-heading"
            title="Seen in"
            items={a.seenIn}
            total={a.seenInTotal}
            empty="No mentions."
            footer={<Pager cursor={seenCursor} limit={PAGE} total={a.seenInTotal} hrefFor={hrefFor("seen")} label="Pages of articles" />}
          >
            {(s) => (
              <li key={s.id}>
                <Link href={`/articles/${s.id}`}>{articleTitle(s)}</Link>
                <span className="meta">
                  {" "}
                  {s.outlet} · {formatFuzzyDate(s.publishedValue, "")} · {s.mentions}×
                </span>
              </li>
            )}
          </ListCard>
          <ListCard id="members-heading" title="Affiliated" items={a.members}>
            {(m) => (
              <li key={m.id}>
                <Link href={`/actors/${m.id}`}>{m.name}</Link>
                {m.role && <span className="meta"> — {m.role}</span>}
              </li>
            )}
          </ListCard>
        </aside>
      </div>
    </article>
  );
}
