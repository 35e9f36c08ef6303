"use client";

import { useState, type ReactNode } from "react";

const KINDS = [
  { kind: "actor", label: "Actors" },
  { kind: "place", label: "Places" },
  { kind: "date", label: "Dates" },
  { kind: "quote", label: "Quotes" },
  { kind: "trigger", label: "Event triggers" },
] as const;

/** Legend for the highlight kinds; each can be switched off. Colour plus underline style, never colour alone. */
export function SpanLegend({ counts, children }: { counts: Partial<Record<string, number>>; children: ReactNode }) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const toggle = (k: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  return (
    <div className={[...hidden].map((k) => `reader--hide-${k}`).join(" ")}>
      <fieldset className="legend-box" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Highlights</legend>
        <ul className="legend">
          {KINDS.map(({ kind, label }) => (
            <li key={kind}>
              <label>
                <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggle(kind)} />
                <span className={`span span--${kind}`}>{label}</span> <span className="meta">({counts[kind] ?? 0})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {children}
    </div>
  );
}
