/**
 * The dashboard's global filters live in the URL, so a view is a shareable link that survives a reload.
 *
 * URL format (all keys optional, list keys repeat; the names are ViewFilter's keys):
 *
 *   ?from=2026-01-01&to=2026-02-28&actors=<actorId>&actors=<actorId>&issues=enrichment&kinds=negotiate&outlets=Spiegel
 *
 * `actors`, `issues` and `kinds` also accept comma-separated values (`kinds=negotiate,threaten`);
 * outlets never split on commas because outlet names may contain them.
 * Everything is validated with the model's `ViewFilter`. `parseFilter` drops values that do not fit
 * (a hand-edited link still opens), `safeParseFilter` reports them (the export API answers 400).
 *
 * Pure functions, no React or server imports: usable from server components and route handlers. Client components
 * import `filter-url.ts` (the same URL functions without zod, re-exported here) so the browser does not load the schemas.
 */
import { ViewFilter } from "@lagebild/model";
import { LIST_KEYS, rawFilter, type SearchParamsLike } from "./filter-url.ts";

export * from "./filter-url.ts";

/** Strict: the filter, or the zod error naming the offending parameter. */
export function safeParseFilter(sp: SearchParamsLike) {
  return ViewFilter.safeParse(rawFilter(sp));
}

/** Lenient: keeps every value that fits ViewFilter and drops the rest. */
export function parseFilter(sp: SearchParamsLike): ViewFilter {
  const raw = rawFilter(sp);
  const out: ViewFilter = {};
  for (const key of ["from", "to"] as const) {
    const parsed = ViewFilter.shape[key].safeParse(raw[key]);
    if (parsed.success && parsed.data) out[key] = parsed.data;
  }
  for (const key of LIST_KEYS) {
    const values = (raw[key] as string[] | undefined) ?? [];
    const kept = values.filter((v) => ViewFilter.shape[key].safeParse([v]).success).slice(0, 50);
    if (kept.length) (out as Record<string, unknown>)[key] = kept;
  }
  if (out.from && out.to && out.from > out.to) [out.from, out.to] = [out.to, out.from];
  return out;
}

