"use client";

/**
 * The overview strip above the timeline: the whole extent on a linear axis (weekly counts of day-precision events)
 * with the shown range as a window. Drag across the strip to choose a new range; or focus the window and use the
 * arrow keys (move) and + / − (zoom). Either sets `from`/`to` in the URL, so the server renders the detail view.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useState, useTransition, type KeyboardEvent, type PointerEvent } from "react";

const DAY = 86_400_000;
const W = 1100;
const H = 58;
const PAD = 8;

const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const toIso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);

export interface BrushProps {
  min: string;
  max: string;
  from: string;
  to: string;
  weeks: { week: string; count: number }[];
  /** Year boundaries to label, precomputed on the server. */
  years: { x: string; label: string }[];
}

export function TimelineBrush({ min, max, from, to, weeks, years }: BrushProps) {
  const router = useRouter();
  const pathname = usePathname() ?? "/timeline";
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const d0 = toDay(min);
  const d1 = toDay(max) + 1;
  const span = Math.max(1, d1 - d0);
  const x = (d: number) => PAD + ((d - d0) / span) * (W - 2 * PAD);
  const dayAt = (px: number) => Math.round(d0 + ((px - PAD) / (W - 2 * PAD)) * span);
  const peak = weeks.reduce((m, w) => Math.max(m, w.count), 1);
  const barW = Math.max(1, (7 / span) * (W - 2 * PAD) - 0.5);

  function go(a: number, b: number) {
    const lo = Math.max(d0, Math.min(a, b));
    const hi = Math.min(d1 - 1, Math.max(a, b));
    const sp = new URLSearchParams(params?.toString() ?? "");
    if (lo <= d0 && hi >= d1 - 1) {
      sp.delete("from");
      sp.delete("to");
    } else {
      sp.set("from", toIso(lo));
      sp.set("to", toIso(hi));
    }
    const qs = sp.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  function svgX(ev: PointerEvent<SVGSVGElement>): number {
    const r = svgRef.current!.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * W;
  }
  function onDown(ev: PointerEvent<SVGSVGElement>) {
    if (ev.button !== 0) return;
    ev.currentTarget.setPointerCapture(ev.pointerId);
    const px = svgX(ev);
    setDrag({ a: px, b: px });
  }
  function onMove(ev: PointerEvent<SVGSVGElement>) {
    if (drag) setDrag({ a: drag.a, b: svgX(ev) });
  }
  function onUp() {
    if (!drag) return;
    const { a, b } = drag;
    setDrag(null);
    if (Math.abs(b - a) < 4) return;
    go(dayAt(Math.min(a, b)), dayAt(Math.max(a, b)));
  }

  const f = toDay(from);
  const t = toDay(to) + 1;
  function onKey(ev: KeyboardEvent<SVGRectElement>) {
    const len = t - f;
    const step = Math.max(1, Math.round(len / 4));
    if (ev.key === "ArrowLeft") go(f - step, t - 1 - step);
    else if (ev.key === "ArrowRight") go(f + step, t - 1 + step);
    else if (ev.key === "+" || ev.key === "=") go(f + Math.floor(len / 4), t - 1 - Math.floor(len / 4));
    else if (ev.key === "-" || ev.key === "_") go(f - Math.ceil(len / 2), t - 1 + Math.ceil(len / 2));
    else return;
    ev.preventDefault();
  }

  const sel = drag ? { x0: Math.min(drag.a, drag.b), x1: Math.max(drag.a, drag.b) } : { x0: x(f), x1: x(t) };
  return (
    <div className="viz-brush" aria-busy={pending}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        className="viz-brush__svg"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={() => setDrag(null)}
        role="group"
        aria-label="Overview of the whole period. Drag to choose a range."
      >
        <rect x={0} y={0} width={W} height={H} className="viz-brush__bg" />
        {weeks.map((w) => {
          const h = Math.max(1.5, (w.count / peak) * (H - 22));
          return <rect key={w.week} x={x(toDay(w.week))} y={H - 16 - h} width={barW} height={h} className="viz-brush__bar" />;
        })}
        {years.map((yr) => (
          <g key={yr.x} aria-hidden="true">
            <line x1={x(toDay(yr.x))} x2={x(toDay(yr.x))} y1={0} y2={H} className="viz-brush__year" />
            <text x={x(toDay(yr.x)) + 3} y={H - 4} className="viz-brush__label">
              {yr.label}
            </text>
          </g>
        ))}
        <rect
          x={sel.x0}
          y={1}
          width={Math.max(2, sel.x1 - sel.x0)}
          height={H - 2}
          className="viz-brush__window"
          tabIndex={0}
          role="slider"
          aria-label="Shown range"
          aria-valuemin={d0}
          aria-valuemax={d1 - 1}
          aria-valuenow={f}
          aria-valuetext={`${from} to ${to}. Left and right arrows move the range, plus and minus zoom.`}
          onKeyDown={onKey}
        />
      </svg>
      {pending && <span className="meta viz-brush__pending">Loading range…</span>}
    </div>
  );
}
