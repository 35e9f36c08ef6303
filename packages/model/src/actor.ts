import { z } from "zod";
import { EntityKey } from "./common.ts";
import { Mention } from "./mention.ts";

export const ActorKind = z.enum(["person", "state", "organisation", "media", "group"]);
export type ActorKind = z.infer<typeof ActorKind>;

/** One spelling of an actor's name, with the article it was seen in (a multi-valued property with provenance). */
export const Alias = z.object({
  name: z.string().min(1),
  /** Content hash of the article the alias was seen in; absent for aliases from a dossier's data file. */
  article: z.string().optional(),
});
export type Alias = z.infer<typeof Alias>;

export const ExternalIds = z.object({
  iso: z.string().regex(/^[A-Z]{2}$/).optional(),
  wikidata: z.string().regex(/^Q\d+$/).optional(),
});

export const Actor = z.object({
  key: EntityKey,
  kind: ActorKind,
  name: z.string().min(1),
  aliases: z.array(Alias),
  /** Role or office, e.g. "Außenminister". */
  role: z.string().nullish(),
  /** Key of the state or organisation a person belongs to. */
  affiliation: EntityKey.nullish(),
  externalIds: ExternalIds.default({}),
  mentions: z.array(Mention),
});
export type Actor = z.infer<typeof Actor>;
