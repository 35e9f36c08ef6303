/**
 * Stage 9b: statements as events. A dated public statement is itself a happening analysts follow.
 * - One that takes a stance on a dossier issue ("Netanjahu hatte am Sonntag erklärt, Israel werde …", "Chamenei
 *   bezeichnete das Raketenarsenal am Sonntag in Maschhad als rote Linie") is a threat, a refusal or a demand
 *   (PLOVER THREATEN, REJECT, REQUEST) by the position's holder.
 * - Any other quote or reported speech of a named speaker with a date of its own ("sagte er am Sonntag vor den
 *   Abgeordneten in Teheran", "schrieb am Freitag auf Truth Social") is a `statement` by that speaker: one event per
 *   speaker and day, at the first sentence that dates it.
 *
 * Only statements with a verb of saying or an attitude verb and a date of their own in the sentence (outside the
 * quoted words) count: an undated statement is background, not a happening. Sentences where the events stage
 * found an event already get none. One event per sentence.
 */
import { eventKindInfo, type Event, type EventKind, type Modality, type Position, type Sentence } from "@lagebild/model";
import type { FoundQuote } from "./quotes.ts";
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
  /** Quotes and reported speech with their speakers: dated ones by a named speaker become `statement` events. */
  quotes?: FoundQuote[];
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
  const quotedSpans = new Map<number, [number, number][]>();
  for (const q of input.quotes ?? []) {
    const list = quotedSpans.get(q.mention.sentence) ?? [];
    list.push([q.mention.start, q.mention.end]);
    quotedSpans.set(q.mention.sentence, list);
  }
  // Dates by sentence once: the statement lookup below runs per quote.
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of input.dates) {
    const list = datesBySentence.get(d.sentence);
    if (list) list.push(d);
    else datesBySentence.set(d.sentence, [d]);
  }
  /** The verb of saying and the statement's own date (nearest that verb, outside the quoted words) of a sentence. */
  const dateOfStatement = (index: number) => {
    const sentence = input.sentences[index];
    if (!sentence) return null;
    const verb = wordsOf(sentence).find((w) => !w.cap && (SPEECH.has(w.f) || ATTITUDE_VERB.test(w.f)));
    if (!verb) return null;
    const quoted = quotedSpans.get(index) ?? [];
    const dated = (datesBySentence.get(index) ?? []).filter(
      (d) => d.date.resolution.kind !== "inferred" && !quoted.some(([from, to]) => d.start >= from && d.end <= to),
    );
    if (!dated.length) return null;
    const date = dated.reduce((a, b) => (Math.abs(a.start - verb.start) <= Math.abs(b.start - verb.start) ? a : b)).date;
    if (input.published && date.value.slice(0, 10) > input.published) return null;
    return { sentence, verb, date };
  };
  const placesIn = (index: number) => [...new Set(input.resolution.refs.filter((r) => r.m.sentence === index && r.eventPlace && r.place).map((r) => r.place!))];
  const eventAt = (found: NonNullable<ReturnType<typeof dateOfStatement>>, kind: EventKind, actors: string[]): Event => {
    const { sentence, verb, date } = found;
    return {
      kind, summary: sentence.text, date, status: "reported",
      participants: actors.map((actor) => ({ actor, role: "initiator" as const })),
      places: placesIn(sentence.index), figures: [],
      trigger: { start: verb.start, end: verb.end, text: verb.text, sentence: sentence.index },
      evidence: [{ start: sentence.start, end: sentence.end, text: sentence.text, sentence: sentence.index }],
    };
  };

  const out: Event[] = [];
  for (const [index, positions] of bySentence) {
    const found = dateOfStatement(index);
    if (!found) continue;
    const kind = RANK.find((k) => positions.some((p) => KIND_OF[p.modality!] === k))!;
    // The speaker made the statement, also when the stance is held by the state they speak for ("Die Islamische
    // Republik werde …, sagte er am Sonntag").
    const speakers = (input.quotes ?? []).filter((q) => q.mention.sentence === index && q.speaker).map((q) => q.speaker!);
    const actors = [...new Set([...speakers, ...positions.filter((p) => KIND_OF[p.modality!] === kind).map((p) => p.actor)])];
    out.push(eventAt(found, kind, actors));
    taken.add(index);
  }

  // Other dated statements of named speakers (not media reporting): one per speaker and day.
  const told = new Set(out.flatMap((e) => e.participants.map((p) => `${p.actor}|${e.date?.value}`)));
  for (const q of input.quotes ?? []) {
    const index = q.mention.sentence;
    if (!q.speaker || taken.has(index) || input.resolution.byKey.get(q.speaker)?.kind === "media") continue;
    const found = dateOfStatement(index);
    if (!found || told.has(`${q.speaker}|${found.date.value}`)) continue;
    told.add(`${q.speaker}|${found.date.value}`);
    taken.add(index);
    out.push(eventAt(found, "statement", [q.speaker]));
  }
  return out.sort((a, b) => a.trigger.start - b.trigger.start);
}

/** Families of acts that are done by saying them: a refusal, a threat, a demand told in reported speech. */
const SPOKEN_FAMILIES = new Set(["rejection", "threat", "request"]);

/**
 * A refusal, threat or demand found inside reported speech ("Die Islamische Republik werde unter keinen Umständen
 * verzichten, sagte er") was voiced by the speaker: the speaker takes part in it. Other acts inside speech (an attack
 * a minister reports) are not the speaker's. Changes `events` in place.
 */
export function addSpeakersOfReportedActs(events: Event[], quotes: FoundQuote[]): void {
  for (const e of events) {
    if (!SPOKEN_FAMILIES.has(eventKindInfo(e.kind).family)) continue;
    const t = e.trigger;
    for (const q of quotes) {
      if (!q.speaker || q.mention.sentence !== t.sentence || t.start < q.mention.start || t.end > q.mention.end) continue;
      if (!e.participants.some((p) => p.actor === q.speaker)) e.participants.push({ actor: q.speaker, role: "participant" });
    }
  }
}
