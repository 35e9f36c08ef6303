/**
 * Server component: the offline world map with event places. Countries are projected here (d3-geo, Natural Earth
 * 1:110m); the browser gets SVG paths and pre-projected marks only. Place names are in the HTML (labels, the
 * accessible names of the marks and the table next to the map).
 */
import "server-only";
import { kindStyle } from "./palette.ts";
import { MapMarks, type Mark } from "./MapMarks.tsx";
import { baseMap, type MapMode } from "./server/geo.ts";
import { countLabel, kindName, rangeLabel } from "./format.ts";

export interface MapPlaceData {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  eventCount: number;
  kinds: { kind: string; count: number }[];
  dominantKind: string;
  first: string | null;
  last: string | null;
}

export const MAX_R = 18;
export const MIN_R = 4;

/** Circle radius: area proportional to the number of events (relative to the busiest place). */
export function radius(count: number, max: number): number {
  return Math.round((MIN_R + (MAX_R - MIN_R) * Math.sqrt(count / Math.max(1, max))) * 10) / 10;
}

function kindsLine(p: MapPlaceData, n = 3): string {
  const top = p.kinds.slice(0, n).map((k) => `${kindName(k.kind)} ${k.count}`);
  const more = p.kinds.length - n;
  return top.join(" · ") + (more > 0 ? ` · +${more} more kinds` : "");
}

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

/** Greedy label placement: biggest places first, right of the mark, else left; skipped when it would overlap. */
function placeLabels(marks: Mark[], width: number, maxLabels = 14) {
  const circles: Box[] = marks.map((m) => [m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r]);
  const labels: Box[] = [];
  let placed = 0;
  const order = marks.map((m, i) => i).sort((a, b) => marks[b]!.r - marks[a]!.r);
  for (const i of order) {
    if (placed >= maxLabels) break;
    const m = marks[i]!;
    const w = m.name.length * 8.2 + 4;
    const y = m.y + 5;
    const right: Box = [m.x + m.r + 3, y - 13, m.x + m.r + 3 + w, y + 4];
    const left: Box = [m.x - m.r - 3 - w, y - 13, m.x - m.r - 3, y + 4];
    const free = (b: Box) => b[0] >= 0 && b[2] <= width && !labels.some((o) => overlaps(b, o)) && !circles.some((c, j) => j !== i && overlaps(b, c));
    if (free(right)) {
      m.label = { x: right[0], y, anchor: "start" };
      labels.push(right);
      placed++;
    } else if (free(left)) {
      m.label = { x: left[2], y, anchor: "end" };
      labels.push(left);
      placed++;
    }
  }
}

export function WorldMap({ places, mode, selectedId, hrefFor }: { places: MapPlaceData[]; mode: MapMode; selectedId?: string; hrefFor: (placeId: string) => string }) {
  const map = baseMap(mode, places);
  const max = places.reduce((m, p) => Math.max(m, p.eventCount), 0);
  const marks: Mark[] = [];
  const offFrame: MapPlaceData[] = [];
  for (const p of places) {
    const xy = map.project(p.lon, p.lat);
    if (!xy) {
      offFrame.push(p);
      continue;
    }
    const when = rangeLabel(p.first, p.last);
    const events = countLabel(p.eventCount, "event");
    marks.push({
      id: p.id,
      name: p.name,
      x: xy[0],
      y: xy[1],
      r: radius(p.eventCount, max),
      color: kindStyle(p.dominantKind).color,
      href: hrefFor(p.id),
      selected: p.id === selectedId,
      lines: [events, kindsLine(p), when],
      aria: `${p.name}${p.country ? ` (${p.country})` : ""}: ${events}, mostly ${kindName(p.dominantKind)}; ${kindsLine(p, 5)}; ${when}. Open the event list.`,
    });
  }
  // Big circles first, so small ones stay on top and clickable.
  marks.sort((a, b) => b.r - a.r);
  placeLabels(marks, map.width);
  return (
    <>
      <MapMarks width={map.width} height={map.height} marks={marks} title={`Map of ${countLabel(marks.length, "place")} where events happened`}>
        <path d={map.sphere} className="viz-map__sphere" />
        <path d={map.graticule} className="viz-map__graticule" />
        <g className="viz-map__countries">
          {map.countries.map((c) => (
            <path key={c.id} d={c.d} />
          ))}
        </g>
        <path d={map.borders} className="viz-map__borders" />
      </MapMarks>
      {offFrame.length > 0 && <p className="meta">Outside this frame: {offFrame.map((p) => p.name).join(", ")}.</p>}
    </>
  );
}
