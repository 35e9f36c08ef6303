import { filterQuery, type ViewFilter } from "../lib/filters.ts";

export type Dataset = "events" | "positions" | "quotes" | "places";

const FILES: Record<Dataset, { label: string; formats: string[] }> = {
  events: { label: "Events", formats: ["csv", "json"] },
  positions: { label: "Positions", formats: ["csv", "json"] },
  quotes: { label: "Quotes", formats: ["csv", "json"] },
  places: { label: "Places", formats: ["geojson"] },
};

const FORMAT_NAME: Record<string, string> = { csv: "CSV", json: "JSON", geojson: "GeoJSON" };

/**
 * Download links for the export API, carrying the current filter. Each link is named for what it downloads
 * ("Events as CSV"); the visible format ("CSV") is part of that name.
 */
export function ExportLinks({ filter, datasets = ["events", "positions", "quotes", "places"] }: { filter: ViewFilter; datasets?: Dataset[] }) {
  const q = filterQuery(filter);
  return (
    <nav aria-label="Download data" className="meta kv export-links">
      <span>Download{q ? " (filtered)" : ""}:</span>
      {datasets.map((d) => (
        <span key={d}>
          {FILES[d].label}{" "}
          {FILES[d].formats.map((f, i) => {
            const format = FORMAT_NAME[f] ?? f.toUpperCase();
            return (
              <span key={f}>
                {i > 0 && " · "}
                <a href={`/api/export/${d}.${f}${q}`} download aria-label={`${FILES[d].label} as ${format}${q ? " (filtered)" : ""}`}>
                  {format}
                </a>
              </span>
            );
          })}
        </span>
      ))}
    </nav>
  );
}
