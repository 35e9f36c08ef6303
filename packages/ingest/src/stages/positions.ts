/**
 * Stage 9: positions — an actor's stance on a dossier issue.
 *
 * The codebook is data (a dossier file): each issue has a proposition and cue terms. A cue starting with "!"
 * names the proposition's opposite ("!alle themen" for "talks limited to the nuclear programme"). No issue
 * id appears in code, so a second dossier is a second data file.
 *
 * For every cue in a sentence the nearest attitude word in the same scope (data/stance.json; a scope ends at
 * "während", "und dass", "sondern", ";") decides: demand/offer/threat/concede (+1) or reject, "vom Tisch",
 * "warnen vor", "anstatt" (-1), flipped by a negation before it. Stance toward the proposition =
 * attitude × cue polarity: Iran insisting on "nur über das Atomprogramm" supports "talks limited to the
 * nuclear programme"; Qatar urging talks on "alle Themen" opposes it.
 * The holder is, in order: the genitive or demonym of a nominal attitude word ("Beharren der USA",
 * "iranische Forderungen"); the speaker of the quote the attitude word stands in; the subject of its clause
 * or of the clauses before it ("Ajatollah Ali Chamenei, warnte … vor"); a pronoun's antecedent.
 */
import type { Dossier, Modality, Position, Sentence, Stance } from "@lagebild/model";
import type { DateMention } from "../pipeline/types.ts";
import stanceData from "../../data/stance.json" with { type: "json" };
import { fold, isKonjunktiv, matchesOf, type Word, wordIndexAt, wordsOf } from "../text.ts";
import type { FoundQuote } from "./quotes.ts";
import type { Ref, Resolution } from "./resolve.ts";

export interface PositionInput {
  sentences: Sentence[];
  /** Demonym adjectives (iranische → state:IR), for holders of nominal attitudes ("iranische Forderungen"). */
  demonyms?: Map<string, string>;
  resolution: Resolution;
  quotes: FoundQuote[];
  dossier: Dossier;
  dates?: DateMention[];
  published?: string | null;
}

interface StanceWord {
  modality: Modality;
  polarity: 1 | -1;
  nominal: boolean;
  re?: RegExp;
  phrase?: RegExp;
}

const STANCE: StanceWord[] = stanceData.triggers.map((t) => ({
  modality: t.modality as Modality,
  polarity: t.polarity as 1 | -1,
  nominal: "nominal" in t && t.nominal === true,
  ...("re" in t && t.re ? { re: new RegExp(`^(?:${fold(t.re)})$`) } : {}),
  ...("phrase" in t && t.phrase ? { phrase: new RegExp(fold(t.phrase), "g") } : {}),
}));
/** Memo: folded word → the first attitude word (in `STANCE` order) whose pattern it matches, or null. */
const stanceMemo = new Map<string, StanceWord | null>();
function stanceWordOf(f: string): StanceWord | null {
  let hit = stanceMemo.get(f);
  if (hit === undefined) {
    hit = STANCE.find((sw) => sw.re && sw.re.test(f)) ?? null;
    if (stanceMemo.size > 100_000) stanceMemo.clear();
    stanceMemo.set(f, hit);
  }
  return hit;
}
const NEGATION = new RegExp(`^(?:${stanceData.negation})$`);
const BREAKS = new RegExp(`(?:^| )(?:${stanceData.scopeBreaks})(?= |$)`, "g");
const BOUNDARY = /^[,;:–—().]$/;
const PREPOSITION = /^(?:mit|gegenuber|von|vom|laut|bei|uber|fur|nach|zu|zum|zur|aus|in|im|an|am|auf|gegen|zwischen|unter|vor|durch|ohne|um|seit|wegen)$/;
/** Konjunktiv modals of obligation: "X müsse …" reports a demand made of X. */
const OBLIGED = /^(?:musse|mussten|solle|sollten|durfe|durften)$/;
const CONDITION_OR_THAT = /^(?:wenn|falls|sofern|dass|sollte|sollten)$/;
const OBJECT_CASE = new Set(["dem", "den", "einem", "einen", "ihm", "ihn"]);
const PRONOUNS = new Set(["er", "sie"]);
/** Roles that do not speak for a government. */
const NOT_OFFICIAL = /analyst|expert|wissenschaftler|journalist|reporter|korrespondent|professor|forscher|kolumnist|moderator|opposition|rebell|schwieger|sohn|tochter|ehefrau|ehemann|bruder|schwester|ehemalig|vorganger|kritiker|aktivist|fotograf/;

interface Cue {
  issue: string;
  polarity: 1 | -1;
  /** Words before the cue that negate what it names ("keine Anreicherung"). */
  negators: number[];
  /** Character range in the folded, space-joined word string. */
  from: number;
  to: number;
}

/** A cue word: alternatives ("nur|allein"); an alternative of five letters or more also matches inflected forms
 * and compounds that contain it ("Urananreicherung" for "anreicherung", "Raketen" for "rakete"). */
type CueWord = string[];

interface CompiledCue {
  issue: string;
  words: CueWord[];
  polarity: 1 | -1;
}

/** Articles and possessives are left out of a cue and may stand anywhere between its words. */
const DETERMINER = /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|sein|seine|seinen|seinem|seiner|seines|ihr|ihre|ihren|ihrem|ihrer|ihres|unser|unsere|unseren|unserem|unserer)$/;
/** Words that turn the thing a cue names into its absence ("keine Anreicherung", "Einstellung der Anreicherung"). */
const CUE_NEGATORS = new RegExp(`^(?:${stanceData.cueNegators})$`);

function matchesCueWord(f: string, alts: CueWord): boolean {
  return matchedCueLength(f, alts) > 0;
}

/**
 * Length of the longest alternative matching a word (0: none). A compound's hyphen is no boundary ("Null-Anreicherung"
 * is the cue "nullanreicherung"), and the longer cue wins over one inside it (Null-Anreicherung over Anreicherung).
 */
function matchedCueLength(f: string, alts: CueWord): number {
  const joined = f.includes("-") ? f.replace(/-/g, "") : f;
  let best = 0;
  for (const a of alts) {
    if (a.length > best && (a.length >= 5 ? f.includes(a) || joined.includes(a) : f === a)) best = a.length;
  }
  return best;
}

/** A dossier's compiled cues, and which of them can start at a given (folded) word. */
interface DossierCues {
  all: CompiledCue[];
  /** Memo: folded word → the cues (in codebook order) whose first word matches it. Words recur across
   * articles, so each sentence word costs one look-up instead of a test against every cue. */
  startingWith: Map<string, CompiledCue[]>;
}

const cueCache = new WeakMap<Dossier, DossierCues>();
function cuesOf(dossier: Dossier): DossierCues {
  let c = cueCache.get(dossier);
  if (!c) {
    const all = dossier.issues.flatMap((i) => i.cues.map((cue) => {
      const neg = cue.startsWith("!");
      const words = fold(neg ? cue.slice(1) : cue).trim().split(/\s+/).filter((w) => !DETERMINER.test(w)).map((w) => w.split("|").filter(Boolean));
      return { issue: i.id, words, polarity: (neg ? -1 : 1) as 1 | -1 };
    })).filter((x) => x.words.length > 0);
    c = { all, startingWith: new Map() };
    cueCache.set(dossier, c);
  }
  return c;
}

const NO_CUES: CompiledCue[] = [];

function cuesStartingWith(cues: DossierCues, f: string): CompiledCue[] {
  let hit = cues.startingWith.get(f);
  if (!hit) {
    hit = cues.all.filter((c) => matchesCueWord(f, c.words[0]!));
    if (!hit.length) hit = NO_CUES;
    if (cues.startingWith.size > 100_000) cues.startingWith.clear();
    cues.startingWith.set(f, hit);
  }
  return hit;
}

/**
 * Where a cue whose first word matches word `i` (see `cuesStartingWith`) matches: index of its last word,
 * allowing up to two lower-case filler words between cue words.
 */
function matchCue(words: Word[], i: number, cue: CompiledCue): number {
  let at = i;
  for (let k = 1; k < cue.words.length; k++) {
    let next = -1;
    for (let j = at + 1; j <= at + 3 && j < words.length; j++) {
      const w = words[j]!;
      if (matchesCueWord(w.f, cue.words[k]!)) {
        next = j;
        break;
      }
      if (!w.word || (w.cap && !DETERMINER.test(w.f))) break;
    }
    if (next < 0) return -1;
    at = next;
  }
  return at;
}

/**
 * A cue negated by the words before it (articles and lower-case adjectives skipped): "keine", "ohne vollständiges
 * Ende der"; by a verb after it in its clause that ends it ("jede Anreicherung aufgeben"); or, in a relative clause,
 * by a negation of the noun the clause belongs to ("kein Abkommen, das dem Iran die Anreicherung erlaubt").
 */
function cueNegators(words: Word[], i: number, end = i): number[] {
  const at: number[] = [];
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    const w = words[k]!;
    if (CUE_NEGATORS.test(w.f)) at.push(k);
    else if (!w.word || !(DETERMINER.test(w.f) || (!w.cap && /(?:e|en|er|es|em)$/.test(w.f)))) break;
  }
  for (let k = end + 1; k < words.length && k <= end + 6 && !BOUNDARY.test(words[k]!.text); k++) {
    if (CUE_NEGATORS_AFTER.test(words[k]!.f)) at.push(k);
  }
  let open = i;
  while (open > 0 && !BOUNDARY.test(words[open - 1]!.text)) open--;
  if (open >= 2 && words[open - 1]!.text === "," && RELATIVE_PRONOUN.test(words[open]!.f)) {
    for (let k = open - 2; k >= 0 && k >= open - 5 && !BOUNDARY.test(words[k]!.text); k--) {
      if (NEGATION.test(words[k]!.f)) {
        at.push(k);
        break;
      }
    }
  }
  return at;
}

const CUE_NEGATORS_AFTER = new RegExp(`^(?:${stanceData.cueNegatorsAfter})$`);
const RELATIVE_PRONOUN = /^(?:das|die|der|welche|welcher|welches)$/;

/** Third person singular Konjunktiv I of the auxiliaries and modals, which mark reported speech. */
const KONJUNKTIV = /^(?:sei|seien|habe|werde|musse|durfe|konne|solle|wolle|moge|gebe)$/;
const MODAL = /^(?:mussen|muss|musse|mussten|musste)$/;
/** A claim in reported speech, with no attitude word: the actor asserts what the cue names. */
const ASSERT: StanceWord = { modality: "offer", polarity: 1, nominal: false };

interface Att {
  word: number;
  sw: StanceWord;
  negated: boolean;
}

/** Extracts positions of actors on the dossier's issues. */
interface CueHit {
  issue: string;
  polarity: 1 | -1;
  from: number;
  to: number;
  n: number;
  spec: number;
}

/** Every cue matching at some word of the sentence (they may overlap). */
function cueHitsOf(cues: DossierCues, words: Word[]): CueHit[] {
  const hitsW: CueHit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.word) continue;
    for (const c of cuesStartingWith(cues, words[i]!.f)) {
      const end = matchCue(words, i, c);
      if (end >= 0) hitsW.push({ issue: c.issue, polarity: c.polarity, from: i, to: end, n: c.words.length, spec: matchedCueLength(words[i]!.f, c.words[0]!) });
    }
  }
  return hitsW;
}

/** Attitude words: stance words, then stance phrases on words not yet taken. */
function attitudesOf(words: Word[], joined: string, wordAtChar: (c: number) => number): Att[] {
  const atts: Att[] = [];
  words.forEach((w, i) => {
    if (!w.word) return;
    const sw = stanceWordOf(w.f);
    if (sw) atts.push({ word: i, sw, negated: negatedAt(words, i) });
  });
  for (const sw of STANCE) {
    if (!sw.phrase) continue;
    for (const m of matchesOf(sw.phrase, joined)) {
      const wi = wordAtChar(m.index);
      if (!atts.some((a) => a.word === wi)) atts.push({ word: wi, sw, negated: false });
    }
  }
  return atts;
}

export function extractPositions(input: PositionInput): Position[] {
  const { sentences, resolution, quotes, dossier } = input;
  const cues = cuesOf(dossier);
  const refsBySentence = new Map<number, Ref[]>();
  for (const r of resolution.refs) {
    const l = refsBySentence.get(r.m.sentence) ?? [];
    l.push(r);
    refsBySentence.set(r.m.sentence, l);
  }
  const out: Position[] = [];
  /** Position index by actor|issue|stance, and whether its evidence carries a date of its own. */
  const seen = new Map<string, { index: number; dated: boolean }>();
  let lastPerson: { actor: string; sentence: number } | null = null;
  let lastSubject: { actor: string; sentence: number } | null = null;

  for (const s of sentences) {
    const words = wordsOf(s);
    const refs = (refsBySentence.get(s.index) ?? []).filter((r) => r.actor && r.m.kind !== "media");
    // Cues: word sequences, longest first, no overlaps.
    const hitsW = cueHitsOf(cues, words);
    if (!hitsW.length) {
      const firstPerson = refs.find((r) => r.m.kind === "person" && !r.m.modifier);
      if (firstPerson) lastPerson = { actor: firstPerson.actor!, sentence: s.index };
      const subj = subjectIn(words, refs, 0, words.length);
      if (subj) lastSubject = { actor: subj, sentence: s.index };
      continue;
    }
    const sQuotes = quotes.map((q, qi) => ({ q, qi })).filter((x) => x.q.mention.sentence === s.index && x.q.mode === "direct");
    const indirect = quotes.filter((q) => q.mention.sentence === s.index && q.mode !== "direct");
    const reported = words.some((w) => KONJUNKTIV.test(w.f) || isKonjunktiv(words, w.i));
    // Folded word string with the char offset of each word, for phrase and cue search.
    const starts: number[] = [];
    let joined = "";
    for (const w of words) {
      starts.push(joined.length);
      joined += `${w.f} `;
    }
    const wordAtChar = (c: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= c) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const firstPersonRef = refs.find((r) => r.m.kind === "person" && !r.m.modifier);

    hitsW.sort((x, y) => y.n - x.n || (y.to - y.from) - (x.to - x.from) || y.spec - x.spec || x.from - y.from);
    const foundW: typeof hitsW = [];
    for (const h of hitsW) if (!foundW.some((f) => h.from <= f.to && h.to >= f.from)) foundW.push(h);
    foundW.sort((x, y) => x.from - y.from);
    const found: Cue[] = foundW.map((h) => ({
      issue: h.issue, polarity: h.polarity, negators: cueNegators(words, h.from, h.to),
      from: starts[h.from]!, to: starts[h.to]! + words[h.to]!.f.length,
    }));
    if (found.length) {
      const atts = attitudesOf(words, joined, wordAtChar);
      // Scope ids per word.
      const scope = new Array<number>(words.length).fill(0);
      const breaks = matchesOf(BREAKS, joined).map((m) => wordAtChar(m.index + (m[0].startsWith(" ") ? 1 : 0)));
      for (let i = 0, id = 0; i < words.length; i++) {
        if (breaks.includes(i)) id += 1;
        scope[i] = id;
      }
      const clauseOf = clauseIds(words);

      // One cue's position, in a function of its own: the optimising compiler then handles it apart from the
      // sentence loop, instead of recompiling one very large function each time new object shapes reach it.
      const addPositionOf = (cue: Cue): void => {
          const cw = wordAtChar(cue.from);
          const inScope = atts.filter((a) => scope[a.word] === scope[cw] && !(a.word >= cw && a.word < wordAtChar(cue.to - 1) + 1));
          // Without an attitude word, a claim in reported speech asserts what the cue names ("Teheran werde nur über
          // sein Nuklearprogramm verhandeln, sagte …").
          // So does a cue inside a direct quote ("Das heißt: keine Anreicherung", sagte Leavitt).
          const quoted = sQuotes.some((x) => words[cw]!.start >= x.q.mention.start && words[cw]!.start < x.q.mention.end);
          // The assertion is negated by a negation in the cue's clause ("werde weder in Genf noch anderswo gesprochen").
          if (!inScope.length && (reported || quoted)) {
            const cl = clauseOf[cw]!;
            const negated = words.some((w, i) => clauseOf[i] === cl && NEGATION.test(w.f) && !cue.negators.includes(i));
            inScope.push({ word: cw, sw: ASSERT, negated });
          }
          if (!inScope.length) return;
          // A modal ("müsse") governs the attitude verb of its clause ("müsse verhindert werden"): that verb decides.
          const full = inScope.filter((a) => !MODAL.test(words[a.word]!.f));
          const modalOnly = inScope.filter((a) => MODAL.test(words[a.word]!.f));
          const pool = full.filter((a) => modalOnly.some((m) => clauseOf[m.word] === clauseOf[a.word])).length ? full : inScope;
          const att = pool.reduce((a, b) => (Math.abs(a.word - cw) <= Math.abs(b.word - cw) ? a : b));
          const holder = holderOf(att, words, refs, sQuotes.map((x) => x.q), indirect, clauseOf, s.index, lastPerson, lastSubject, input.demonyms, reported);
          if (!holder) return;
          // A negation shared by the cue and the attitude ("keine Anreicherung akzeptieren") counts once.
          const cueNeg = cue.negators.filter((k) => !(att.negated && k >= att.word - 3 && k <= att.word + 1) && k !== att.word).length % 2 === 1;
          // A threat "für den Fall eines Angriffs" is a threat against the attack: the cue names what is threatened against.
          const conditional = att.sw.modality === "threat" && [1, 2, 3, 4].some((d) => /^(?:fall|falle|falls)$/.test(words[cw - d]?.f ?? ""));
          const polarity = att.sw.polarity * (att.negated ? -1 : 1) * cue.polarity * (cueNeg ? -1 : 1) * (conditional ? -1 : 1);
          const stance: Stance = polarity > 0 ? "support" : "oppose";
          const quoteAt = sQuotes.find((x) => words[cw]!.start >= x.q.mention.start && words[cw]!.start < x.q.mention.end);
          const sentenceDate = (input.dates ?? []).find((d) => d.sentence === s.index);
          const date = sentenceDate?.date.value ?? input.published ?? null;
          // An official speaks for the state: the position is also the state's (a spokesman, a minister, a president).
          const person = resolution.byKey.get(holder);
          const official = person?.kind === "person" && person.affiliation?.startsWith("state:") && person.role && !NOT_OFFICIAL.test(fold(person.role));
          for (const actor of official ? [holder, person!.affiliation!] : [holder]) {
            const key = `${actor}|${cue.issue}|${stance}`;
            const ownDate = !!sentenceDate;
            const prev = seen.get(key);
            // One position per actor, issue and stance; a dated statement is better evidence than an undated one
            // (a headline "Chamenei: Raketen sind »rote Linie«" before "Chamenei bezeichnete … am Sonntag …").
            if (prev && (prev.dated || !ownDate)) continue;
            seen.set(key, { index: prev?.index ?? out.length, dated: ownDate });
            const position: Position = {
              actor, issue: cue.issue, stance, modality: att.negated ? (att.sw.polarity > 0 ? "reject" : "concede") : att.sw.modality,
              evidence: { start: s.start, end: s.end, text: s.text, sentence: s.index },
              date, quote: quoteAt ? quoteAt.qi : null,
            };
            if (prev) out[prev.index] = position;
            else out.push(position);
          }
      };
      for (const cue of found) addPositionOf(cue);
    }
    if (firstPersonRef) lastPerson = { actor: firstPersonRef.actor!, sentence: s.index };
    const subj = subjectIn(words, refs, 0, words.length);
    if (subj) lastSubject = { actor: subj, sentence: s.index };
  }
  return out;
}

function negatedAt(words: Word[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (NEGATION.test(words[k]!.f)) return true;
  // A negation after a finite verb: right after it, or later in its clause before the verb's particle or
  // prepositional object ("verzichtet nach Angaben aus Teheran nicht auf", "schloss … nicht aus").
  if (NEGATION.test(words[i + 1]?.f ?? "")) return true;
  for (let k = i + 2; k < words.length && k <= i + 7; k++) {
    if (BOUNDARY.test(words[k]!.text)) return false;
    if (NEGATION.test(words[k]!.f)) return /^(?:auf|an|uber|mit|vor|aus|ab|fest|zu|ein)$/.test(words[k + 1]?.f ?? "") || !words[k + 1]?.word;
  }
  return false;
}

function clauseIds(words: Word[]): number[] {
  const ids: number[] = [];
  let id = 0;
  for (const w of words) {
    if (BOUNDARY.test(w.text)) id += 1;
    ids.push(id);
  }
  return ids;
}

/** The first subject-like actor (not after a preposition, not in the dative/accusative) in words [a, b). */
function subjectIn(words: Word[], refs: Ref[], a: number, b: number): string | null {
  for (const r of refs) {
    // A genitive qualifies a noun ("Irans Raketenprogramm"); it is never the clause's subject.
    if (r.m.modifier || r.m.genitive || r.m.kind === "media") continue;
    const wi = wordIndexAt(words, r.m.start);
    if (wi < a || wi >= b) continue;
    let k = wi - 1;
    while (k >= 0 && /^(?:der|die|das|des|ein|eine|eines|einer|hochrangige\w*|ranghohe\w*)$/.test(words[k]!.f)) k--;
    const before = words[k]?.f ?? "";
    // "Milizen wie die Huthi": an example in a comparison is no subject either.
    if (PREPOSITION.test(before) || OBJECT_CASE.has(words[wi - 1]?.f ?? "") || inComparison(words, wi)) continue;
    // "Iran müsse jede Anreicherung aufgeben": in reported speech the subject of an obligation is whom the speaker
    // asks, not who holds the view.
    if (OBLIGED.test(words[wordIndexAt(words, r.m.end - 1) + 1]?.f ?? "")) continue;
    return r.actor!;
  }
  return null;
}

/** Whether word `wi` stands in a "wie …" list of examples ("Milizen wie die Huthi und die Hisbollah"). */
function inComparison(words: Word[], wi: number): boolean {
  for (let k = wi - 1; k >= 0 && k >= wi - 6; k--) {
    if (BOUNDARY.test(words[k]!.text)) return false;
    if (words[k]!.f === "wie") return true;
  }
  return false;
}

function holderOf(
  att: Att, words: Word[], refs: Ref[], quotes: FoundQuote[], indirect: FoundQuote[], clauseOf: number[], sentence: number,
  lastPerson: { actor: string; sentence: number } | null, lastSubject: { actor: string; sentence: number } | null,
  demonyms?: Map<string, string>, reported = false,
): string | null {
  const w = words[att.word]!;
  if (att.sw.nominal) {
    // "Beharren der USA", "Forderungen des Regimes".
    const after = refs.find((r) => {
      const wi = wordIndexAt(words, r.m.start);
      return wi > att.word && wi <= att.word + 3 && /^(?:der|des)$/.test(words[wi - 1]?.f ?? "");
    });
    if (after) return after.actor!;
    // "iranische Forderungen", "Irans Forderung".
    const before = refs.find((r) => r.m.end <= w.start && w.start - r.m.end <= 2 && (r.m.genitive || /^[\p{Ll}]/u.test(r.m.text)));
    if (before) return before.actor!;
    const adj = demonyms?.get(words[att.word - 1]?.f ?? "");
    if (adj) return adj;
  }
  const q = quotes.find((x) => w.start >= x.mention.start && w.start < x.mention.end);
  if (q) {
    // Inside a quote a third party named as the clause's subject holds the attitude ("weigert sich Khamenei"),
    // else the speaker ("wir", "ich").
    const c = clauseOf[att.word]!;
    const inQuote = refs.filter((r) => r.m.start >= q.mention.start && r.m.start < q.mention.end);
    const third = subjectIn(words, inQuote, clauseOf.indexOf(c), clauseOf.lastIndexOf(c) + 1);
    return third ?? q.speakerActor ?? q.speaker;
  }
  // Reported speech: "laut X", "X zufolge", "…, so X", else the speaker of the indirect quote.
  const cited = citedIn(words, refs);
  if (cited) return cited;
  // An attitude verb with a subject of its own in its clause ("solange Israel … mit Angriffen drohten") is that
  // subject's, even in reported speech; otherwise the reporter of the indirect speech holds it.
  if (att.sw !== ASSERT) {
    const own = clauseOf[att.word]!;
    const subj = subjectIn(words, refs.filter((r) => !quotes.some((x) => r.m.start >= x.mention.start && r.m.start < x.mention.end)), clauseOf.indexOf(own), clauseOf.lastIndexOf(own) + 1);
    if (subj && indirect.length) return subj;
  }
  const iq = indirect.find((x) => x.speakerActor || x.speaker);
  if (iq) return iq.speakerActor ?? iq.speaker;
  // Subject of the attitude word's clause, else of the clauses before it, nearest first.
  const c = clauseOf[att.word]!;
  const antecedent = () => [lastPerson, lastSubject].filter((x): x is { actor: string; sentence: number } => !!x && sentence - x.sentence <= 2).sort((x, y) => y.sentence - x.sentence)[0]?.actor ?? null;
  for (let cc = c; cc >= 0; cc--) {
    const a = clauseOf.indexOf(cc);
    const b = clauseOf.lastIndexOf(cc) + 1;
    if (a < 0) continue;
    // A pronoun opening the clause is its subject ("Er will Trump davon überzeugen …").
    const first = words[a]?.text === "," ? words[a + 1] : words[a];
    if (first && PRONOUNS.has(first.f) && first.i <= att.word) {
      const who = antecedent();
      if (who) return who;
    }
    // The subject of a condition or a that-clause ("nur denkbar, wenn der Iran die Anreicherung einstelle") is
    // what the holder asks of someone; only a threat or refusal told there is that subject's own.
    const opener = words[a]?.text === "," ? words[a + 1] : words[a];
    const ownAttitude = clauseOf[att.word] === cc && (att.sw.modality === "threat" || att.sw.modality === "reject");
    if (opener && CONDITION_OR_THAT.test(opener.f) && !ownAttitude) continue;
    // Inside a quote the speaker is the holder; outside, the clause subject.
    const subj = subjectIn(words, refs.filter((r) => !quotes.some((x) => r.m.start >= x.mention.start && r.m.start < x.mention.end)), a, b);
    if (subj) return subj;
    // A pronoun as the clause's subject: its first words ("Sie drängten …", "…, betonte er").
    const pronoun = words.slice(a, Math.min(b, a + 2)).find((x) => PRONOUNS.has(x.f)) ?? (words[att.word + 1] && PRONOUNS.has(words[att.word + 1]!.f) ? words[att.word + 1] : undefined);
    if (pronoun) {
      const best = [lastPerson, lastSubject].filter((x): x is { actor: string; sentence: number } => !!x && sentence - x.sentence <= 2).sort((x, y) => y.sentence - x.sentence)[0];
      if (best) return best.actor;
    }
  }
  // A Konjunktiv sentence with no speaker of its own continues the previous speaker's words: the speaker its quote is
  // given to ("Ein Deal, der Raketen ausklammere, sei »wertlos«"), else the last one named.
  const voiced = reported ? quotes.find((x) => x.speakerActor || x.speaker) : undefined;
  if (voiced) return voiced.speakerActor ?? voiced.speaker;
  if (reported) return antecedent();
  return null;
}

/** The source a sentence cites: "laut X", "X zufolge", "…, so X". */
function citedIn(words: Word[], refs: Ref[]): string | null {
  for (const r of refs) {
    if (r.m.kind === "media" || !r.actor) continue;
    const wi = wordIndexAt(words, r.m.start);
    let k = wi - 1;
    while (k >= 0 && (DETERMINER.test(words[k]!.f) || (!words[k]!.cap && /(?:e|en|er)$/.test(words[k]!.f) && words[k]!.word) || /^\p{Lu}/u.test(words[k]!.text) && refs.some((x) => x !== r && x.m.start <= words[k]!.start && x.m.end >= words[k]!.end))) k--;
    const before = words[k]?.f ?? "";
    const endWi = wordIndexAt(words, r.m.end - 1);
    if (before === "laut" || (before === "so" && words[k - 1]?.text === ",") || words[endWi + 1]?.f === "zufolge") return r.actor;
  }
  return null;
}
