import { z } from "zod";
import { EntityKey, IsoFuzzyDate } from "./common.ts";
import { Mention } from "./mention.ts";

export const IssueId = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/);

/** A codebook entry: a proposition actors can support or oppose, and the words that signal it. */
export const Issue = z.object({
  id: IssueId,
  label: z.string().min(1),
  proposition: z.string().min(1),
  /**
   * Cue terms (lower-case stems or phrases) that signal the issue in a sentence. A cue starting with `!` names the
   * opposite of the proposition (e.g. `!alle themen` for "talks limited to the nuclear programme"): support for it
   * counts as opposition to the issue. Strip the `!` before showing a cue.
   */
  cues: z.array(z.string().min(1)).min(1),
});
export type Issue = z.infer<typeof Issue>;

export const Stance = z.enum(["support", "oppose", "neutral", "ambiguous"]);
export type Stance = z.infer<typeof Stance>;

export const Modality = z.enum(["demand", "offer", "reject", "threat", "concede"]);
export type Modality = z.infer<typeof Modality>;

export const Position = z.object({
  actor: EntityKey,
  issue: IssueId,
  stance: Stance,
  modality: Modality.nullish(),
  evidence: Mention,
  date: IsoFuzzyDate.nullish(),
  /** Index into the article's quotes when the position rests on a quote. */
  quote: z.number().int().nonnegative().nullish(),
});
export type Position = z.infer<typeof Position>;
