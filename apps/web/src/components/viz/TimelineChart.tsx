/**
 * Server component: events on a time axis, in lanes (per event kind or per actor). Rendered as static SVG; every
 * mark is a link to the event's evidence page with an accessible name and a native tooltip, so it needs no
 * JavaScript.
 *
 * Honest dates: a day is a dot, a month- or year-precision date is a bar across the whole month or year.
 * Status: reported = filled; planned = hollow with a dashed outline; cancelled = hollow, struck through and labelled
 * "cancelled"; hypothetical = dotted outline with a "?".
 */
import { EVENT_KINDS } from "@lagebild/model";
import { kindStyle } from "./palette.ts";
import { brokenScale, dayNumber, packRows, ticks } from "./time-scale.ts";
import { countLabel, fuzzyLabel, kindName, rangeLabel, wrapLabel } from "./format.ts";
import { groupParticipants } from "../../lib/participants.ts";

export interface ChartEvent {
  id: string;
  kind: string;
  status: string;
  summary: string;
  date: string | null;
  precision: "day" | "month" | "year";
  from: string;
  to: string;
  reportCount: number;
  participants: { id: string; name: string; role: string }[];
  places: { id: string; name: string }[];
}

export type LaneMode = "kind" | "actor";

interface Lane {
  key: string;
  label: string;
  /** Link that narrows the view to this lane (kind or actor filter). */
  href?: string;
  events: ChartEvent[];
}

const WIDTH = 1100;
const GUTTER = 170;
const AXIS_H = 34;
const ROW_H = 18;
const LANE_PAD = 8;
/** Room for the lane's name (one line) and count. */
const LANE_MIN_H = 36;
/** Lane names wrap onto further lines of this height instead of being cut off. */
const LABEL_LINE_H = 14;
/** Characters of a lane name per line in the gutter (12.5px bold). */
const LABEL_CHARS = 21;
/** Room under the last lane for the "compressed" notes of the axis. */
const NOTE_H = 16;
const MAX_ACTOR_LANES = 12;
const STATUS_TEXT: Record<string, string> = { planned: "planned", cancelled: "cancelled", hypothetical: "hypothetical" };

export function lanesFor(events: ChartEvent[], mode: LaneMode, hrefFor: (mode: LaneMode, key: string) => string): Lane[] {
  if (mode === "kind") {
    const order = new Map<string, number>(EVENT_KINDS.map((k, i) => [k.kind, i]));
    const byKind = new Map<string, ChartEvent[]>();
    for (const e of events) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
    return [...byKind.entries()]
      .sort((a, b) => (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99))
      .map(([kind, evs]) => ({ key: kind, label: kindName(kind), href: hrefFor("kind", kind), events: evs }));
  }
  const byActor = new Map<string, { name: string; events: ChartEvent[] }>();
  const nobody: ChartEvent[] = [];
  for (const e of events) {
    if (e.participants.length === 0) nobody.push(e);
    const seen = new Set<string>();
    for (const p of e.participants) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      const lane = byActor.get(p.id) ?? { name: p.name, events: [] };
      lane.events.push(e);
      byActor.set(p.id, lane);
    }
  }
  const sorted = [...byActor.entries()].sort((a, b) => b[1].events.length - a[1].events.length || a[1].name.localeCompare(b[1].name));
  const top = sorted.slice(0, MAX_ACTOR_LANES);
  const topIds = new Set(top.map(([id]) => id));
  const lanes: Lane[] = top.map(([id, l]) => ({ key: id, label: l.name, href: hrefFor("actor", id), events: l.events }));
  const rest = events.filter((e) => e.participants.length > 0 && !e.participants.some((p) => topIds.has(p.id)));
  if (rest.length) lanes.push({ key: "other", label: `${sorted.length - top.length} other actors`, events: rest });
  if (nobody.length) lanes.push({ key: "none", label: "No named actor", events: nobody });
  return lanes;
}

function describe(e: ChartEvent): string {
  const when = e.precision === "day" ? fuzzyLabel(e.date ?? e.from) : `${fuzzyLabel(e.date)} (${rangeLabel(e.from, e.to)}, exact day unknown)`;
  const who = e.participants.length ? ` · ${groupParticipants(e.participants).map((p) => p.name).join(", ")}` : "";
  const where = e.places.length ? ` · in ${e.places.map((p) => p.name).join(", ")}` : "";
  const status = e.status !== "reported" ? ` · ${e.status.toUpperCase()}` : "";
  return `${when} · ${kindName(e.kind)}${status} · ${e.summary}${who}${where} · ${countLabel(e.reportCount, "report")}`;
}

interface Props {
  events: ChartEvent[];
  lanes: LaneMode;
  domain: [string, string];
  focus: [string, string] | null;
  hrefFor: (mode: LaneMode, key: string) => string;
}

export function TimelineChart({ events, lanes: mode, domain, focus, hrefFor }: Props) {
  const plotW = WIDTH - GUTTER - 12;
  const scale = brokenScale(domain[0], domain[1], plotW, { focus });
  const tickList = ticks(scale);
  const lanes = lanesFor(events, mode, hrefFor);
  const d0 = dayNumber(domain[0]);
  const d1 = dayNumber(domain[1]) + 1;

  let y = AXIS_H + 6;
  const laneLayouts = lanes.map((lane) => {
    const items = lane.events
      .filter((e) => dayNumber(e.to) + 1 > d0 && dayNumber(e.from) < d1)
      .map((e) => {
        const x0 = scale.x(dayNumber(e.from));
        const x1 = scale.x(dayNumber(e.to) + 1);
        const day = e.precision === "day";
        const cx = (x0 + x1) / 2;
        const mx0 = day ? cx - 6 : x0;
        const mx1 = day ? cx + 6 : Math.max(x1, x0 + 4);
        const extra = STATUS_TEXT[e.status] ? STATUS_TEXT[e.status]!.length * 5.6 + 6 : 0;
        return { e, x0: mx0, x1: mx1 + extra, markEnd: mx1, cx, day };
      })
      .sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1);
    const { rows, rowCount } = packRows(items, 2, 10);
    const top = y;
    const labelLines = wrapLabel(lane.label, LABEL_CHARS);
    const height = Math.max(LANE_MIN_H + (labelLines.length - 1) * LABEL_LINE_H, rowCount * ROW_H + LANE_PAD);
    y += height;
    return { lane, labelLines, items, rows, top, height };
  });
  const lanesBottom = y;
  const hasCompressed = scale.segments.some((s) => s.compressed);
  const height = y + 4 + (hasCompressed ? NOTE_H : 0);

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="viz-tl__svg"
      role="group"
      aria-label={`Timeline of ${countLabel(events.length, "event")} from ${rangeLabel(domain[0], domain[1])}, one lane per ${mode === "kind" ? "kind of event" : "actor"}`}
    >
      <defs>
        <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
        </pattern>
      </defs>
      {/* Axis */}
      <g transform={`translate(${GUTTER},0)`} aria-hidden="true">
        {scale.segments.map((s, i) => (
          <rect key={i} x={s.x0} y={AXIS_H - 4} width={s.x1 - s.x0} height={height - AXIS_H} className={s.compressed ? "viz-tl__seg viz-tl__seg--compressed" : "viz-tl__seg"} />
        ))}
        {scale.segments
          .filter((s) => s.compressed)
          .map((s, i) => (
            <text key={`c${i}`} x={s.x0 + 4} y={lanesBottom + NOTE_H - 2} className="viz-tl__segnote">
              compressed
            </text>
          ))}
        {tickList.map((t, i) => (
          <g key={i}>
            <line x1={t.x} x2={t.x} y1={AXIS_H - 8} y2={height} className={t.major ? "viz-tl__tick viz-tl__tick--major" : "viz-tl__tick"} />
            {t.label && (
              <text x={t.x + 3} y={AXIS_H - 12} className={t.major ? "viz-tl__ticklabel viz-tl__ticklabel--major" : "viz-tl__ticklabel"}>
                {t.label}
              </text>
            )}
          </g>
        ))}
        {scale.breaks.map((bx, i) => (
          <g key={`b${i}`} className="viz-tl__break">
            <rect x={bx - 5} y={AXIS_H - 8} width={10} height={height - AXIS_H + 8} fill="#ffffff" />
            <path d={`M${bx - 4},${AXIS_H - 8} l4,6 l-4,6 M${bx + 1},${AXIS_H - 8} l4,6 l-4,6`} />
            <text x={bx} y={12} textAnchor="middle" className="viz-tl__breaklabel">
              ≈ axis break
            </text>
          </g>
        ))}
      </g>
      {/* Lanes */}
      {laneLayouts.map(({ lane, labelLines, items, rows, top, height: h }, li) => (
        <g key={lane.key} className="viz-tl__lane">
          <rect x={0} y={top} width={WIDTH} height={h} className={li % 2 ? "viz-tl__band viz-tl__band--odd" : "viz-tl__band"} />
          {lane.href ? (
            // The whole name is drawn (wrapped), so the visible text is part of the link's name (WCAG 2.5.3).
            <a href={lane.href} aria-label={`Show only ${lane.label}`}>
              <LaneLabel lines={labelLines} top={top} className="viz-tl__lanelabel" />
            </a>
          ) : (
            <LaneLabel lines={labelLines} top={top} className="viz-tl__lanelabel viz-tl__lanelabel--plain" />
          )}
          <text x={8} y={top + 27 + (labelLines.length - 1) * LABEL_LINE_H} className="viz-tl__lanecount">
            {countLabel(lane.events.length, "event")}
          </text>
          <g transform={`translate(${GUTTER},0)`}>
            {items.map((it, i) => {
              const cy = top + 4 + rows[i]! * ROW_H + ROW_H / 2;
              return <EventMark key={`${it.e.id}`} e={it.e} cx={it.cx} cy={cy} x0={it.x0} x1={it.markEnd} day={it.day} />;
            })}
          </g>
        </g>
      ))}
    </svg>
  );
}

function LaneLabel({ lines, top, className }: { lines: string[]; top: number; className: string }) {
  return (
    <text x={8} y={top + 14} className={className}>
      {lines.map((line, i) => {
        // The space a line broke at stays in the text (so the name reads whole) but outside the underlined line.
        const text = line.trimEnd();
        return (
          <tspan key={i}>
            <tspan x={8} dy={i === 0 ? 0 : LABEL_LINE_H} className="viz-tl__line">
              {text}
            </tspan>
            {line.length > text.length && " "}
          </tspan>
        );
      })}
    </text>
  );
}

function EventMark({ e, cx, cy, x0, x1, day }: { e: ChartEvent; cx: number; cy: number; x0: number; x1: number; day: boolean }) {
  const style = kindStyle(e.kind);
  const label = describe(e);
  const status = e.status;
  const hollow = status === "planned" || status === "cancelled" || status === "hypothetical";
  const stroke = status === "cancelled" ? "#4a5360" : day ? "#1b1f24" : style.color;
  const dash = status === "planned" ? "3 2" : status === "hypothetical" ? "1.5 2" : status === "cancelled" ? "2 2" : undefined;
  const fill = hollow ? "#ffffff" : style.color;
  const cls = `viz-tl__mark viz-tl__mark--${status}`;
  return (
    <a href={`/events/${e.id}`} className={cls}>
      {/* The title is both the tooltip and the mark's accessible name (SVG-AAM); no duplicate aria-label. */}
      <title>{label}</title>
      {day ? (
        <path d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} fill={fill} stroke={hollow ? style.color : stroke} strokeWidth={hollow ? 2 : 1} strokeDasharray={dash} />
      ) : (
        <>
          <rect x={x0} y={cy - 5} width={Math.max(4, x1 - x0)} height={10} rx={2} fill={hollow ? "#ffffff" : style.color} fillOpacity={hollow ? 1 : 0.55} stroke={hollow ? style.color : stroke} strokeWidth={hollow ? 2 : 1.2} strokeDasharray={dash} />
          {!hollow && <rect x={x0} y={cy - 5} width={Math.max(4, x1 - x0)} height={10} rx={2} fill="url(#tl-hatch)" opacity={0.5} />}
        </>
      )}
      {status === "cancelled" && <line x1={x0 - 2} x2={x1 + 2} y1={cy} y2={cy} className="viz-tl__strike" />}
      {status === "hypothetical" && (
        <text x={day ? cx : x0 + 3} y={cy + 3.5} textAnchor={day ? "middle" : "start"} className="viz-tl__q">
          ?
        </text>
      )}
      {STATUS_TEXT[status] && (
        <text x={x1 + 4} y={cy + 3.5} className={`viz-tl__status viz-tl__status--${status}`}>
          {STATUS_TEXT[status]}
        </text>
      )}
      <rect x={x0 - 3} y={cy - 8} width={Math.max(10, x1 - x0 + 6)} height={16} className="viz-tl__focus" />
    </a>
  );
}
