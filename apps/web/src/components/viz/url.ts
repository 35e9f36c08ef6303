/**
 * Links that change one view parameter and keep everything else on the URL (the global filters included), so every
 * control of the analyst views is a plain link: it works without JavaScript and the state is shareable.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

export function toSearchParams(sp: SearchParams | URLSearchParams): URLSearchParams {
  if (sp instanceof URLSearchParams) return new URLSearchParams(sp);
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
  }
  return out;
}

/** `path?…` with `changes` applied: a string sets the param, null/undefined removes it. */
export function hrefWith(path: string, sp: SearchParams | URLSearchParams, changes: Record<string, string | null | undefined>): string {
  const next = toSearchParams(sp);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") next.delete(k);
    else next.set(k, v);
  }
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}

/** First value of a param. */
export function param(sp: SearchParams, key: string): string | undefined {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A valid `YYYY-MM-DD` param, else undefined. */
export function dayParam(sp: SearchParams, key: string): string | undefined {
  const v = param(sp, key);
  return v && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined;
}

/** A param constrained to a set of values, else the fallback. */
export function enumParam<T extends string>(sp: SearchParams, key: string, values: readonly T[], fallback: T): T {
  const v = param(sp, key);
  return (values as readonly string[]).includes(v ?? "") ? (v as T) : fallback;
}
