import { filterQuery, type ViewFilter } from "../lib/filters.ts";

type Dataset = "events" | "positions" | "quotes" | "places";

const FILES: Record<Dataset, { label: string; formats: string[] }> = {
  events: { label: "Events", formats: ["csv", "json"] },
  positions: { label: "Positions", formats: ["csv", "json"] },
  quotes: { label: "Quotes", formats: ["csv", "json"] },
  places: { label: "Places", formats: ["geojson"] },
};

/** Download links for the export API, carrying the current filter. */
export function ExportLinks({ filter, datasets = ["events", "positions", "quotes", "places"] }: { filter: ViewFilter; datasets?: Dataset[] }) {
  const q = filterQuery(filter);
  return (
    <nav aria-label="Download data" className="meta kv export-links">
      <span>Download{q ? " (filtered)" : ""}:</span>
      {datasets.map((d) => (
        <span key={d}>
          {FILES[d].label}{" "}
          {FILES[d].formats.map((f, i) => (
            <span key={f}>
              {i > 0 && " · "}
              <a href={`/api/export/${d}.${f}${q}`} download>
                {f.toUpperCase()}
              </a>
            </span>
          ))}
        </span>
      ))}
    </nav>
  );
}
