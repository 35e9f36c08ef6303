import { z } from "zod";
import { DatePrecision, IsoFuzzyDate } from "./common.ts";

export const Language = z.string().regex(/^[a-z]{2}$/, "ISO 639-1 code");

/** Where a publication date came from, best first: front matter, a date line in the text, or inferred from dated mentions. */
export const PublishedSource = z.enum(["front-matter", "date-line", "inferred", "unknown"]);

export const Published = z.object({
  /** `YYYY-MM-DD` (or coarser) — the earliest day of the window when inferred. */
  value: IsoFuzzyDate,
  precision: DatePrecision,
  /** Inclusive window the true date lies in, for inferred dates. Equal to [value, value] for a known day. */
  window: z.tuple([IsoFuzzyDate, IsoFuzzyDate]),
  source: PublishedSource,
});
export type Published = z.infer<typeof Published>;

/** A news article (the Source in the dossier): metadata plus cleaned text. */
export const Article = z.object({
  /** sha256 of the cleaned text: the article's identity for idempotent ingest. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** File name or other label the article was read from. */
  file: z.string().min(1),
  url: z.string().url().nullish(),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  /** News agencies credited (dpa, AFP, Reuters, AP …). */
  agencies: z.array(z.string()),
  authors: z.array(z.string()),
  language: Language,
  published: Published.nullish(),
  text: z.string(),
});
export type Article = z.infer<typeof Article>;
