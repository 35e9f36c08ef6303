import type { Metadata } from "next";
import Link from "next/link";
import { Id } from "@lagebild/model";
import { EventItem } from "~/components/EventItem.tsx";
import { ExportLinks } from "~/components/ExportLinks.tsx";
import { Filters } from "~/components/Filters.tsx";
import { Empty, PageHead, Pager } from "~/components/ui.tsx";
import { countLabel, kindName, rangeLabel } from "~/components/viz/format.ts";
import { KindLegend } from "~/components/viz/KindLegend.tsx";
import { kindStyle } from "~/components/viz/palette.ts";
import { hrefWith, enumParam, param, type SearchParams } from "~/components/viz/url.ts";
import { MAX_R, MIN_R, WorldMap } from "~/components/viz/WorldMap.tsx";
import { isEmptyFilter, parseCursor, parseFilter } from "~/lib/filters.ts";
import { api } from "~/trpc/server.tsx";
import "~/components/viz/viz.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Map" };

const PANEL_LIMIT = 20;

export default async function MapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const filter = parseFilter(sp);
  const zoom = enumParam(sp, "zoom", ["fit", "mideast", "world"] as const, "fit");
  const placeParam = param(sp, "place");
  const placeId = placeParam && Id.safeParse(placeParam).success ? placeParam : undefined;
  const cursor = parseCursor(sp, "pcursor");
  const caller = await api();
  const [{ places }, selected] = await Promise.all([
    caller.places.map({ filter }),
    placeId ? caller.places.events({ id: placeId, filter, page: { cursor, limit: PANEL_LIMIT } }).catch(() => null) : Promise.resolve(null),
  ]);
  const link = (changes: Record<string, string | null>) => hrefWith("/map", sp, changes);
  const totalEvents = places.reduce((n, p) => n + p.eventCount, 0);

  return (
    <>
      <PageHead title="Map">
        <p>Where events happened. Only places tied to an event are marked — a capital named as a speaker (“Washington said”) is not.</p>
      </PageHead>
      <Filters value={filter} />
      {places.length === 0 ? (
        <Empty title={isEmptyFilter(filter) ? "No located events yet." : "No located events match these filters."}>
          <p>Events appear here once an article places them somewhere (“in Maskat”, “in Genf”).</p>
          {!isEmptyFilter(filter) && <Link href="/map">Show the map without filters</Link>}
        </Empty>
      ) : (
        <div className="viz-layout">
          <figure className="card viz-map" aria-labelledby="map-caption">
            <h2 className="visually-hidden">Map of events</h2>
            <div className="viz-toolbar" role="group" aria-label="Map frame">
              <Link href={link({ zoom: null })} aria-current={zoom === "fit" ? "true" : undefined} className="viz-toggle">
                Fit to events
              </Link>
              <Link href={link({ zoom: "mideast" })} aria-current={zoom === "mideast" ? "true" : undefined} className="viz-toggle">
                Middle East
              </Link>
              <Link href={link({ zoom: "world" })} aria-current={zoom === "world" ? "true" : undefined} className="viz-toggle">
                Whole world
              </Link>
            </div>
            <WorldMap places={places} mode={zoom === "mideast" ? "region" : zoom} selectedId={placeId} hrefFor={(id) => link({ place: id, pcursor: null })} />
            <figcaption id="map-caption" className="meta">
              {countLabel(places.length, "place")}, {countLabel(totalEvents, "event")} (an event in two places counts at both). Circle area: number of events;
              colour: the most frequent kind there. Natural Earth country shapes, drawn without any map server.
            </figcaption>
            <div className="viz-legend-row">
              <KindLegend present={new Set(places.map((p) => p.dominantKind))} title="Colour: most frequent kind of event" />
              <div className="viz-legend">
                <h3 className="viz-legend__title">Size: number of events</h3>
                <SizeLegend max={places[0]?.eventCount ?? 1} />
              </div>
            </div>
            <ExportLinks filter={filter} datasets={["places", "events"]} />
          </figure>
          <aside className="card viz-panel" aria-live="polite" aria-labelledby="place-panel-title">
            {selected ? (
              <>
                <div className="viz-panel__head">
                  <h2 id="place-panel-title">
                    {selected.place.name}
                    {selected.place.country && <small className="meta"> {selected.place.country}</small>}
                  </h2>
                  <Link href={link({ place: null, pcursor: null })} className="button--quiet" aria-label="Close the event list">
                    ×
                  </Link>
                </div>
                {selected.place.aliases.length > 0 && <p className="meta">Also written: {selected.place.aliases.join(", ")}</p>}
                {selected.total > 0 && (
                  <p className="meta">
                    {countLabel(selected.total, "event")} here{isEmptyFilter(filter) ? "" : " matching the filters"}. Each links to its evidence.
                  </p>
                )}
                {selected.items.length === 0 ? (
                  selected.total > 0 ? (
                    <Empty title="No more events at this place.">
                      <Link href={link({ pcursor: null })}>Back to the first page</Link>
                    </Empty>
                  ) : isEmptyFilter(filter) ? (
                    <Empty title={`No event is placed in ${selected.place.name}.`}>
                      <p>Articles mention it (for example as a government’s seat), but no reported event happened there.</p>
                    </Empty>
                  ) : (
                    <Empty title={`No events in ${selected.place.name} match the filters.`}>
                      <Link href={`/map?place=${encodeURIComponent(selected.place.id)}`}>Show this place without filters</Link>
                    </Empty>
                  )
                ) : (
                  <ul className="item-list">
                    {selected.items.map((e) => (
                      <EventItem key={e.id} e={e} />
                    ))}
                  </ul>
                )}
                <Pager cursor={selected.cursor} limit={selected.limit} total={selected.total} hrefFor={(c) => link({ pcursor: c ? String(c) : null })} label="Events at this place" />
              </>
            ) : (
              <>
                <h2 id="place-panel-title">Events by place</h2>
                <p className="meta">{placeId ? "That place is not in the database." : "Choose a place on the map or in the table to list its events."}</p>
              </>
            )}
          </aside>
        </div>
      )}
      {places.length > 0 && (
        <section aria-labelledby="places-table-title">
          <h2 id="places-table-title">All places</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Place</th>
                  <th scope="col">Country</th>
                  <th scope="col" className="num">
                    Events
                  </th>
                  <th scope="col">Kinds</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {places.map((p) => (
                  <tr key={p.id} aria-current={p.id === placeId ? "true" : undefined}>
                    <th scope="row">
                      <Link href={link({ place: p.id, pcursor: null })} scroll={false}>
                        {p.name}
                      </Link>
                    </th>
                    <td>{p.country ?? "—"}</td>
                    <td className="num">{p.eventCount}</td>
                    <td>
                      <span className="viz-kinds">
                        {p.kinds.map((k) => (
                          <span key={k.kind} className="viz-kind">
                            <span className="viz-swatch" style={{ background: kindStyle(k.kind).color }} aria-hidden="true" />
                            {kindName(k.kind)} {k.count}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td>{rangeLabel(p.first, p.last)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

function SizeLegend({ max }: { max: number }) {
  const values = [...new Set([1, Math.max(1, Math.round(max / 4)), max])];
  const r = (n: number) => MIN_R + (MAX_R - MIN_R) * Math.sqrt(n / Math.max(1, max));
  const width = values.reduce((x, n) => x + 2 * r(n) + 34, 0);
  let x = 0;
  return (
    <svg width={width} height={2 * MAX_R + 6} role="img" aria-label={`Circle sizes: ${values.map((n) => countLabel(n, "event")).join(", ")}`}>
      {values.map((n) => {
        const cx = x + r(n) + 1;
        x += 2 * r(n) + 34;
        return (
          <g key={n}>
            <circle cx={cx} cy={MAX_R + 3} r={r(n)} fill="#ffffff" stroke="#1b1f24" />
            <text x={cx + r(n) + 4} y={MAX_R + 7} fontSize="12">
              {n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
