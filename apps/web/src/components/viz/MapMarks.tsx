"use client";

/**
 * The interactive layer of the map: focusable, labelled marks and a tooltip. The base map (countries) arrives as
 * server-rendered children; the marks' positions were projected on the server, so no geo code ships to the browser.
 * Each mark is a link (`?place=<id>`): click or Enter opens the list of events there, with or without JavaScript.
 */
import Link from "next/link";
import { useState, type ReactNode } from "react";

export interface Mark {
  id: string;
  name: string;
  x: number;
  y: number;
  r: number;
  color: string;
  href: string;
  selected: boolean;
  /** Tooltip lines after the name, e.g. "12 events", "Negotiate 5 · Threaten 3", "3 Jan – 12 Feb 2026". */
  lines: string[];
  /** Full accessible name of the mark. */
  aria: string;
  label?: { x: number; y: number; anchor: "start" | "end" };
}

export function MapMarks({ width, height, marks, title, children }: { width: number; height: number; marks: Mark[]; title: string; children: ReactNode }) {
  const [tip, setTip] = useState<Mark | null>(null);
  const show = (m: Mark) => () => setTip(m);
  const hide = (m: Mark) => () => setTip((t) => (t?.id === m.id ? null : t));
  return (
    <div className="viz-map__frame">
      <svg viewBox={`0 0 ${width} ${height}`} className="viz-map__svg" role="group" aria-label={title}>
        {children}
        <g className="viz-map__marks">
          {marks.map((m) => (
            <Link
              key={m.id}
              href={m.href}
              scroll={false}
              aria-label={m.aria}
              aria-current={m.selected ? "true" : undefined}
              className="viz-mark"
              onMouseEnter={show(m)}
              onMouseLeave={hide(m)}
              onFocus={show(m)}
              onBlur={hide(m)}
            >
              <circle cx={m.x} cy={m.y} r={m.r} fill={m.color} className={m.selected ? "viz-mark__dot viz-mark__dot--selected" : "viz-mark__dot"} />
              <circle cx={m.x} cy={m.y} r={m.r + 3} className="viz-mark__focus" />
            </Link>
          ))}
        </g>
        <g className="viz-map__labels" aria-hidden="true">
          {marks.map((m) =>
            m.label ? (
              <text key={m.id} x={m.label.x} y={m.label.y} textAnchor={m.label.anchor} className="viz-map__label">
                {m.name}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      {tip && (
        <div
          className="viz-tip"
          role="tooltip"
          style={{ left: `${(tip.x / width) * 100}%`, top: `${(tip.y / height) * 100}%`, transform: `translate(${tip.x > width * 0.7 ? "-100%" : "0"}, calc(-100% - ${tip.r + 6}px))` }}
        >
          <strong>{tip.name}</strong>
          {tip.lines.map((l, i) => (
            <span key={i}>{l}</span>
          ))}
          <em>Click or press Enter for the events</em>
        </div>
      )}
    </div>
  );
}
