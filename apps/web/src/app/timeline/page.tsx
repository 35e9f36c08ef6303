import type { Metadata } from "next";
import Link from "next/link";
import { ExportLinks } from "~/components/ExportLinks.tsx";
import { Filters } from "~/components/Filters.tsx";
import { Empty, PageHead } from "~/components/ui.tsx";
import { crisisWindow } from "~/components/viz/crisis.ts";
import { countLabel, fuzzyLabel, kindName, rangeLabel } from "~/components/viz/format.ts";
import { KindLegend } from "~/components/viz/KindLegend.tsx";
import { kindStyle } from "~/components/viz/palette.ts";
import { TimelineBrush } from "~/components/viz/TimelineBrush.tsx";
import { TimelineChart, type LaneMode } from "~/components/viz/TimelineChart.tsx";
import { addDays, dayNumber } from "~/components/viz/time-scale.ts";
import { enumParam, hrefWith, toSearchParams, type SearchParams } from "~/components/viz/url.ts";
import { dossierWindow } from "~/lib/dossier.ts";
import { filterToSearchParams, isEmptyFilter, parseFilter } from "~/lib/filters.ts";
import { groupParticipants, rolesLabel } from "~/lib/participants.ts";
import { api } from "~/trpc/server.tsx";
import "~/components/viz/viz.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Timeline" };

const LIST_MAX = 400;

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = parseFilter(sp);
  const lanes = enumParam(sp, "lanes", ["kind", "actor"] as const, "kind");
  const caller = await api();
  const [res, overview] = await Promise.all([caller.timeline.events({ filter }), caller.timeline.overview({ filter })]);
  const link = (changes: Record<string, string | null>) => hrefWith("/timeline", sp, changes);
  const crisis = crisisWindow(dossierWindow(), overview.max);

  const header = (
    <>
      <PageHead title="Timeline">
        <p>Events on a time axis. A dot is a known day; a bar is a date known only to the month or year.</p>
      </PageHead>
      <Filters value={filter} />
    </>
  );

  if (!overview.min || !overview.max) {
    return (
      <>
        {header}
        <Empty title={isEmptyFilter(filter) ? "No dated events yet." : "No dated events match these filters."}>
          {res.undated > 0 && (
            <p>
              {countLabel(res.undated, "event")}{" "}
              {isEmptyFilter(filter) ? `${res.undated === 1 ? "has" : "have"} no date, so none can be placed on the axis.` : "without a date match."}
            </p>
          )}
          {!isEmptyFilter(filter) && <Link href="/timeline">Show the timeline without filters</Link>}
        </Empty>
      </>
    );
  }

  // The shown range: the filter's from/to, else the data's extent.
  const from = filter.from ?? overview.min;
  const to = filter.to ?? (filter.from && filter.from > overview.max ? filter.from : overview.max);
  const domain: [string, string] = from <= to ? [from, to] : [to, from];
  const len = dayNumber(domain[1]) - dayNumber(domain[0]) + 1;
  const quarter = Math.max(1, Math.floor(len / 4));
  const half = Math.max(1, Math.ceil(len / 2));
  const range = (a: string, b: string) => link({ from: a, to: b });
  const presets = [
    { label: "All", href: link({ from: null, to: null }), current: !filter.from && !filter.to },
    { label: "2025", href: range("2025-01-01", "2025-12-31"), current: filter.from === "2025-01-01" && filter.to === "2025-12-31" },
    ...(crisis ? [{ label: crisis.label, href: range(crisis.from, crisis.to), current: filter.from === crisis.from && filter.to === crisis.to }] : []),
  ];
  // Labels of the overview strip: where the data starts, then each new year.
  const years: { x: string; label: string }[] = [{ x: overview.min, label: overview.min.slice(5) === "01-01" ? overview.min.slice(0, 4) : fuzzyLabel(overview.min.slice(0, 7)) }];
  for (let y = Number(overview.min.slice(0, 4)) + 1; y <= Number(overview.max.slice(0, 4)); y++) years.push({ x: `${y}-01-01`, label: String(y) });

  const laneHref = (mode: LaneMode, key: string) => {
    const f = { ...filter, ...(mode === "kind" ? { kinds: [key as never] } : { actors: [key] }) };
    const qs = filterToSearchParams(f, toSearchParams(sp)).toString();
    return qs ? `/timeline?${qs}` : "/timeline";
  };
  const kindsPresent = new Set(res.events.map((e) => e.kind));
  const statuses = new Set(res.events.map((e) => e.status));

  return (
    <>
      {header}
      <section className="card viz-tl" aria-labelledby="tl-range">
        <h2 className="visually-hidden">Events on the time axis</h2>
        <div className="viz-toolbar">
          <span className="meta" id="tl-range">
            Showing <strong>{rangeLabel(domain[0], domain[1])}</strong>
          </span>
          <span role="group" aria-label="Presets" className="viz-toolbar">
            {presets.map((p) => (
              <Link key={p.label} href={p.href} className="viz-toggle" aria-current={p.current ? "true" : undefined} scroll={false}>
                {p.label}
              </Link>
            ))}
          </span>
          <span role="group" aria-label="Zoom and move" className="viz-toolbar">
            <Link href={range(addDays(domain[0], quarter), addDays(domain[1], -quarter))} className="viz-toggle" aria-label="Zoom in" scroll={false}>
              + Zoom in
            </Link>
            <Link href={range(addDays(domain[0], -half), addDays(domain[1], half))} className="viz-toggle" aria-label="Zoom out" scroll={false}>
              − Zoom out
            </Link>
            <Link href={range(addDays(domain[0], -half), addDays(domain[1], -half))} className="viz-toggle" aria-label="Earlier" scroll={false}>
              ← Earlier
            </Link>
            <Link href={range(addDays(domain[0], half), addDays(domain[1], half))} className="viz-toggle" aria-label="Later" scroll={false}>
              Later →
            </Link>
          </span>
          <span role="group" aria-label="Lanes" className="viz-toolbar">
            <span className="meta">Lanes:</span>
            <Link href={link({ lanes: null })} className="viz-toggle" aria-current={lanes === "kind" ? "true" : undefined} scroll={false}>
              by kind
            </Link>
            <Link href={link({ lanes: "actor" })} className="viz-toggle" aria-current={lanes === "actor" ? "true" : undefined} scroll={false}>
              by actor
            </Link>
          </span>
        </div>
        <TimelineBrush min={overview.min} max={overview.max} from={domain[0]} to={domain[1]} weeks={overview.weeks} years={years} />
        {res.events.length === 0 ? (
          <Empty title="No dated events in this range.">
            <p>
              The data runs from {fuzzyLabel(overview.min)} to {fuzzyLabel(overview.max)}. <Link href={link({ from: null, to: null })}>Show all</Link>
            </p>
          </Empty>
        ) : (
          <>
            <TimelineChart events={res.events} lanes={lanes} domain={domain} focus={crisis ? [crisis.from, crisis.to] : null} hrefFor={laneHref} />
            <p className="meta">
              {res.truncated
                ? `Showing the ${countLabel(res.events.length, "most widely reported event")} of ${res.total.toLocaleString("en")} in this range — narrow the range or the filters to see all.`
                : `${countLabel(res.total, "event")} in this range.`}{" "}
              Each mark opens the event’s evidence.
            </p>
          </>
        )}
        <div className="viz-legend-row">
          <StatusLegend present={statuses} />
          <KindLegend present={kindsPresent} />
        </div>
        <ExportLinks filter={filter} datasets={["events"]} />
      </section>

      {res.events.length > 0 && (
        <details className="card">
          <summary>
            <strong>The same events as a list</strong> ({countLabel(Math.min(res.events.length, LIST_MAX), "event")})
          </summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Event</th>
                  <th scope="col">Who</th>
                  <th scope="col">Where</th>
                  <th scope="col" className="num">
                    Reports
                  </th>
                </tr>
              </thead>
              <tbody>
                {res.events.slice(0, LIST_MAX).map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.date ?? e.from}>{fuzzyLabel(e.date ?? e.from)}</time>
                      {e.precision !== "day" && <span className="meta"> (exact day unknown)</span>}
                    </td>
                    <td>
                      <span className="viz-swatch" style={{ background: kindStyle(e.kind).color }} aria-hidden="true" />
                      {kindName(e.kind)}
                    </td>
                    <td>
                      <Link href={`/events/${e.id}`} className={e.status === "cancelled" ? "viz-struck" : undefined}>
                        {e.summary}
                      </Link>
                      {e.status !== "reported" && <span className={`viz-status viz-status--${e.status}`}> {e.status}</span>}
                    </td>
                    <td>
                      {groupParticipants(e.participants).map((p, i) => (
                        <span key={p.id}>
                          {i > 0 && ", "}
                          <Link href={`/actors/${p.id}`}>{p.name}</Link>
                          {p.roles.length > 1 && <span className="meta"> ({rolesLabel(p.roles)})</span>}
                        </span>
                      ))}
                    </td>
                    <td>{e.places.map((p) => p.name).join(", ")}</td>
                    <td className="num">{e.reportCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}

      {res.undated > 0 && (
        <section className="card" aria-labelledby="undated-title">
          <h2 id="undated-title">Undated events ({res.undated})</h2>
          <p className="meta">No article gives a date for these, so they have no place on the axis.</p>
          <ul className="item-list">
            {res.undatedSample.map((e) => (
              <li key={e.id}>
                <Link href={`/events/${e.id}`} className={e.status === "cancelled" ? "viz-struck item-title" : "item-title"}>
                  {e.summary}
                </Link>
                <div className="meta">
                  {kindName(e.kind)}
                  {e.status !== "reported" && ` · ${e.status}`}
                </div>
              </li>
            ))}
          </ul>
          {res.undated > res.undatedSample.length && <p className="meta">and {res.undated - res.undatedSample.length} more.</p>}
        </section>
      )}
    </>
  );
}

function StatusLegend({ present }: { present: Set<string> }) {
  const rows = [
    { status: "reported", text: "held / reported", day: <path d="M10,2 L16,8 L10,14 L4,8 Z" fill="#332288" stroke="#1b1f24" /> },
    { status: "planned", text: "planned (hollow, dashed)", day: <path d="M10,2 L16,8 L10,14 L4,8 Z" fill="#fff" stroke="#332288" strokeWidth="2" strokeDasharray="3 2" /> },
    {
      status: "cancelled",
      text: "cancelled (struck through)",
      day: (
        <>
          <path d="M10,2 L16,8 L10,14 L4,8 Z" fill="#fff" stroke="#332288" strokeWidth="2" strokeDasharray="2 2" />
          <line x1="1" x2="19" y1="8" y2="8" stroke="#1b1f24" strokeWidth="2" />
        </>
      ),
    },
    {
      status: "hypothetical",
      text: "hypothetical (dotted, “?”)",
      day: (
        <>
          <path d="M10,2 L16,8 L10,14 L4,8 Z" fill="#fff" stroke="#332288" strokeWidth="2" strokeDasharray="1.5 2" />
          <text x="10" y="11.5" textAnchor="middle" fontSize="9" fontWeight="700">
            ?
          </text>
        </>
      ),
    },
  ];
  return (
    <div className="viz-legend">
      <h3 className="viz-legend__title">Shape: precision and status</h3>
      <ul>
        <li>
          <svg width="20" height="16" aria-hidden="true">
            <path d="M10,2 L16,8 L10,14 L4,8 Z" fill="#332288" stroke="#1b1f24" />
          </svg>
          <span>known day</span>
        </li>
        <li>
          <svg width="20" height="16" aria-hidden="true">
            <rect x="1" y="3" width="18" height="10" rx="2" fill="#332288" fillOpacity="0.55" stroke="#332288" />
          </svg>
          <span>month or year only: a bar across the whole month / year</span>
        </li>
        {rows
          .filter((r) => r.status === "reported" || present.has(r.status))
          .map((r) => (
            <li key={r.status}>
              <svg width="20" height="16" aria-hidden="true">
                {r.day}
              </svg>
              <span>{r.text}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
