/**
 * Normalises explicitly given metadata (YAML front matter, JSON fields, HTML meta tags) into `GivenMetadata`.
 * Values that cannot be used are dropped with a warning instead of failing the article.
 */
import type { GivenMetadata } from "../pipeline/types.ts";
import { findDates } from "../stages/dates.ts";

export interface Normalised {
  given: GivenMetadata;
  warnings: string[];
}

const ISO_FUZZY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** "2026-02-06", "2026-02-06T10:00:00+01:00", "06.02.2026", "6. Februar 2026", a Date → `YYYY[-MM[-DD]]`. */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === "number" && value >= 1900 && value <= 2199) return String(value);
  if (typeof value !== "string") return null;
  const v = value.trim();
  if (ISO_FUZZY.test(v)) return v;
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(v);
  if (iso) return iso[1]!;
  const found = findDates([{ index: 0, start: 0, end: v.length, text: v }], null).find((d) => d.date.precision === "day" || d.date.precision === "month");
  return found?.date.value ?? null;
}

function stringList(value: unknown): string[] | null {
  if (typeof value === "string") return value.split(/\s*(?:,|;| und | and | & )\s*/u).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) {
    const out = value.map((v) => (typeof v === "string" ? v : v && typeof v === "object" && "name" in v && typeof v.name === "string" ? v.name : null));
    if (out.some((v) => v === null)) return null;
    return (out as string[]).map((s) => s.trim()).filter(Boolean);
  }
  return null;
}

const pick = (o: Record<string, unknown>, ...keys: string[]) => {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null && o[k] !== "") return o[k];
  return undefined;
};

/** Reads url, title, published, outlet, authors, agencies, language (and common synonyms) from a record. */
export function normaliseGiven(record: Record<string, unknown>): Normalised {
  const given: GivenMetadata = {};
  const warnings: string[] = [];

  const url = pick(record, "url", "link", "canonical");
  if (url !== undefined) {
    let ok = false;
    if (typeof url === "string") {
      try {
        ok = /^https?:$/.test(new URL(url).protocol);
      } catch {
        ok = false;
      }
    }
    if (ok) given.url = (url as string).trim();
    else warnings.push(`ignored url ${JSON.stringify(url)} (not an http(s) URL)`);
  }
  const title = pick(record, "title", "headline");
  if (typeof title === "string" && title.trim()) given.title = title.trim();
  else if (title !== undefined) warnings.push("ignored title (not a string)");

  const published = pick(record, "published", "date", "datePublished", "published_at", "publishedAt", "pubDate");
  if (published !== undefined) {
    const d = normaliseDate(published);
    if (d) given.published = d;
    else warnings.push(`ignored published ${JSON.stringify(published)} (not a date)`);
  }
  const outlet = pick(record, "outlet", "publisher", "site", "siteName", "site_name", "source");
  if (typeof outlet === "string" && outlet.trim()) given.outlet = outlet.trim();
  else if (outlet && typeof outlet === "object" && "name" in outlet && typeof outlet.name === "string") given.outlet = outlet.name;
  else if (outlet !== undefined) warnings.push("ignored outlet (not a string)");

  for (const [field, keys] of [["authors", ["authors", "author", "byline"]], ["agencies", ["agencies", "agency"]]] as const) {
    const raw = pick(record, ...keys);
    if (raw === undefined) continue;
    const list = stringList(raw);
    if (list) given[field] = list;
    else warnings.push(`ignored ${field} (not a string or list of strings)`);
  }
  const language = pick(record, "language", "lang");
  if (typeof language === "string" && /^[a-z]{2}(?:[-_][A-Za-z]{2})?$/.test(language.trim())) given.language = language.trim().slice(0, 2);
  else if (language !== undefined) warnings.push(`ignored language ${JSON.stringify(language)}`);
  return { given, warnings };
}
