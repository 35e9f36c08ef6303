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

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/**
 * The days the dossier is about (its "current crisis"), both ends included: the dashboard's timeline focuses on it and
 * offers it as a preset. `label` names the preset; without it the dashboard names the window by its dates.
 */
export const DossierWindow = z
  .object({ from: Day, to: Day, label: z.string().min(1).max(80).optional() })
  .refine((w) => w.from <= w.to, { message: "from must not be after to", path: ["to"] });
export type DossierWindow = z.infer<typeof DossierWindow>;

/** A crisis followed by analysts: its issue codebook and known actors. Held as a data file, not code. */
export const Dossier = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().optional(),
  language: z.string().default("de"),
  /** Optional: a dossier without one has no crisis preset (the dashboard falls back to the data's last days). */
  window: DossierWindow.optional(),
  issues: z.array(Issue).min(1),
  actors: z.array(KnownActor).default([]),
});
export type Dossier = z.infer<typeof Dossier>;
