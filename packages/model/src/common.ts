import { z } from "zod";

/** Stable identity key of an entity across articles, e.g. `state:IR`, `person:abbas-araghtschi`, `place:maskat`. */
export const EntityKey = z.string().min(1).max(200).regex(/^[a-z]+:[\p{L}\p{N}._-]+$/u, "expected kind:slug");
export type EntityKey = z.infer<typeof EntityKey>;

export const DatePrecision = z.enum(["day", "month", "year"]);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** ISO date as precise as the text allows: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const IsoFuzzyDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");

/** How a date was obtained: written out, or computed from a reference date with a named rule. */
export const DateResolution = z.object({
  kind: z.enum(["absolute", "relative", "inferred"]),
  /** The rule that produced it, e.g. `weekday-before-publication`, `explicit-day-month-year`. */
  rule: z.string().min(1),
  /** The reference date for relative dates (publication date or another event's date). */
  anchor: IsoFuzzyDate.optional(),
  /** The words the date was read from. */
  text: z.string().optional(),
});
export type DateResolution = z.infer<typeof DateResolution>;

export const FuzzyDate = z.object({
  value: IsoFuzzyDate,
  precision: DatePrecision,
  resolution: DateResolution,
});
export type FuzzyDate = z.infer<typeof FuzzyDate>;

/** Precision implied by the shape of an ISO fuzzy date. */
export function precisionOf(value: string): DatePrecision {
  return value.length >= 10 ? "day" : value.length >= 7 ? "month" : "year";
}

/** Inclusive [first day, last day] covered by a fuzzy date, as `YYYY-MM-DD` strings. */
export function dateSpan(value: string): [string, string] {
  if (value.length >= 10) return [value.slice(0, 10), value.slice(0, 10)];
  if (value.length >= 7) {
    const [y, m] = value.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${value.slice(0, 7)}-01`, `${value.slice(0, 7)}-${String(last).padStart(2, "0")}`];
  }
  return [`${value.slice(0, 4)}-01-01`, `${value.slice(0, 4)}-12-31`];
}
