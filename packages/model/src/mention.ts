import { z } from "zod";

/**
 * A span of an article's cleaned text. Every extracted fact carries mentions,
 * so it can be traced back to the words it came from.
 */
export const Mention = z
  .object({
    /** Character offsets into the article's cleaned text, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** The covered text, kept so a mention can be shown without the article. */
    text: z.string(),
    /** Index of the sentence the span lies in. */
    sentence: z.number().int().nonnegative(),
  })
  .refine((m) => m.end >= m.start, { message: "end must not precede start" });
export type Mention = z.infer<typeof Mention>;

export const Sentence = z.object({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Sentence = z.infer<typeof Sentence>;
