/**
 * Lagebild's event ontology. Each kind maps to one PLOVER category
 * (Political Language Ontology for Verifiable Event Records), so exports can be
 * compared with other event data sets. `family` groups kinds that may describe the
 * same real-world happening from different angles; merging across articles only
 * joins events of one family.
 */
export const EVENT_KINDS = [
  { kind: "consult", plover: "CONSULT", family: "meeting", label: "Meet, visit, call" },
  { kind: "negotiate", plover: "CONSULT", family: "meeting", label: "Negotiate" },
  { kind: "mediate", plover: "CONSULT", family: "meeting", label: "Mediate between parties" },
  { kind: "agree", plover: "AGREE", family: "agreement", label: "Agree, accept talks, order talks" },
  { kind: "cooperate", plover: "COOPERATE", family: "agreement", label: "Cooperate, coordinate" },
  { kind: "support", plover: "SUPPORT", family: "agreement", label: "Express support" },
  { kind: "concede", plover: "CONCEDE", family: "agreement", label: "Concede, ease" },
  { kind: "demand", plover: "REQUEST", family: "request", label: "Demand" },
  { kind: "appeal", plover: "REQUEST", family: "request", label: "Appeal, urge" },
  { kind: "accuse", plover: "ACCUSE", family: "accusation", label: "Accuse, criticise" },
  { kind: "reject", plover: "REJECT", family: "rejection", label: "Reject, refuse, call off" },
  { kind: "threaten", plover: "THREATEN", family: "threat", label: "Threaten, warn" },
  { kind: "protest", plover: "PROTEST", family: "protest", label: "Demonstrate, protest" },
  { kind: "crackdown", plover: "COERCE", family: "protest", label: "Repress, crack down" },
  { kind: "sanction", plover: "SANCTION", family: "coercion", label: "Sanction" },
  { kind: "military_posture", plover: "MOBILIZE", family: "mobilization", label: "Deploy, build up forces" },
  { kind: "attack", plover: "ASSAULT", family: "attack", label: "Attack, bomb, strike" },
  { kind: "aid", plover: "AID", family: "agreement", label: "Give aid" },
  { kind: "retreat", plover: "RETREAT", family: "agreement", label: "Withdraw, retreat" },
  // PLOVER codes no plain statements (CAMEO did: 01 MAKE PUBLIC STATEMENT); a dated statement is still a happening.
  { kind: "statement", plover: "STATEMENT", family: "statement", label: "Statement" },
] as const;

export type EventKindName = (typeof EVENT_KINDS)[number]["kind"];
export const EVENT_KIND_NAMES = EVENT_KINDS.map((k) => k.kind) as unknown as readonly [EventKindName, ...EventKindName[]];

const byKind = new Map<string, (typeof EVENT_KINDS)[number]>(EVENT_KINDS.map((k) => [k.kind, k]));
export function eventKindInfo(kind: EventKindName) {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown event kind ${kind}`);
  return info;
}
