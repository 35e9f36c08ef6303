/**
 * The filter ⇄ URL half of `filters.ts` without validation, so client components (the filter bar, the article list)
 * do not ship zod and the model's schemas to the browser. The server validates every filter it reads from a URL
 * (`parseFilter` / `safeParseFilter` in `filters.ts`); what the browser writes into a URL is only read back there.
 */
import type { ViewFilter } from "@lagebild/model";

export type { ViewFilter };

/** What Next passes to a page as `searchParams`, a URLSearchParams, or a plain query string. */
export type SearchParamsLike =
  | URLSearchParams
  | string
  | Record<string, string | string[] | undefined>;

export const FILTER_KEYS = ["from", "to", "actors", "issues", "kinds", "outlets"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const LIST_KEYS = ["actors", "issues", "kinds", "outlets"] as const;
export type ListKey = (typeof LIST_KEYS)[number];
const SPLITS_ON_COMMA: ReadonlySet<ListKey> = new Set(["actors", "issues", "kinds"]);

function getAll(sp: SearchParamsLike, key: string): string[] {
  if (typeof sp === "string") return new URLSearchParams(sp).getAll(key);
  if (sp instanceof URLSearchParams) return sp.getAll(key);
  const v = sp[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function listValues(sp: SearchParamsLike, key: ListKey): string[] {
  const raw = getAll(sp, key).flatMap((v) => (SPLITS_ON_COMMA.has(key) ? v.split(",") : [v]));
  const out: string[] = [];
  for (const v of raw.map((s) => s.trim())) if (v && !out.includes(v)) out.push(v);
  return out;
}

/** Reads the raw (unvalidated) filter object from search params. */
export function rawFilter(sp: SearchParamsLike): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of ["from", "to"] as const) {
    const v = getAll(sp, key)[0]?.trim();
    if (v) raw[key] = v;
  }
  for (const key of LIST_KEYS) {
    const values = listValues(sp, key);
    if (values.length) raw[key] = values;
  }
  return raw;
}

/**
 * The filter a URL (or a submitted filter form) names, unvalidated: for the browser, where the values come from the
 * filter bar's own inputs. Orders a reversed date range as `parseFilter` does.
 */
export function filterFromParams(sp: SearchParamsLike): ViewFilter {
  const raw = rawFilter(sp) as ViewFilter;
  for (const key of LIST_KEYS) if (raw[key]) raw[key] = raw[key].slice(0, 50) as never;
  if (raw.from && raw.to && raw.from > raw.to) [raw.from, raw.to] = [raw.to, raw.from];
  return raw;
}

/** Serializes a filter to search params in a stable order (same filter, same link). */
export function filterToSearchParams(filter: ViewFilter, base?: URLSearchParams): URLSearchParams {
  const sp = new URLSearchParams(base);
  for (const key of FILTER_KEYS) sp.delete(key);
  if (filter.from) sp.set("from", filter.from);
  if (filter.to) sp.set("to", filter.to);
  for (const key of LIST_KEYS) for (const v of filter[key] ?? []) sp.append(key, v);
  return sp;
}

/** `?…` for a filter, or "" when it is empty. `extra` params (e.g. a page cursor) are appended. */
export function filterQuery(filter: ViewFilter, extra?: Record<string, string | number | undefined>): string {
  const sp = filterToSearchParams(filter);
  for (const [k, v] of Object.entries(extra ?? {})) if (v !== undefined && v !== "") sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** A link to `path` carrying the filter. */
export function withFilter(path: string, filter: ViewFilter, extra?: Record<string, string | number | undefined>): string {
  return path + filterQuery(filter, extra);
}

export function isEmptyFilter(filter: ViewFilter): boolean {
  return !filter.from && !filter.to && LIST_KEYS.every((k) => !filter[k]?.length);
}

/** Number of active filter values, for a badge. */
export function activeFilterCount(filter: ViewFilter): number {
  return (filter.from ? 1 : 0) + (filter.to ? 1 : 0) + LIST_KEYS.reduce((n, k) => n + (filter[k]?.length ?? 0), 0);
}

/** Reads a non-negative page cursor (`?cursor=50`) leniently. */
export function parseCursor(sp: SearchParamsLike, key = "cursor"): number {
  const v = Number(getAll(sp, key)[0]);
  return Number.isInteger(v) && v >= 0 && v <= 1_000_000 ? v : 0;
}
