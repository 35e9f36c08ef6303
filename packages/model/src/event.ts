import { z } from "zod";
import { EntityKey, FuzzyDate } from "./common.ts";
import { Mention } from "./mention.ts";
import { EVENT_KIND_NAMES } from "./ontology.ts";

export const EventKind = z.enum(EVENT_KIND_NAMES);
export type EventKind = z.infer<typeof EventKind>;

export const EventStatus = z.enum(["reported", "planned", "cancelled", "hypothetical"]);
export type EventStatus = z.infer<typeof EventStatus>;

export const ParticipantRole = z.enum(["initiator", "target", "mediator", "participant"]);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const Participant = z.object({ actor: EntityKey, role: ParticipantRole });
export type Participant = z.infer<typeof Participant>;

/** A figure a source gives for an event ("Tausende"), kept per source so conflicts are flagged, not overwritten. */
export const Figure = z.object({
  what: z.string().min(1),
  value: z.string().min(1),
  article: z.string().optional(),
});
export type Figure = z.infer<typeof Figure>;

/** An event as one article reports it. */
export const Event = z.object({
  kind: EventKind,
  summary: z.string().min(1),
  date: FuzzyDate.nullish(),
  status: EventStatus,
  participants: z.array(Participant),
  places: z.array(EntityKey),
  /** The trigger word(s) and the evidence sentence(s). */
  trigger: Mention,
  evidence: z.array(Mention).min(1),
  figures: z.array(Figure).default([]),
});
export type Event = z.infer<typeof Event>;
