import type { Metadata } from "next";
import Link from "next/link";
import { Id } from "@lagebild/model";
import { Filters } from "~/components/Filters.tsx";
import { Empty, PageHead } from "~/components/ui.tsx";
import { sentenceHref } from "~/components/viz/crisis.ts";
import { countLabel, fuzzyLabel } from "~/components/viz/format.ts";
import { stanceStyle } from "~/components/viz/palette.ts";
import { AgreementMatrix, PositionMatrix, StanceLegend } from "~/components/viz/PositionMatrix.tsx";
import { addDays } from "~/components/viz/time-scale.ts";
import { dayParam, hrefWith, param, toSearchParams, type SearchParams } from "~/components/viz/url.ts";
import { articleLabels } from "~/lib/article-names.ts";
import { filterToSearchParams, isEmptyFilter, parseFilter } from "~/lib/filters.ts";
import { api } from "~/trpc/server.tsx";
import "~/components/viz/viz.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Positions" };

function parseCell(v: string | undefined): { actorId: string; issueId: string } | null {
  if (!v) return null;
  const [actorId, issueId] = v.split(":");
  if (!actorId || !issueId || !Id.safeParse(actorId).success || !Id.safeParse(issueId).success) return null;
  return { actorId, issueId };
}

export default async function PositionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = parseFilter(sp);
  const asOf = dayParam(sp, "asOf");
  const selected = parseCell(param(sp, "cell"));
  const caller = await api();
  const [matrix, agreement, cell] = await Promise.all([
    caller.positions.matrix({ filter, asOf }),
    caller.positions.agreement({ filter, asOf }),
    selected ? caller.positions.cell({ ...selected, asOf, filter }).catch(() => null) : Promise.resolve(null),
  ]);
  const articleLabel = await articleLabels(cell?.evidence.map((e) => e.article) ?? []);
  const link = (changes: Record<string, string | null>) => hrefWith("/positions", sp, changes);
  const cellHref = (actorId: string, issueId: string) => `${link({ cell: `${actorId}:${issueId}` })}#evidence`;
  const compareHref = (a: string, b: string) => {
    const qs = filterToSearchParams({ ...filter, actors: [a, b] }, toSearchParams(sp));
    qs.delete("cell");
    return `/positions?${qs.toString()}`;
  };
  const changed = matrix.cells.filter((c) => c.changes > 0).sort((a, b) => (b.changedOn ?? "").localeCompare(a.changedOn ?? "") || b.changes - a.changes);
  const actorName = new Map(matrix.actors.map((a) => [a.id, a.name]));
  const issueLabel = new Map(matrix.issues.map((i) => [i.id, i.label]));
  // Hidden inputs keep the other params when the as-of form is submitted without JavaScript.
  const keep = [...toSearchParams(sp).entries()].filter(([k]) => k !== "asOf" && k !== "cell");

  return (
    <>
      <PageHead title="Positions">
        <p>Who stands where on the issues of the dossier’s codebook — and since when. Every cell opens the sentences behind it.</p>
      </PageHead>
      <Filters value={filter} show={["actors", "issues", "outlets", "kinds"]} />

      <section className="card" aria-labelledby="asof-title">
        <h2 id="asof-title" className="visually-hidden">
          As of
        </h2>
        <form method="get" action="/positions" className="viz-asof">
          {keep.map(([k, v], i) => (
            <input key={`${k}${i}`} type="hidden" name={k} value={v} />
          ))}
          <div className="field">
            <label htmlFor="asof">Positions as of</label>
            <input id="asof" type="date" name="asOf" defaultValue={asOf ?? ""} />
          </div>
          <button type="submit">Show</button>
          {asOf && (
            <>
              <Link className="viz-toggle" href={link({ asOf: addDays(asOf, -7), cell: null })}>
                ← 1 week earlier
              </Link>
              <Link className="viz-toggle" href={link({ asOf: addDays(asOf, 7), cell: null })}>
                1 week later →
              </Link>
              <Link className="viz-toggle" href={link({ asOf: null })}>
                Latest
              </Link>
            </>
          )}
          <p className="meta viz-asof__note">
            {asOf
              ? `Showing each actor’s latest stance dated on or before ${fuzzyLabel(asOf)}; later evidence is left out.`
              : "Showing each actor’s latest stance in all evidence. Pick a day to see positions as they stood then."}
          </p>
        </form>
      </section>

      {matrix.actors.length === 0 ? (
        <Empty
          title={
            asOf
              ? `No positions dated on or before ${fuzzyLabel(asOf)}${isEmptyFilter(filter) ? "" : " match these filters"}.`
              : isEmptyFilter(filter)
                ? "No positions yet."
                : "No positions match these filters."
          }
        >
          <p>Positions appear once articles quote actors on an issue of the codebook.</p>
          {(!isEmptyFilter(filter) || asOf) && <Link href="/positions">Show all positions</Link>}
        </Empty>
      ) : (
        <div className="viz-layout">
          <section className="card" aria-labelledby="matrix-title">
            <h2 id="matrix-title">Actors × issues{asOf && <small className="meta"> as of {fuzzyLabel(asOf)}</small>}</h2>
            <PositionMatrix issues={matrix.issues} actors={matrix.actors} cells={matrix.cells} selected={selected} hrefFor={cellHref} />
            {matrix.totalActors > matrix.actors.length && (
              <p className="meta">
                The {matrix.actors.length} actors with the most evidence of {matrix.totalActors}. Filter by actor to see others.
              </p>
            )}
            <StanceLegend />
          </section>
          <aside className="card viz-panel" id="evidence" aria-live="polite" aria-labelledby="evidence-title">
            {cell ? (
              <CellPanel cell={cell} closeHref={link({ cell: null })} articleLabel={articleLabel} />
            ) : (
              <>
                <h2 id="evidence-title">Evidence</h2>
                <p className="meta">{selected ? "That cell has no evidence." : "Choose a cell to read the quotes and sentences behind it."}</p>
              </>
            )}
          </aside>
        </div>
      )}

      {changed.length > 0 && (
        <section className="card" aria-labelledby="changes-title">
          <h2 id="changes-title">↺ Changes of position{asOf && ` up to ${fuzzyLabel(asOf)}`}</h2>
          <ul className="item-list">
            {changed.map((c) => (
              <li key={`${c.actorId}|${c.issueId}`}>
                <Link href={cellHref(c.actorId, c.issueId)} scroll={false} className="item-title">
                  {actorName.get(c.actorId)} on {issueLabel.get(c.issueId)}
                </Link>
                <div className="meta">
                  {c.changedFrom && <StanceText stance={c.changedFrom} />} → <StanceText stance={c.stance} />
                  {c.changedOn && ` since ${fuzzyLabel(c.changedOn)}`} · changed {c.changes === 1 ? "once" : `${c.changes} times`} in {countLabel(c.evidence, "piece")} of evidence
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {agreement.actors.length >= 2 && (
        <section className="card" aria-labelledby="agree-title">
          <h2 id="agree-title">Agreement between actors{asOf && <small className="meta"> as of {fuzzyLabel(asOf)}</small>}</h2>
          <p className="meta">
            For each pair: the issues on which both take a clear stance (supports, opposes or neutral — ambiguous ones are left out), and the share of those
            on which they take the same one. Darker = more agreement. Click a cell to compare the two.
          </p>
          {agreement.pairs.length === 0 ? (
            <Empty title="No two actors take a clear stance on the same issue." />
          ) : (
            <AgreementMatrix actors={agreement.actors} pairs={agreement.pairs} compareHref={compareHref} />
          )}
        </section>
      )}
    </>
  );
}

function StanceText({ stance }: { stance: string }) {
  const st = stanceStyle(stance);
  return (
    <span className="viz-stance-text" style={{ color: st.ink, background: st.bg, borderColor: st.color }}>
      <span aria-hidden="true">{st.glyph} </span>
      {st.label}
    </span>
  );
}

type CellData = NonNullable<Awaited<ReturnType<Awaited<ReturnType<typeof api>>["positions"]["cell"]>>>;

function CellPanel({ cell, closeHref, articleLabel }: { cell: CellData; closeHref: string; articleLabel: (a: { id: string; title: string | null }) => string }) {
  const counted = cell.evidence.filter((e) => !e.afterAsOf).length;
  return (
    <>
      <div className="viz-panel__head">
        <h2 id="evidence-title">
          <Link href={`/actors/${cell.actor.id}`}>{cell.actor.name}</Link> on {cell.issue.label}
        </h2>
        <Link href={closeHref} className="button--quiet" aria-label="Close the evidence" scroll={false}>
          ×
        </Link>
      </div>
      <p className="meta">
        “{cell.issue.proposition}” — {cell.stance ? <StanceText stance={cell.stance} /> : "no stance yet"}
        {cell.asOf ? ` as of ${fuzzyLabel(cell.asOf)}` : ""}; {countLabel(counted, "piece")} of evidence
        {cell.changes > 0 && `, ↺ changed ${cell.changes === 1 ? "once" : `${cell.changes} times`}`}.
      </p>
      <ol className="viz-evidence">
        {cell.evidence.map((e) => (
          <li key={e.id} className={e.afterAsOf ? "viz-evidence__item viz-evidence__item--later" : "viz-evidence__item"}>
            <div className="viz-evidence__head">
              <StanceText stance={e.stance} />
              {e.changedFrom && (
                <span className="viz-changed">
                  ↺ changed from <StanceText stance={e.changedFrom} />
                </span>
              )}
              {e.afterAsOf && <span className="badge">after the as-of day</span>}
            </div>
            <blockquote lang="de">
              {e.quote ? (
                <>
                  “{e.quote.text}” <span className="meta">({e.quote.mode} speech)</span>
                </>
              ) : (
                e.sentence.text
              )}
            </blockquote>
            <div className="meta">
              {e.speaker.id ? <Link href={`/actors/${e.speaker.id}`}>{e.speaker.name}</Link> : e.quote?.speakerLabel}
              {" · "}
              {e.article.outlet ?? "unknown outlet"}
              {" · "}
              <time dateTime={e.day ?? undefined}>{fuzzyLabel(e.date ?? e.day)}</time>
              {!e.date && e.day && " (publication day)"}
              {" · "}
              <Link href={sentenceHref(e.article.id, e.quote?.sentence ?? e.sentence.index)}>{articleLabel(e.article)}, sentence {(e.quote?.sentence ?? e.sentence.index) + 1}</Link>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
