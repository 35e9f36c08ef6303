/** Legend of event-kind colours, in text: each colour names its family and the kinds it covers. */
import { kindLegend } from "./palette.ts";

export function KindLegend({ present, title = "Colour: kind of event" }: { present?: Iterable<string>; title?: string }) {
  const rows = kindLegend(present);
  if (rows.length === 0) return null;
  return (
    <div className="viz-legend">
      <h3 className="viz-legend__title">{title}</h3>
      <ul>
        {rows.map(({ style, kinds }) => (
          <li key={style.family}>
            <svg width="14" height="14" aria-hidden="true" className="viz-legend__swatch">
              <circle cx="7" cy="7" r="6" fill={style.color} stroke="#1b1f24" strokeWidth="1" />
            </svg>
            <span>
              <strong>{style.label}</strong>
              <span className="meta"> — {kinds.map((k) => k.label).join("; ")}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
