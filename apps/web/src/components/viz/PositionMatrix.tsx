/**
 * Server components: the actor × issue stance matrix and the actor × actor agreement matrix, as HTML tables
 * (row and column headers, so screen readers announce "Iran, Uranium enrichment: supports …").
 * A stance is shown as colour AND glyph AND (in the accessible name) a word; the evidence count is printed.
 */
import Link from "next/link";
import { agreementColor, stanceStyle, STANCE_STYLE, STANCES } from "./palette.ts";
import { countLabel, fuzzyLabel } from "./format.ts";

interface Issue {
  id: string;
  code: string;
  label: string;
  proposition: string;
}
interface Actor {
  id: string;
  name: string;
  evidence?: number;
}
interface Cell {
  actorId: string;
  issueId: string;
  stance: string;
  day: string | null;
  evidence: number;
  changes: number;
  changedFrom: string | null;
  changedOn: string | null;
}

export function StanceLegend() {
  return (
    <div className="viz-legend">
      <h3 className="viz-legend__title">Cells</h3>
      <ul className="viz-legend__inline">
        {STANCES.map((s) => (
          <li key={s}>
            <span className="viz-stance viz-stance--mini" style={{ background: STANCE_STYLE[s].bg, color: STANCE_STYLE[s].ink, borderColor: STANCE_STYLE[s].color }} aria-hidden="true">
              {STANCE_STYLE[s].glyph}
            </span>
            {STANCE_STYLE[s].label}
          </li>
        ))}
        <li>
          <span className="viz-stance viz-stance--mini" aria-hidden="true">
            ↺
          </span>
          stance changed over time
        </li>
        <li>
          <span className="meta">number = pieces of evidence</span>
        </li>
      </ul>
    </div>
  );
}

export function PositionMatrix({
  issues,
  actors,
  cells,
  selected,
  hrefFor,
}: {
  issues: Issue[];
  actors: Actor[];
  cells: Cell[];
  selected?: { actorId: string; issueId: string } | null;
  hrefFor: (actorId: string, issueId: string) => string;
}) {
  const byKey = new Map(cells.map((c) => [`${c.actorId}|${c.issueId}`, c]));
  return (
    <div className="table-wrap viz-matrix-wrap">
      <table className="viz-matrix">
        <caption className="visually-hidden">Stance of each actor on each issue of the codebook</caption>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            {issues.map((i) => (
              <th key={i.id} scope="col" className="viz-matrix__issue">
                <abbr title={i.proposition}>{i.label}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actors.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={`/actors/${a.id}`}>{a.name}</Link>
                {a.evidence !== undefined && <span className="meta"> {a.evidence}</span>}
              </th>
              {issues.map((i) => {
                const c = byKey.get(`${a.id}|${i.id}`);
                const isSel = selected?.actorId === a.id && selected.issueId === i.id;
                if (!c) {
                  return (
                    <td key={i.id} className="viz-matrix__empty" aria-label={`${a.name}, ${i.label}: no evidence`}>
                      <span aria-hidden="true">·</span>
                    </td>
                  );
                }
                const st = stanceStyle(c.stance);
                const change = c.changes > 0 ? `, changed ${c.changes === 1 ? "once" : `${c.changes} times`}${c.changedFrom ? ` (was ${stanceStyle(c.changedFrom).label}${c.changedOn ? ` until ${fuzzyLabel(c.changedOn)}` : ""})` : ""}` : "";
                const aria = `${a.name} ${st.label} “${i.label}”: ${countLabel(c.evidence, "piece")} of evidence${c.day ? `, latest ${fuzzyLabel(c.day)}` : ""}${change}. Show the evidence.`;
                return (
                  <td key={i.id} className="viz-matrix__cell">
                    <Link
                      href={hrefFor(a.id, i.id)}
                      scroll={false}
                      className={isSel ? "viz-stance viz-stance--selected" : "viz-stance"}
                      style={{ background: st.bg, color: st.ink, borderColor: st.color }}
                      aria-label={aria}
                      aria-current={isSel ? "true" : undefined}
                      title={aria}
                    >
                      <span className="viz-stance__glyph" aria-hidden="true">
                        {st.glyph}
                      </span>
                      <span className="viz-stance__count" aria-hidden="true">
                        {c.evidence}
                      </span>
                      {c.changes > 0 && (
                        <span className="viz-stance__changed" aria-hidden="true">
                          ↺
                        </span>
                      )}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AgreementMatrix({
  actors,
  pairs,
  compareHref,
}: {
  actors: Actor[];
  pairs: { a: string; b: string; shared: number; agree: number; share: number; agreedIssues: string[] }[];
  compareHref: (a: string, b: string) => string;
}) {
  const byPair = new Map<string, (typeof pairs)[number]>();
  for (const p of pairs) {
    byPair.set(`${p.a}|${p.b}`, p);
    byPair.set(`${p.b}|${p.a}`, p);
  }
  return (
    <div className="table-wrap viz-matrix-wrap">
      <table className="viz-matrix viz-matrix--agree">
        <caption className="visually-hidden">Share of issues on which two actors take the same stance</caption>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            {actors.map((a) => (
              <th key={a.id} scope="col" className="viz-matrix__rot">
                <span>{a.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actors.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {actors.map((col) => {
                if (row.id === col.id) {
                  return (
                    <td key={col.id} className="viz-matrix__self" aria-label="same actor">
                      <span aria-hidden="true">—</span>
                    </td>
                  );
                }
                const p = byPair.get(`${row.id}|${col.id}`);
                if (!p) {
                  return (
                    <td key={col.id} className="viz-matrix__empty" aria-label={`${row.name} and ${col.name}: no issue on which both take a clear stance`}>
                      <span aria-hidden="true">·</span>
                    </td>
                  );
                }
                const pct = Math.round(p.share * 100);
                const { bg, ink } = agreementColor(p.share);
                const sentence = `${row.name} and ${col.name} agree on ${p.agree} of ${p.shared} shared ${p.shared === 1 ? "issue" : "issues"} (${pct}%)`;
                // The name repeats the cell's visible "0% 0/7" so the visible label is part of it (WCAG 2.5.3).
                const aria = `${sentence} — ${pct}% ${p.agree}/${p.shared}. Compare their positions.`;
                return (
                  <td key={col.id} className="viz-matrix__cell">
                    <Link href={compareHref(row.id, col.id)} className="viz-agree" style={{ background: bg, color: ink }} aria-label={aria} title={`${sentence}. Compare their positions.`}>
                      <span aria-hidden="true">{pct}%</span>{" "}
                      <small aria-hidden="true">
                        {p.agree}/{p.shared}
                      </small>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
