import { z } from "zod";
import { ActorKind, ExternalIds } from "./actor.ts";
import { EntityKey } from "./common.ts";
import { Issue } from "./position.ts";

/** An actor the dossier knows in advance (its data file), with known spellings. */
export const KnownActor = z.object({
  key: EntityKey,
  kind: ActorKind,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  role: z.string().optional(),
  affiliation: EntityKey.optional(),
  externalIds: ExternalIds.optional(),
});
export type KnownActor = z.infer<typeof KnownActor>;

/** A crisis followed by analysts: its issue codebook and known actors. Held as a data file, not code. */
export const Dossier = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().optional(),
  language: z.string().default("de"),
  issues: z.array(Issue).min(1),
  actors: z.array(KnownActor).default([]),
});
export type Dossier = z.infer<typeof Dossier>;
