/**
 * Stage 9b: statements as events. A dated public statement that takes a stance on a dossier issue is itself a
 * happening analysts follow ("Netanjahu hatte am Sonntag erklärt, Israel werde …", "Chamenei bezeichnete das
 * Raketenarsenal am Sonntag in Maschhad als rote Linie"): a threat, a refusal or a demand (PLOVER THREATEN,
 * REJECT, REQUEST) by the position's holder, at the statement's date and place.
 *
 * Only statements with a verb of saying or an attitude verb and a date of their own in the sentence count (an
 * undated stance is background, not a happening), and only where the events stage found no event in that
 * sentence already. One event per sentence.
 */
import type { Event, EventKind, Modality, Position, Sentence } from "@lagebild/model";
import speechData from "../../data/speech.json" with { type: "json" };
import type { DateMention } from "../pipeline/types.ts";
import { fold, wordsOf } from "../text.ts";
import type { Resolution } from "./resolve.ts";

export interface StatementInput {
  sentences: Sentence[];
  positions: Position[];
  /** Events the events stage found: their sentences get no statement event. */
  events: Event[];
  dates: DateMention[];
  resolution: Resolution;
  /** Publication day: a statement dated after it is no statement yet. */
  published?: string | null;
}

const KIND_OF: Partial<Record<Modality, EventKind>> = { threat: "threaten", reject: "reject", demand: "demand" };
/** When one sentence states several stances, the sharpest names the event. */
const RANK: EventKind[] = ["threaten", "reject", "demand"];
const SPEECH = new Set(speechData.verbs.map(fold));
const ATTITUDE_VERB = /^(?:droh\w*|gedroht|warn\w*|gewarnt|forder\w*|gefordert|verlang\w*|lehn\w*|abgelehnt|bezeichne\w*|nannte\w*|bestand\w*|beharr\w*)$/;

export function statementEvents(input: StatementInput): Event[] {
  const taken = new Set<number>();
  for (const e of input.events) for (const ev of e.evidence) taken.add(ev.sentence);
  const bySentence = new Map<number, Position[]>();
  for (const p of input.positions) {
    const s = p.evidence.sentence;
    if (taken.has(s) || !p.modality || !KIND_OF[p.modality]) continue;
    const list = bySentence.get(s) ?? [];
    list.push(p);
    bySentence.set(s, list);
  }
  const out: Event[] = [];
  for (const [index, positions] of bySentence) {
    const sentence = input.sentences[index];
    if (!sentence) continue;
    const words = wordsOf(sentence);
    const verb = words.find((w) => !w.cap && (SPEECH.has(w.f) || ATTITUDE_VERB.test(w.f)));
    if (!verb) continue;
    // The statement's own date: the one nearest its verb.
    const dated = input.dates.filter((d) => d.sentence === index && d.date.resolution.kind !== "inferred");
    if (!dated.length) continue;
    const date = dated.reduce((a, b) => (Math.abs(a.start - verb.start) <= Math.abs(b.start - verb.start) ? a : b)).date;
    if (input.published && date.value.slice(0, 10) > input.published) continue;
    const kind = RANK.find((k) => positions.some((p) => KIND_OF[p.modality!] === k))!;
    const actors = [...new Set(positions.filter((p) => KIND_OF[p.modality!] === kind).map((p) => p.actor))];
    const places = [...new Set(input.resolution.refs.filter((r) => r.m.sentence === index && r.eventPlace && r.place).map((r) => r.place!))];
    const evidence = { start: sentence.start, end: sentence.end, text: sentence.text, sentence: index };
    out.push({
      kind, summary: sentence.text, date, status: "reported",
      participants: actors.map((actor) => ({ actor, role: "initiator" as const })),
      places, figures: [],
      trigger: { start: verb.start, end: verb.end, text: verb.text, sentence: index },
      evidence: [evidence],
    });
  }
  return out.sort((a, b) => a.trigger.start - b.trigger.start);
}
