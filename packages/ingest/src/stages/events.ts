/**
 * Stage 7: events.
 *
 * A German trigger lexicon (data/event-triggers.json) maps verbs and nouns to the model's event kinds.
 * Verbs always make an event; nouns only when they carry something of their own — a date, a place,
 * participants ("zwischen …", "mit …", "gegen …") or a status word ("geplanten", "abgesagt") — so the many
 * "Gespräche" and "Verhandlungen" that only name a topic make none. A noun in a clause that already has a
 * verb trigger, with no date or place of its own, is that verb's object, not a second event.
 *
 * Each event gets:
 * - participants with roles: the subject is the initiator, a dative/accusative object or "gegen X" the
 *   target, "zwischen X und Y"/"mit X" participants, "unter Vermittlung X" the mediator;
 * - places: place mentions used locatively in the clause ("in Maskat", "im Oman") — never a capital used
 *   as an actor;
 * - a date: the date mention nearest the trigger in its clause, else in its sentence (a date bound to
 *   "für Freitag geplant" belongs to the planned event only); sentences that continue a story ("reagierte",
 *   "danach") inherit the previous event's date; reported events without any take the publication date
 *   (rule `publication-date`, kind `inferred`); planned and hypothetical ones stay undated;
 * - a status: planned ("voraussichtlich", "geplant", "in den kommenden Tagen"), cancelled ("abgesagt"),
 *   hypothetical ("würde", "könnte", "sollte … nicht", "falls"), else reported;
 * - figures ("Tausende, wenn nicht sogar Zehntausende Menschen getötet") from its sentence or a following
 *   "Dabei …" sentence, kept per source so merge can flag conflicts.
 */
import { dateSpan, eventKindInfo, type Event, type EventKind, type EventStatus, type Figure, type FuzzyDate, type Participant, type ParticipantRole, type Published, type Sentence } from "@lagebild/model";
import type { Cleaned, DateMention } from "../pipeline/types.ts";
import triggerData from "../../data/event-triggers.json" with { type: "json" };
import speechData from "../../data/speech.json" with { type: "json" };
import { fold, type Word, wordIndexAt, wordsOf } from "../text.ts";
import type { Ref, Resolution } from "./resolve.ts";

export interface EventInput {
  text: string;
  sentences: Sentence[];
  resolution: Resolution;
  dates: DateMention[];
  published: Published | null;
  captions?: Cleaned["captions"];
  /** Content hash, recorded on figures. */
  article?: string;
  /** Demonym adjectives (israelischen → state:IL): the one before an event noun names its initiator ("israelischer Luftangriff"). */
  demonyms?: Map<string, string>;
  /** Compound prefixes as written (US → state:US): the one on an event noun names its initiator ("US-Luftangriffe"). */
  prefixes?: Map<string, string>;
}

interface Trigger {
  kind: EventKind;
  pos: "verb" | "noun";
  re: RegExp;
  particle?: string;
  needs?: RegExp;
  unless?: RegExp;
  cancels: boolean;
}

const TRIGGERS: Trigger[] = triggerData.triggers.map((t) => ({
  kind: t.kind as EventKind,
  pos: t.pos as "verb" | "noun",
  re: new RegExp(`^(?:${fold(t.re)})$`),
  ...("particle" in t && t.particle ? { particle: fold(t.particle) } : {}),
  ...("needs" in t && t.needs ? { needs: new RegExp(fold(t.needs)) } : {}),
  ...("unless" in t && t.unless ? { unless: new RegExp(fold(t.unless)) } : {}),
  cancels: "status" in t && t.status === "cancels",
}));
const PLANNED = new RegExp(fold(triggerData.status.planned));
const CANCELLED = new RegExp(fold(triggerData.status.cancelled));
const HYPOTHETICAL = new RegExp(triggerData.status.hypothetical);
const EVENTIVE = new Set<string>(triggerData.eventiveNouns);
const SPEECH_VERBS = new Set<string>(speechData.verbs.map(fold));
/** Kinds of a stance: told in reported speech without a subject of their own, the speaker holds them. */
const STANCE_KINDS = new Set<EventKind>(["reject", "threaten", "demand", "appeal", "accuse", "concede", "support"]);
const TOPICAL = new Set<string>(triggerData.participantsAloneMakeNoEvent);
const ATTRIBUTIVE_BEFORE = new Set(["der", "die", "das", "dem", "den", "des", "einer", "einem", "einen", "eines", "ein", "eine"]);
const DIRECTED = new Set<EventKind>(["threaten", "attack", "accuse", "demand", "appeal", "sanction", "crackdown", "reject"]);
const NEGATION = new RegExp(`^(?:${triggerData.negation})$`);
const ANAPHORA = new RegExp(`\\b(?:${fold(triggerData.temporalAnaphora)})\\b`);
const CONTINUATION = new RegExp(fold(triggerData.eventContinuation));
const QUANTITY = fold(triggerData.figures.quantity);
const FIGURES = Object.entries(triggerData.figures.what).map(([what, re]) => ({ what, re: new RegExp(`(${QUANTITY})\\s+${fold(re)}`) }));

const triggerMemo = new Map<string, Trigger[]>();
const NONE: Trigger[] = [];
/** Families whose events come with casualty or arrest figures. */
const FIGURE_FAMILIES = new Set(["attack", "protest", "coercion"]);
function triggersFor(f: string): Trigger[] {
  let hit = triggerMemo.get(f);
  if (!hit) {
    hit = TRIGGERS.filter((t) => t.re.test(f));
    // A compound noun is an event noun when its last part is one ("EU-Sondergipfel", "Gefangenenaustausch").
    for (let k = 3; !hit.length && k <= f.length - 5; k++) hit = TRIGGERS.filter((t) => t.pos === "noun" && t.re.test(f.slice(k)));
    if (triggerMemo.size > 100_000) triggerMemo.clear();
    triggerMemo.set(f, hit);
  }
  return hit;
}

const BOUNDARY = new Set([",", ";", ":", "–", "—", "."]);
const QUOTE_MARKS = /^[„“”"»«‚‘’]$/;
const ARTICLES = new Set(["der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines"]);
const DEFINITE = new Set(["der", "die", "das", "dem", "den", "des", "dieser", "diese", "dieses", "diesem", "diesen"]);
const OBJECT_CASE = new Set(["dem", "den", "einem", "einen", "ihm", "ihn"]);
const STATUS_WORDS = /^(?:geplant\w*|abgesagt\w*|begonnen|beginn\w*|stattfind\w*|stattgefunden|fortgesetzt|angesetzt)$/;
const LIGHT_VERB = /\b(?:stattfind\w*|stattgefunden|fand\w* statt|begonnen|beginn\w*|begann\w*|gegeben|gab|gibt|ereignet\w*|geplant\w*|abgesagt|fortgesetzt|laufen|liefen|angesetzt|aufgenommen|nahm\w* [^,]*auf|eroffnet|eingeleitet|getotet|verletzt|ums leben|zerstort|beschadigt|lieferte\w* sich|geliefert|abgehalten|hielt\w* [^,]*ab|kam\w* es [^,]*zu|ausgetragen|erlitt\w*)\b/;
const RELATIVE_PRONOUN = /^(?:die|der|das|welche|welcher|welches)$/;
const PASSIVE = /\b(?:wurde|wurden|worden|wird|werden)\b/;

interface Clause {
  from: number;
  to: number; // exclusive word index
}

function clausesOf(words: Word[]): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    // The dot of a German day date ("am 6. Februar") ends no clause.
    if (BOUNDARY.has(words[i]!.text) && !(words[i]!.text === "." && /^\d{1,2}$/.test(words[i - 1]?.text ?? "") && words[i + 1]?.word)) {
      if (i > from) out.push({ from, to: i });
      from = i + 1;
    }
  }
  if (from < words.length) out.push({ from, to: words.length });
  return out.length ? out : [{ from: 0, to: words.length }];
}

interface Found {
  trigger: Trigger;
  w: number;
  /** Particle word index for separable verbs. */
  end: number;
  clause: number;
}

const family = (k: EventKind) => eventKindInfo(k).family;

/** Extracts the events an article reports. */
/** Actors named as a source ("Einem iranischen Vertreter … zufolge", "laut Reuters") are not participants. */
function sourceWordsOf(words: Word[], clauses: Clause[]): Set<number> {
  const sourceWords = new Set<number>();
  for (const c of clauses) {
    for (let k = c.from; k < c.to; k++) {
      if (words[k]!.f === "zufolge") for (let j = c.from; j < k; j++) sourceWords.add(j);
      if (words[k]!.f === "laut") for (let j = k + 1; j < Math.min(c.to, k + 5); j++) sourceWords.add(j);
      // "Nach Angaben des armenischen Verteidigungsministeriums": the source of the report, not a participant.
      if (words[k]!.f === "angaben" && words[k - 1]?.f === "nach") for (let j = k + 1; j < Math.min(c.to, k + 6); j++) sourceWords.add(j);
    }
  }
  return sourceWords;
}

/**
 * 1. Triggers: per word, the first trigger whose conditions its clause meets. A function of its own, apart from the
 * sentence loop of extractEvents, so V8 compiles the two separately.
 */
function findTriggers(words: Word[], wordTriggers: Trigger[][], clauses: Clause[], clauseOfWord: number[], clauseText: (k: number) => string, refs: Ref[]): Found[] {
  const wordAt = (offset: number) => wordIndexAt(words, offset);
  const found: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.word) continue;
    const ts = wordTriggers[i]!;
    if (!ts.length) continue;
    const ci = clauseOfWord[i]!;
    const ct = clauseText(ci);
    // Conditions look at the clause and the words before it (a verb may close a clause cut off by an apposition).
    let context: string | null = null;
    for (const t of ts) {
      const isNoun = w.cap && i > 0 ? true : w.cap ? t.pos === "noun" : false;
      if ((t.pos === "noun") !== isNoun) continue;
      // A participle used as an adjective ("dem vereinbarten Gipfeltreffen") is no event of its own.
      if (t.pos === "verb" && ATTRIBUTIVE_BEFORE.has(words[i - 1]?.f ?? "") && words[i + 1]?.cap) continue;
      // "X trifft Y", "X werde Y treffen": a meeting verb with two named parties in its clause needs no "mit"/"sich".
      const twoParties = () => {
        const c = clauses[ci]!;
        return new Set(refs.filter((r) => r.actor && !r.m.modifier && r.m.kind !== "media" && wordAt(r.m.start) >= c.from && wordAt(r.m.start) < c.to && (r.m.kind === "person" || r.m.kind === "state")).map((r) => r.actor)).size >= 2;
      };
      if (t.needs && !t.needs.test((context ??= `${words.slice(Math.max(0, i - 30), i).map((x) => x.f).join(" ")} ${ct}`)) && !(t.kind === "consult" && twoParties())) continue;
      if (t.unless && t.unless.test(ct)) continue;
      let end = i + 1;
      if (t.particle) {
        // The particle closes the clause: "griff Israel den Iran an".
        const c = clauses[ci]!;
        let p = -1;
        for (let k = i + 1; k < c.to; k++) if (words[k]!.f === t.particle) p = k;
        if (p < 0 || p < c.to - 2) continue;
        end = p + 1;
      }
      found.push({ trigger: t, w: i, end, clause: ci });
      break;
    }
  }
  return found;
}

export function extractEvents(input: EventInput): Event[] {
  const { text, sentences, resolution, published } = input;
  const refsBySentence = new Map<number, Ref[]>();
  for (const r of resolution.refs) {
    const list = refsBySentence.get(r.m.sentence) ?? [];
    list.push(r);
    refsBySentence.set(r.m.sentence, list);
  }
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of input.dates) {
    const list = datesBySentence.get(d.sentence) ?? [];
    list.push(d);
    datesBySentence.set(d.sentence, list);
  }
  const events: Event[] = [];
  const lastDated: { sentence: number; date: FuzzyDate }[] = [];
  /** The two (or more) parties of the last event with several, for "beide Seiten". */
  let lastParties: string[] = [];

  for (const s of sentences) {
    const words = wordsOf(s);
    if (!words.length) continue;
    // A question ("Wer verhandelt?") reports nothing.
    if (words[words.length - 1]!.text === "?") continue;
    // Most sentences hold no trigger word: leave them before any clause work.
    const wordTriggers = words.map((w) => (w.word ? triggersFor(w.f) : NONE));
    if (!wordTriggers.some((ts) => ts.length)) continue;
    const clauses = clausesOf(words);
    let sentenceFolded: string | null = null;
    const mediationAt: number[] = [];
    words.forEach((w, k) => {
      if (w.f === "vermittlung") mediationAt.push(k);
    });
    let figures: Figure[] | null = null;
    /** The sentence's summary, shared by its events. */
    let summary: string | undefined;
    const clauseOfWord = new Array<number>(words.length);
    clauses.forEach((c, ci) => {
      for (let k = c.from; k < c.to; k++) clauseOfWord[k] = ci;
    });
    // Clause strings are built on first use: most clauses hold no trigger.
    const folded: (string | undefined)[] = [];
    const lower: (string | undefined)[] = [];
    const clauseText = (k: number) => (folded[k] ??= clauseString(words, clauses[k], (w) => w.f));
    const clauseLower = (k: number) => (lower[k] ??= clauseString(words, clauses[k], (w) => w.text.toLowerCase()));
    const sourceWords = sourceWordsOf(words, clauses);
    const refs = refsBySentence.get(s.index) ?? [];
    const dates = datesBySentence.get(s.index) ?? [];
    const wordAt = (offset: number) => wordIndexAt(words, offset);

    const found = findTriggers(words, wordTriggers, clauses, clauseOfWord, clauseText, refs);
    if (!found.length) continue;

    const verbClauses = new Set(found.filter((f) => f.trigger.pos === "verb").map((f) => f.clause));
    const sentenceEvents: (Event & { _verb: boolean; _clause: number })[] = [];

    // One trigger's event, built in a function of its own: the optimising compiler then handles it apart from the
    // sentence loop, instead of recompiling one very large function each time new object shapes reach it.
    const addEventOf = (f: Found): void => {
        const t = f.trigger;
        const c = clauses[f.clause]!;
        const ct = clauseText(f.clause);
        let kind = t.kind;

        // Negation before a verb trigger in its clause (German verbs close the clause: "keine … akzeptieren").
        let negated = false;
        for (let k = c.from; k < f.end; k++) if (NEGATION.test(words[k]!.f) && words[k + 1]?.f !== "nur") negated = true;
        if (t.pos === "verb" && negated) {
          if (kind === "agree" && /^(?:zugestimmt|zustimm|stimm|akzeptier)/.test(words[f.w]!.f)) kind = "reject";
          // Not giving something up ("auf das man nie verzichten werde") rejects the demand.
          else if (kind === "concede" && /^verzicht/.test(words[f.w]!.f)) kind = "reject";
          else return;
        }

        // Arguments inside the clause; a noun's own arguments lie in its phrase.
        const phraseFrom = t.pos === "noun" ? Math.max(c.from, f.w - 4) : c.from;
        const phraseTo = t.pos === "noun" ? nounPhraseEnd(words, f.w, c.to, found) : c.to;
        const inRange = (r: Ref, a: number, b: number) => {
          const wi = wordAt(r.m.start);
          return wi >= a && wi < b;
        };
        // A relative clause right after an event noun tells when and where it happened: "Die Gespräche, die vergangene
        // Woche in Genf fortgesetzt worden waren, …" — its dates and places are the noun's.
        const verbBetween = found.some((o) => o.trigger.pos === "verb" && o.w > f.w && o.w < c.to);
        const relative = t.pos === "noun" && (phraseTo === c.to || !verbBetween) && words[c.to]?.text === "," && RELATIVE_PRONOUN.test(words[c.to + 1]?.f ?? "") ? clauses[f.clause + 1] : undefined;
        const inPhrase = (wi: number) => (wi >= phraseFrom && wi < phraseTo) || (!!relative && wi > relative.from && wi < relative.to);
        const ownDates = dates.filter((d) => inPhrase(wordAt(d.start)));
        // "nach X" names where something happens only for travel; elsewhere it is a destination ("nach Oman verlegen").
        const travel = /^(?:reis|flog|gefl|besuch)/.test(words[f.w]!.f);
        const placeOk = (r: Ref) => r.eventPlace && !!r.place && r.prep !== "aus" && (r.prep !== "nach" || travel);
        // A noun's place follows it ("Gespräche in Genf") or is the city adjective right before it ("Genfer Gespräche").
        const ownPlaces = refs.filter((r) => placeOk(r) && (inRange(r, t.pos === "noun" ? f.w : c.from, phraseTo) || (r.m.attributive && wordAt(r.m.start) === f.w - 1) || (!!relative && inRange(r, relative.from + 1, relative.to))));
        const ownActors: Ref[] = [];
        if (t.pos === "noun") {
          let chained = false;
          for (const r of refs) {
            if (!r.actor || r.m.modifier || r.m.kind === "media" || !inRange(r, f.w + 1, phraseTo)) continue;
            const prep = prepBefore(words, wordAt(r.m.start));
            const wi = wordAt(r.m.start);
            const fromTo = (prep === "von" || prep === "vom") && words.slice(wi + 1, wi + 4).some((x) => x.f === "nach");
            const ok: boolean = (/^(?:zwischen|mit|von|vom|gegen)$/.test(prep) && !fromTo) || (prep === "und" && chained);
            if (ok) ownActors.push(r);
            chained = ok;
          }
        }
        // A noun is its clause's event when a light verb says it happened ("Massenproteste gegeben", "Verhandlungen begonnen").
        const mainNoun = t.pos === "noun" && !verbClauses.has(f.clause) && LIGHT_VERB.test(ct);
        if (mainNoun && !ownDates.length) {
          for (const d of dates) if (clauseOfWord[wordAt(d.start)] === f.clause) ownDates.push(d);
        }
        if (mainNoun && !ownPlaces.length) {
          for (const r of refs) if (placeOk(r) && inRange(r, c.from, c.to)) ownPlaces.push(r);
        }
        const preWords = words.slice(phraseFrom, f.w).map((w) => w.f);
        const statusWord = preWords.some((x) => STATUS_WORDS.test(x)) || STATUS_WORDS.test(words[phraseTo]?.f ?? "") || (t.pos === "noun" && /\b(?:stattfind|stattgefunden|begonnen|abgesagt|geplant|fortgesetzt|ereignete)/.test(relative ? `${ct} ${clauseText(f.clause + 1)}` : ct));

        // A noun in the genitive of another noun ("Zusammenbruch der Gespräche", "Aufnahme von Verhandlungen") is that
        // noun's complement, not an event of its own.
        if (t.pos === "noun" && f.w >= 2 && /^(?:der|des|von)$/.test(words[f.w - 1]!.f) && words[f.w - 2]!.cap && words[f.w - 2]!.word) return;
        // The topic of talks ("Gespräche über eine Waffenruhe") is no event either.
        if (t.pos === "noun" && (words[f.w - 1]?.f === "uber" || (words[f.w - 2]?.f === "uber" && ARTICLES.has(words[f.w - 1]!.f)))) return;
        // "überschattet von der Festnahme … in Zvečan am Wochenende": a noun with its own place and date happened.
        const placedAndDated = ownDates.length > 0 && ownPlaces.length > 0;
        if (t.pos === "noun" && f.w >= 3 && /^(?:der|des|von)$/.test(words[f.w - 2]!.f) && !words[f.w - 1]!.cap && words[f.w - 3]!.cap && words[f.w - 3]!.word && !placedAndDated) return;
        if (t.pos === "noun") {
          const hasOwn = ownDates.length > 0 || ownPlaces.length > 0;
          const eventive = EVENTIVE.has(kind);
          if (verbClauses.has(f.clause) && !hasOwn && !eventive) return;
          if (!hasOwn && !statusWord && !eventive && (!ownActors.length || TOPICAL.has(kind))) return;
          const det = words[f.w - 1]?.f ?? "";
          if (DEFINITE.has(det) && !hasOwn && !ownActors.length && kind !== "crackdown") return;
        }

        // Status.
        let status: EventStatus = "reported";
        const local = words.slice(Math.max(c.from, f.w - 6), Math.min(c.to, f.end + 6)).map((w) => w.f).join(" ");
        // For a verb, "geplanten" before a noun plans that noun, not the verb's event.
        if (PLANNED.test(t.pos === "noun" ? preWords.join(" ") + " " + local : ct.replace(/\bgeplante[nrms]?\b/g, ""))) status = "planned";
        if (t.pos === "verb" && HYPOTHETICAL.test(clauseLower(f.clause).replace(/für den fall [^,]*/g, ""))) status = "hypothetical";
        // An infinitive clause ("um sich mit X zu treffen") shares the status of the clause it depends on.
        const infinitive = t.pos === "verb" && /(?:^| )(?:um|zu) /.test(ct) && f.clause > 0;
        if (infinitive && status === "reported") {
          const pct = clauseText(f.clause - 1);
          if (PLANNED.test(pct)) status = "planned";
          else if (HYPOTHETICAL.test(clauseLower(f.clause - 1))) status = "hypothetical";
        }
        if (t.pos === "noun" && /fur den fall|moglich/.test(preWords.join(" "))) status = "hypothetical";
        if (t.pos === "noun" && (kind === "negotiate" || kind === "consult") && CANCELLED.test(ct)) status = "cancelled";
        if (t.pos === "noun" && status === "hypothetical" && ownDates.some((d) => d.date.value <= (published?.value ?? "9999"))) status = "reported";

        // Participants.
        const usable = (r: Ref) => !!r.actor && !r.m.modifier && r.m.kind !== "media" && !sourceWords.has(wordAt(r.m.start));
        let pool = refs.filter((r) => usable(r) && inRange(r, c.from, c.to));
        if (t.pos === "noun" && ownActors.length) {
          // The noun's own participants, plus the clause subject before it ("Trump … beim Treffen mit Netanjahu").
          const subject = refs.find((r) => usable(r) && inRange(r, c.from, f.w) && !/^(?:mit|von|vom|gegen|zwischen|in|im|nach|bei|uber|fur|aus|zu|zum|zur|auf)$/.test(prepBefore(words, wordAt(r.m.start))) && !OBJECT_CASE.has(words[wordAt(r.m.start) - 1]?.f ?? ""));
          pool = subject ? [subject, ...ownActors.filter((r) => r !== subject)] : ownActors;
        }
        if (!pool.length) {
          // An event noun whose participants follow after a dash or comma ("Treffen geplant – zwischen X und Y").
          const next = clauses[f.clause + 1];
          if (next && /^(?:voraussichtlich |zwischen |mit |von )/.test(clauseText(f.clause + 1))) {
            pool = refs.filter((r) => usable(r) && inRange(r, next.from, next.to));
          }
        }
        if (infinitive) {
          // An infinitive clause ("um sich mit X zu treffen") takes the subject of the clause before it.
          const prev = clauses[f.clause - 1]!;
          const subj = refs.filter((r) => usable(r) && inRange(r, prev.from, prev.to));
          pool = [...subj.slice(0, 1), ...pool];
        }
        // A verb alone after an apposition ("…, Jared Kushner, getroffen") belongs to the clauses before it.
        // An apposition ("…, Rafael Grossi, zusammengekommen") adds to the clause before it rather than replacing it.
        if (!pool.length && t.pos === "verb" && c.to - c.from <= 3) {
          for (let back = f.clause - 1; back >= Math.max(0, f.clause - 4); back--) {
            const pc = clauses[back]!;
            pool = [...refs.filter((r) => usable(r) && inRange(r, pc.from, pc.to)), ...pool];
            if (pool.length && pc.to - pc.from > 4) break;
          }
        }
        // A finite verb opening its clause after an apposition ("Das Oberhaupt des Iran, Ajatollah Ali Chamenei, warnte")
        // takes its subject from the apposition: the nearest person before it, else the nearest actor.
        if (t.pos === "verb" && f.w === c.from && !infinitive && f.clause > 0 && !pool.some((r) => wordAt(r.m.start) < f.w)) {
          for (let back = f.clause - 1; back >= Math.max(0, f.clause - 3); back--) {
            const pc = clauses[back]!;
            const cands = refs.filter((r) => usable(r) && inRange(r, pc.from, pc.to));
            const pick = cands.filter((r) => r.m.kind === "person").pop() ?? cands.pop();
            if (pick) {
              pool = [pick, ...pool];
              break;
            }
          }
        }
        const participants = rolesOf(pool, words, wordAt, PASSIVE.test(ct), kind);
        // Demonyms before a noun, coordinated ones too ("israelischen und amerikanischen Angriffen").
        const adjStates: string[] = [];
        if (t.pos === "noun") {
          for (let k = f.w - 1; k >= Math.max(0, f.w - 7); k--) {
            const st = input.demonyms?.get(words[k]!.f);
            if (st) {
              if (!adjStates.includes(st)) adjStates.unshift(st);
              if (!/^(?:und|sowie|oder|,)$/.test(words[k - 1]?.text ?? "")) break;
              k--;
            } else break;
          }
          // A state's prefix on the noun itself ("US-Luftangriffen", "Israel-Angriffe"): that state acts.
          const dash = words[f.w]!.text.indexOf("-");
          const prefixed = dash > 0 ? input.prefixes?.get(words[f.w]!.text.slice(0, dash)) : undefined;
          if (prefixed?.startsWith("state:") && !adjStates.includes(prefixed)) adjStates.push(prefixed);
        }
        if (adjStates.length) {
          for (const p of participants) if (p.role === "initiator" && !adjStates.includes(p.actor)) p.role = "participant";
          for (const st of [...adjStates].reverse()) {
            const had = participants.findIndex((p) => p.actor === st);
            if (had >= 0) participants.splice(had, 1);
            participants.unshift({ actor: st, role: "initiator" });
          }
        }
        let speechSpeaker: string | undefined;
        // A stance in reported speech with no subject of its own ("…, auf das man nie verzichten werde, sagte Ghalibaf")
        // is the speaker's: the actor right after the verb of saying, else the subject before it in its clause.
        // Talks told in a speaker's words with no party named ("die nächste Runde solle Anfang März stattfinden, schrieb X")
        // have the speaker among their parties.
        const talks = (kind === "negotiate" || kind === "consult") && !participants.length;
        if ((STANCE_KINDS.has(kind) && !participants.some((p) => p.role === "initiator")) || talks) {
          const v = words.findIndex((w, k) => SPEECH_VERBS.has(w.f) && clauseOfWord[k] !== f.clause);
          if (v >= 0) {
            const vc = clauses[clauseOfWord[v]!]!;
            const after = refs.find((r) => usable(r) && (r.m.kind === "person" || r.m.kind === "state" || r.m.kind === "organisation") && wordAt(r.m.start) > v && wordAt(r.m.start) <= v + 3);
            const before = refs.filter((r) => usable(r) && (r.m.kind === "person" || r.m.kind === "state" || r.m.kind === "organisation") && inRange(r, vc.from, v) && !OBJECT_CASE.has(words[wordAt(r.m.start) - 1]?.f ?? "")).shift();
            const speaker = after ?? before;
            if (speaker && !participants.some((p) => p.actor === speaker.actor)) participants.unshift({ actor: speaker.actor!, role: talks ? "participant" : "initiator" });
            if (speaker && !talks) speechSpeaker = speaker.actor;
          }
        }
        // "beide Seiten" are the two parties of the last event told with several.
        if (!participants.length && /\bbeide(?:n)? seiten\b/.test(clauseLower(f.clause)) && lastParties.length >= 2) {
          for (const a of lastParties.slice(0, 2)) participants.push({ actor: a, role: "participant" });
        }
        if (new Set(participants.map((p) => p.actor)).size >= 2) lastParties = [...new Set(participants.filter((p) => p.role !== "mediator").map((p) => p.actor))];
        // Protests and crackdowns told without names ("das Vorgehen staatlicher Repressionskräfte gegen Demonstrierende
        // bei den landesweiten Massenprotesten") happen in the state the text is about: the state named last before them.
        let focus: string | undefined;
        if (family(kind) === "protest" && !participants.length) {
          const prior = [...(refsBySentence.get(s.index - 1) ?? []), ...refs.filter((r) => r.m.start < words[f.w]!.start)];
          focus = prior.filter((r) => r.actor?.startsWith("state:") || r.place?.startsWith("country:")).map((r) => (r.actor?.startsWith("state:") ? r.actor : `state:${r.place!.slice(8)}`)).pop();
          if (focus && kind === "crackdown" && /\bstaatlich/.test(ct)) participants.push({ actor: focus, role: "initiator" });
        }
        // Mediators: "unter Vermittlung (des Gastgebers) Oman", "Vermittlung Omans".
        for (const k of mediationAt) {
          const med = refs.find((r) => r.actor && r.m.start > words[k]!.end && wordAt(r.m.start) <= k + 3);
          if (med && !participants.some((p) => p.actor === med.actor)) participants.push({ actor: med.actor!, role: "mediator" });
          else if (med) for (const p of participants) if (p.actor === med.actor) p.role = "mediator";
        }

        // Places.
        let placeRefs = ownPlaces;
        if (!placeRefs.length && t.pos === "verb") placeRefs = refs.filter((r) => placeOk(r) && inRange(r, c.from, c.to));
        // "In Teheran gingen Tausende auf die Straße, um … zu protestieren": the clause it depends on gives the place.
        if (!placeRefs.length && infinitive) placeRefs = refs.filter((r) => placeOk(r) && inRange(r, clauses[f.clause - 1]!.from, clauses[f.clause - 1]!.to));
        // The city or region an attack hits is its place ("griff … die Stadt Charkiw an").
        if (!placeRefs.length && kind === "attack") placeRefs = refs.filter((r) => r.place && !r.actor && !r.place.startsWith("country:") && inRange(r, c.from, c.to));
        // A visited country is the place of a visit ("wird Witkoff … Israel besuchen").
        if (!placeRefs.length && kind === "consult" && /^besuch/.test(words[f.w]!.f)) {
          placeRefs = refs.filter((r) => r.place && r.m.kind === "state" && inRange(r, c.from, c.to) && r.m.before[0] !== "dem" && r.actor !== participants[0]?.actor);
        }
        const places = [...new Set(placeRefs.map((r) => r.place!))];
        if (!places.length && focus && /\blandesweit/.test(ct)) places.push(`country:${focus.slice(6)}`);

        // Date.
        let date: FuzzyDate | null = null;
        let candidates = (t.pos === "noun" ? ownDates : dates.filter((d) => clauseOfWord[wordAt(d.start)] === f.clause)).filter((d) => !boundElsewhere(d, words, wordAt, t.pos === "noun" ? f.w : -1));
        // "Der Gipfel ist für den 19. März angesetzt": a noun opening its clause, scheduled by the clause, takes its date.
        if (t.pos === "noun" && !candidates.length && f.w <= c.from + 2 && /\b(?:angesetzt|anberaumt|terminiert|geplant)\b/.test(ct)) {
          candidates = dates.filter((d) => clauseOfWord[wordAt(d.start)] === f.clause && wordAt(d.start) > f.w);
          if (candidates.length && status === "reported") status = "planned";
        }
        let pick = candidates.length ? candidates : t.pos === "verb" ? dates.filter((d) => !boundElsewhere(d, words, wordAt, -1)) : [];
        // "erstmals seit 2022" starts a period; a date of its own ("am 16. Mai 2025") dates the event.
        const since = (d: DateMention) => words[wordAt(d.start) - 1]?.f === "seit";
        if (pick.some((d) => !since(d))) pick = pick.filter((d) => !since(d));
        if (pick.length) {
          const nearest = pick.reduce((a, b) => (Math.abs(wordAt(a.start) - f.w) <= Math.abs(wordAt(b.start) - f.w) ? a : b));
          date = nearest.date;
        } else if (ANAPHORA.test((sentenceFolded ??= words.map((w) => w.f).join(" ")))) {
          // "kurz darauf", "danach": the date of the event told just before, in this sentence or the two before it.
          const earlier = sentenceEvents.filter((e) => e.date && e.date.resolution.rule !== "publication-date").pop();
          const prior = earlier ? { sentence: s.index, date: earlier.date! } : lastDated.filter((x) => x.sentence >= s.index - 2 && x.sentence < s.index).pop();
          if (prior) date = { ...prior.date, resolution: { ...prior.date.resolution, kind: "inferred", rule: "inherited-from-previous-event" } };
        }
        if (!date && speechSpeaker && status === "reported") {
          // "X schlug am Donnerstag einen harten Ton an. …, sagte X": the speaker's words belong to the day just told of them.
          const prevDates = datesBySentence.get(s.index - 1) ?? [];
          if (prevDates.length === 1 && (refsBySentence.get(s.index - 1) ?? []).some((r) => r.actor === speechSpeaker)) {
            date = { ...prevDates[0]!.date, resolution: { ...prevDates[0]!.date.resolution, kind: "inferred", rule: "inherited-from-previous-event" } };
          }
        }
        if (!date && status === "reported" && published) {
          date = { value: published.value, precision: published.precision, resolution: { kind: "inferred", rule: "publication-date", anchor: published.value } };
        }
        // A happening whose own date (in its own clause) lies wholly after the publication day has not happened yet
        // ("vereinbart, Anfang März erneut zu verhandeln").
        if (date && candidates.length && status === "reported" && published && date.resolution.kind !== "inferred" && published.value.length >= 10 && dateSpan(date.value)[0] > published.value) status = "planned";
        if (date && (status === "planned" || status === "hypothetical") && date.resolution.rule === "publication-date") date = null;

        if (FIGURE_FAMILIES.has(family(kind))) figures ??= figuresFor(s, sentences[s.index + 1], input.article);
        const trigger = { start: words[f.w]!.start, end: words[f.end - 1]!.end, text: text.slice(words[f.w]!.start, words[f.end - 1]!.end), sentence: s.index };
        sentenceEvents.push({
          kind, status, date, participants, places, figures: FIGURE_FAMILIES.has(family(kind)) && figures ? [...figures] : [],
          summary: (summary ??= summaryOf(s.text)),
          trigger,
          evidence: [{ start: s.start, end: s.end, text: s.text, sentence: s.index }],
          _verb: t.pos === "verb",
          _clause: f.clause,
        });
        if (t.cancels) {
          // "wurden abgesagt": the event called off in this clause is cancelled.
          for (const e of sentenceEvents) if (e._clause === f.clause && (e.kind === "negotiate" || e.kind === "consult")) e.status = "cancelled";
        }
    };
    for (const f of found) addEventOf(f);

    // One event per family and clause: a verb and its own noun ("drohte … mit Angriffen") are one.
    const kept: typeof sentenceEvents = [];
    for (const e of sentenceEvents) {
      const twin = kept.find((k) => family(k.kind) === family(e.kind) && k.status === e.status && sameActors(k, e) && k._clause === e._clause);
      if (twin) {
        for (const p of e.participants) if (!twin.participants.some((x) => x.actor === p.actor)) twin.participants.push(p);
        for (const p of e.places) if (!twin.places.includes(p)) twin.places.push(p);
        if ((!twin.date || twin.date.resolution.kind === "inferred") && e.date && e.date.resolution.kind !== "inferred") twin.date = e.date;
        if (!twin._verb && e._verb) {
          twin.kind = e.kind;
          twin.trigger = e.trigger;
          twin._verb = true;
        }
        continue;
      }
      kept.push(e);
    }
    for (const { _verb: _v, _clause: _c, ...e } of kept) {
      events.push(e);
      if (e.date && e.date.resolution.rule !== "publication-date") lastDated.push({ sentence: s.index, date: e.date });
    }
  }
  // Captions carry a date and place the sentence may lack.
  for (const cap of input.captions ?? []) {
    for (const e of events) {
      if (e.evidence[0]!.text.trim() !== cap.text.trim()) continue;
      if (cap.date && (!e.date || e.date.resolution.kind === "inferred")) e.date = { value: cap.date, precision: cap.date.length >= 10 ? "day" : cap.date.length >= 7 ? "month" : "year", resolution: { kind: "absolute", rule: "caption-date", text: cap.date } };
    }
  }
  return events;
}

function clauseString(words: Word[], c: Clause | undefined, f: (w: Word) => string): string {
  if (!c) return "";
  let out = "";
  for (let k = c.from; k < c.to; k++) out += (k > c.from ? " " : "") + f(words[k]!);
  return out;
}

function sameActors(a: Event, b: Event): boolean {
  if (!a.participants.length || !b.participants.length) return true;
  const ia = a.participants.filter((p) => p.role === "initiator").map((p) => p.actor);
  const ib = b.participants.filter((p) => p.role === "initiator").map((p) => p.actor);
  if (ia.length && ib.length) return ia.some((x) => ib.includes(x));
  return a.participants.some((p) => b.participants.some((q) => q.actor === p.actor));
}

/** The end of a noun's phrase: the clause end, the next trigger or the next finite-looking verb. */
function nounPhraseEnd(words: Word[], w: number, clauseEnd: number, found: Found[]): number {
  let end = Math.min(clauseEnd, w + 14);
  for (const f of found) if (f.w > w && f.w < end) end = f.w;
  for (let k = w + 1; k < end; k++) {
    const x = words[k]!;
    if (QUOTE_MARKS.test(x.text)) return k;
    if (/^(?:ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden|soll|sollen|sollte|sollten|sei|seien|kann|konnte|konnten|muss|mussen|musste|bleibt|steht|will|wollen|wollte)$/.test(x.f)) return k;
  }
  return end;
}

/** The preposition (skipping articles and adjectives) before word `wi`. */
function prepBefore(words: Word[], wi: number): string {
  for (let k = wi - 1; k >= Math.max(0, wi - 4); k--) {
    const f = words[k]!.f;
    if (ARTICLES.has(f)) continue;
    if (!words[k]!.cap && /(?:e|en|er|es|em)$/.test(f) && !/^(?:gegen|zwischen|unter|neben|hinter|uber|wegen)$/.test(f)) continue;
    return f;
  }
  return "";
}

function rolesOf(pool: Ref[], words: Word[], wordAt: (o: number) => number, passive: boolean, kind: EventKind): Participant[] {
  const out: Participant[] = [];
  let initiator = false;
  const symmetric = kind === "consult" || kind === "negotiate" || kind === "agree" || kind === "cooperate";
  for (const r of pool) {
    if (out.some((p) => p.actor === r.actor)) continue;
    const wi = wordAt(r.m.start);
    let prep = prepBefore(words, wi);
    const det = words[wi - 1]?.f ?? "";
    // "unter Vermittlung Katars": the mediator is set apart below.
    if (prep === "vermittlung") continue;
    // "der Staatsführung in Teheran": the capital stands for the government noun before it.
    if ((prep === "in" || prep === "im") && r.place && !r.eventPlace) prep = "";
    let role: ParticipantRole;
    if (prep === "gegen" || prep === "auf") role = "target";
    else if (prep === "zwischen" || prep === "mit") role = "participant";
    else if (prep === "von" || prep === "vom" || prep === "durch") role = passive && !initiator ? "initiator" : "participant";
    else if (/^(?:nach|in|im|uber|fur|bei|laut|zufolge|aus|seit|um|an|am|vor)$/.test(prep)) continue;
    else if (OBJECT_CASE.has(det) || OBJECT_CASE.has(prep)) role = symmetric ? "participant" : "target";
    else if (!initiator) role = passive && !symmetric ? "target" : "initiator";
    else role = DIRECTED.has(kind) ? "target" : "participant";
    if (role === "initiator") initiator = true;
    out.push({ actor: r.actor!, role });
  }
  return out;
}

/**
 * A date bound to another phrase: "für Freitag geplanten" belongs to the planned event it modifies, "seit dem
 * Krieg im vergangenen Juni" to the war ("seit Anfang Januar" alone still dates the clause).
 */
function boundElsewhere(d: DateMention, words: Word[], wordAt: (o: number) => number, nounAt: number): boolean {
  const wi = wordAt(d.start);
  for (let k = wi - 1; k >= Math.max(0, wi - 5); k--) {
    if (words[k]!.f !== "seit") continue;
    if (words.slice(k + 1, wi).some((x) => x.cap && x.word)) return true;
    break;
  }
  let k = wi;
  while (k < words.length && words[k]!.start < d.end) k++;
  const after = words[k]?.f ?? "";
  const bound = /^geplant/.test(after) || /^(?:angesetzt|vorgesehen)/.test(after);
  if (!bound) return false;
  return nounAt < 0 || !(nounAt > k && nounAt <= k + 2);
}

function figuresFor(s: Sentence, next: Sentence | undefined, article?: string): Figure[] {
  const out: Figure[] = [];
  const texts = [fold(s.text)];
  if (next && CONTINUATION.test(fold(next.text))) texts.push(fold(next.text));
  const originals = [s.text, next?.text ?? ""];
  texts.forEach((t, ti) => {
    for (const f of FIGURES) {
      const m = f.re.exec(t);
      if (!m) continue;
      // Folding keeps lengths unless the text has ß; then the folded words are kept.
      const orig = originals[ti]!;
      const value = orig.length === t.length ? orig.slice(m.index, m.index + m[1]!.length) : m[1]!;
      out.push({ what: f.what, value, ...(article ? { article } : {}) });
    }
  });
  return out;
}

/** A short summary: the sentence, cleaned, cut at a word boundary. */
export function summaryOf(sentence: string): string {
  const s = sentence.replace(/\s+/g, " ").trim();
  if (s.length <= 240) return s;
  const cut = s.slice(0, 240);
  return `${cut.slice(0, cut.lastIndexOf(" "))} …`;
}
