import { z } from "zod";
import { EntityKey, IsoFuzzyDate } from "./common.ts";
import { Mention } from "./mention.ts";

/** A quote or statement: direct ("…", sagte X) or indirect speech in the Konjunktiv (X sei bereit). */
export const Quote = z.object({
  /** Resolved speaker; null when the speaker is anonymous ("ein hochrangiger Beamter"). */
  speaker: EntityKey.nullable(),
  /** The speaker as the text names them. */
  speakerLabel: z.string().min(1),
  /** Original-language words. */
  text: z.string().min(1),
  mode: z.enum(["direct", "indirect"]),
  mention: Mention,
  saidOn: IsoFuzzyDate.nullish(),
});
export type Quote = z.infer<typeof Quote>;
