import { EVENT_KINDS } from "@lagebild/model";

const KIND_LABELS = new Map<string, string>(EVENT_KINDS.map((k) => [k.kind, k.label]));

/** An event kind's label from the model's ontology (`negotiate` → `Negotiate`); unknown kinds as they are. */
export function kindLabel(kind: string): string {
  return KIND_LABELS.get(kind) ?? kind;
}
