import { z } from "zod";

/**
 * The interchange JSON (version 1) printed by `extract` and read by the shared scorer.
 * A projection of the model: names instead of keys, file names instead of hashes.
 */
export const InterchangeExport = z.object({
  articles: z.array(z.object({
    file: z.string(),
    outlet: z.string().nullish(),
    published: z.string().nullish(),
    title: z.string().nullish(),
    agencies: z.array(z.string()).optional(),
    authors: z.array(z.string()).optional(),
  })),
  actors: z.array(z.object({
    name: z.string(),
    aliases: z.array(z.string()),
    kind: z.string(),
    role: z.string().nullish(),
    affiliation: z.string().nullish(),
  })),
  places: z.array(z.object({
    name: z.string(),
    aliases: z.array(z.string()),
    lat: z.number(),
    lon: z.number(),
    country: z.string().nullish(),
  })),
  events: z.array(z.object({
    kind: z.string().optional(),
    date: z.string().nullish(),
    precision: z.string().nullish(),
    status: z.string().optional(),
    summary: z.string(),
    actors: z.array(z.string()),
    places: z.array(z.string()),
    files: z.array(z.string()),
  })),
  quotes: z.array(z.object({ speaker: z.string(), text: z.string(), file: z.string(), mode: z.string().optional() })),
  positions: z.array(z.object({
    actor: z.string(),
    issue: z.string(),
    stance: z.string(),
    file: z.string(),
    evidence: z.string().optional(),
  })),
});
export type InterchangeExport = z.infer<typeof InterchangeExport>;
