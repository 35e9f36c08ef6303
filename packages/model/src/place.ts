import { z } from "zod";
import { EntityKey } from "./common.ts";
import { Alias } from "./actor.ts";
import { Mention } from "./mention.ts";

export const PlacePrecision = z.enum(["city", "region", "country"]);
export type PlacePrecision = z.infer<typeof PlacePrecision>;

export const Place = z.object({
  key: EntityKey,
  name: z.string().min(1),
  aliases: z.array(Alias),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** ISO 3166-1 alpha-2 code of the country the place lies in. */
  country: z.string().regex(/^[A-Z]{2}$/).nullish(),
  precision: PlacePrecision,
  mentions: z.array(Mention),
});
export type Place = z.infer<typeof Place>;
