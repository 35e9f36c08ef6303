/**
 * Stage 4: find spans that name actors and places.
 *
 * - Gazetteer names (countries, cities, regions, seats of government, organisations, media, known persons),
 *   longest match first through the lexicon's first-word index. Media names that are also ordinary words
 *   ("Mehr", "X", "Zeit") count only after a media noun, "auf" or "laut".
 * - Persons not in any lexicon, found by pattern — never from capitalisation alone (German capitalises nouns):
 *   a title or role before a name ("Außenminister Abbas Araghtschi", "US-Sondergesandten Steve Witkoff"),
 *   a role phrase with the name in apposition ("Der Sprecher des Außenministeriums von Katar, Majed Al Ansari,"),
 *   a known given name before a surname ("Jason Brodsky"), or a verb of saying before a name ("sagte Müller").
 *   Name words are name-shaped, not stop words, not nouns by their ending, not places; particles
 *   (al-, Al, bin, von, van, de …) may stand between them. Later a surname alone ("Araghtschi", "Trumps")
 *   is linked to the full name.
 * - Collective references to a state: demonym or prefix + government noun ("iranische Führung", "US-Beamte",
 *   "dem katarischen Premierminister") and peoples ("die Amerikaner").
 * - Organisations named after an organisation noun ("vom Think Tank „United Against Nuclear Iran“").
 * - Capitals in compounds: "US-Hauptstadt", "die iranische Hauptstadt".
 * Affiliation cues next to a person (US-, iranische, Irans, "von Katar") are recorded on the person mention.
 */
import type { Sentence } from "@lagebild/model";
import type { EntityMention } from "../pipeline/types.ts";
import speechData from "../../data/speech.json" with { type: "json" };
import { type GazEntry, type Lexicon, titleOf } from "../gazetteer.ts";
import { fold, slug, type Word, wordsOf } from "../text.ts";
import placeNounData from "../../data/place-nouns.json" with { type: "json" };
import { townNamed } from "../geonames.ts";
import { definedAcronyms, organisationSpans, ownedBodies, type OrgSpan } from "./organisations.ts";

export interface Mention extends EntityMention {
  /** The name as written, without a genitive -s and without the title. */
  name: string;
  /** Word range [w0, w1) inside the sentence. */
  w0: number;
  w1: number;
  /** Place key for names of places (country:IR, place:teheran). */
  place?: string;
  /** ISO code of the state a place or seat stands for as an actor. */
  state?: string;
  /** Actor key of an affiliation cue next to a person (state:IR, org:eu). */
  affiliation?: string;
  genitive?: boolean;
  /** A collective or anonymous reference (iranische Beamte, ein hochrangiger US-Beamter). */
  anonymous?: boolean;
  /** The mention only qualifies another one (Irans in "Irans Außenminister", US in "US-Präsident"). */
  modifier?: boolean;
  /** The folded words before the mention, nearest first (up to four; a preposition decides place vs. actor use). */
  before: string[];
  /** A place named by its adjective before a noun ("Genfer Gespräche"): where that thing happens. */
  attributive?: boolean;
  /** Display name of an actor no lexicon knows, when it differs from the words written here (RSF → Rapid Support Forces). */
  entityName?: string;
}

export interface MentionInput {
  text: string;
  sentences: Sentence[];
  lexicon: Lexicon;
  /** Article authors: their names are bylines, not actors. */
  authors?: string[];
}

const SPEECH = new Set(speechData.verbs);
const TOWN_PREPOSITIONS = new Set(placeNounData.prepositions);
const TOWN_NOUNS = new Set(placeNounData.nouns);
const MEDIA_AFTER = new Set(["zufolge", "berichtete", "berichteten", "berichtet", "meldete", "meldeten", "schrieb", "schreibt", "zitierte"]);
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}'’]+|(?:Mc|Mac|O')\p{Lu}\p{Ll}+)(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u;
const PARTICLE_NAME = /^(?:al|el|as|ad|an|ar|at|az|ash|asch|ul|bin|ibn|ben|abu|Al|El|Abu|Bin|Ben)-\p{Lu}[\p{Ll}\p{M}'’]+$/u;
const PARTICLES = new Set(["al", "el", "bin", "ibn", "ben", "bint", "abu", "von", "van", "de", "da", "di", "du", "del", "della", "der", "den", "dos", "la", "le", "ter", "zu", "ould", "ag"]);
const CAP_PARTICLES = new Set(["Al", "El", "Abu", "Bin", "Ben", "Ibn", "De", "Van", "Von", "Da", "Di", "Del", "Le", "La", "Dos", "Ag"]);
const INITIAL = /^\p{Lu}\.?$/u;
const NOUN_ENDING = /(?:alen|rats|rates|ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ität|ismus|nahme|nahmen|lich|isch|ische|ischen|ischer|isches|ierung|ment|mente|ium|ien|ionen|enten|anten|ern|eien)$/;
export const PERSONLIKE_GOV = new Set(["beamte", "beamten", "beamter", "offizielle", "offiziellen", "vertreter", "diplomaten", "quelle", "quellen", "regierungsquelle", "kreise", "kreisen", "regierungskreise", "regierungskreisen", "regierungsvertreter"]);

/** Whether a word can be part of a person's name. */
function isNameWord(lex: Lexicon, w: Word | undefined): boolean {
  if (!w || !w.word) return false;
  if (!(NAME_WORD.test(w.text) || PARTICLE_NAME.test(w.text))) return false;
  if (lex.stopwords.has(w.f) || lex.demonyms.has(w.f) || lex.governmentNouns.has(w.f) || lex.mediaNouns.has(w.f) || lex.epithets.has(w.f) || lex.peoples.has(w.text)) return false;
  if (titleOf(lex, w.f)) return false;
  if (!PARTICLE_NAME.test(w.text) && w.text.length > 6 && NOUN_ENDING.test(w.f)) return false;
  return true;
}

/**
 * Whether the word at `i` directly follows a locative preposition ("in Pahalgam", never "bei einer Rede") or a
 * settlement noun ("die Grenzstadt Hrubieszów").
 */
function isTownCue(words: Word[], i: number, demonyms: ReadonlyMap<string, string>, towns: ReadonlySet<number> = new Set()): boolean {
  const prev = words[i - 1];
  if (!prev) return false;
  if (TOWN_PREPOSITIONS.has(prev.f) || (prev.cap && (TOWN_NOUNS.has(prev.f) || isTownNounCompound(prev.f)))) return true;
  // "im thailändischen Chanthaburi", "nahe der nordkoreanischen Stadt": a demonym after a locative preposition.
  if (!prev.cap && demonyms.has(prev.f)) {
    const before = words[i - 2];
    const beforeThat = words[i - 3];
    return !!before && (TOWN_PREPOSITIONS.has(before.f) || (/^(?:der|dem|des)$/.test(before.f) && !!beforeThat && TOWN_PREPOSITIONS.has(beforeThat.f)));
  }
  // "zwischen Kinmen und Xiamen": joined to a town found so.
  return prev.f === "und" && towns.has(i - 2);
}

/** "Küstenstadt", "Grenzinsel": a compound whose last part is a settlement noun of four letters or more. */
function isTownNounCompound(folded: string): boolean {
  for (const n of TOWN_NOUNS) if (n.length >= 4 && folded.length > n.length + 2 && folded.endsWith(n)) return true;
  return false;
}

/** A compound ending in a long organisation noun: Menschenrechtsorganisation, Hilfsorganisation, Oppositionsbewegung. */
function isOrgNounCompound(lex: Lexicon, folded: string): boolean {
  for (const n of lex.orgNouns) if (n.length >= 6 && !n.includes(" ") && folded.length > n.length + 2 && folded.endsWith(n)) return true;
  return false;
}

/** Whether a word is a place or state name (and so cannot be a surname). */
function isPlaceWord(lex: Lexicon, w: Word): boolean {
  const list = lex.byFirst.get(w.f);
  return !!list?.some((e) => e.words.length === 1 && (e.kind === "country" || e.kind === "city" || e.kind === "region" || e.kind === "seat"));
}

/**
 * The person name starting at word `j`: name words with particles between them, at most four name words,
 * ending in a name word. Returns the exclusive end index or `j` when there is no name.
 */
function nameSpan(lex: Lexicon, words: Word[], j: number, blocked: (number | undefined)[]): number {
  let k = j;
  let names = 0;
  let end = j;
  while (k < words.length && names < 4) {
    const w = words[k]!;
    if (blocked[k] !== undefined) break;
    if (isNameWord(lex, w) && !(names === 0 && isPlaceWord(lex, w))) {
      names += 1;
      k += 1;
      end = k;
      continue;
    }
    if (INITIAL.test(w.text) && names === 0 && isNameWord(lex, words[k + 1])) {
      k += 1;
      continue;
    }
    if ((CAP_PARTICLES.has(w.text) || (PARTICLES.has(w.text) && names > 0)) && isNameWord(lex, words[k + 1])) {
      k += 1;
      continue;
    }
    break;
  }
  return end;
}

function textOf(words: Word[], a: number, b: number, text: string): string {
  return text.slice(words[a]!.start, words[b - 1]!.end);
}

/** Affiliation cue in the few words before a title: a demonym ("Der iranische Präsident") or a genitive state ("Irans"). */
function affiliationBefore(lex: Lexicon, words: Word[], i: number, gazAt: (GazMatch | undefined)[]): string | undefined {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = words[k]!;
    if (!w.word) break;
    const d = lex.demonyms.get(w.f);
    if (d) return d;
    const g = gazAt[k];
    if (g && g.entry.kind === "country" && (g.entry.genitive || words[k - 1]?.f === "der" || words[k - 1]?.f === "des")) return g.entry.key;
    if (g && g.entry.kind === "person" && g.entry.genitive) return `person-of:${g.entry.key}`;
  }
  return undefined;
}

/** Affiliation cue in a title's complement ("Sprecher des Außenministeriums von Katar", "der iranischen Streitkräfte"). */
function affiliationAfter(lex: Lexicon, words: Word[], from: number, to: number, gazAt: (GazMatch | undefined)[]): string | undefined {
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    const d = lex.demonyms.get(w.f);
    if (d) return d;
    const g = gazAt[k];
    if (g && (g.entry.kind === "country" || g.entry.kind === "seat")) return g.entry.key;
    if (g && g.entry.kind === "org") return g.entry.key;
  }
  return undefined;
}

/** Affiliation from a compound prefix: US-Präsident → state:US. */
function prefixAffiliation(lex: Lexicon, w: Word): string | undefined {
  const dash = w.text.indexOf("-");
  if (dash <= 0) return undefined;
  const p = w.text.slice(0, dash);
  return lex.prefixes.get(p) ?? lex.demonyms.get(fold(p)) ?? undefined;
}

interface GazMatch {
  entry: GazEntry;
  end: number;
}

function gazetteerAt(lex: Lexicon, words: Word[], i: number): GazMatch | undefined {
  const w = words[i]!;
  if (!w.word || (!w.cap && !lex.lowerFirst.has(w.f))) return undefined;
  const list = lex.byFirst.get(w.f);
  if (!list) return undefined;
  for (const e of list) {
    if (i + e.words.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < e.words.length; k++) {
      if (words[i + k]!.f !== e.words[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (e.caseSensitive && !w.cap) continue;
    if (e.needsCue) {
      const before = words[i - 1]?.f ?? "";
      const after = words[i + e.words.length]?.f ?? "";
      const mediaNounBefore = [1, 2, 3].some((d) => lex.mediaNouns.has(words[i - d]?.f ?? ""));
      // "auf X", "auf Telegram" names a platform; an outlet needs "laut", a media noun or a verb of reporting.
      const platform = lex.actors.get(e.key)?.mediaType === "platform";
      const cued = mediaNounBefore || before === "laut" || (before === "auf" && platform) || MEDIA_AFTER.has(after);
      if (!cued) continue;
    }
    return { entry: e, end: i + e.words.length };
  }
  return undefined;
}

/** Finds actor and place mentions in every sentence of an article. */
type MentionDraft = Omit<Mention, "sentence" | "start" | "end" | "text" | "before"> & { text?: string };

/** One sentence being scanned: its words, the lexicon matches and which mention covers each word. */
interface SentenceScan {
  lex: Lexicon;
  text: string;
  authors: Set<string>;
  sentence: number;
  words: Word[];
  gazAt: (GazMatch | undefined)[];
  blocked: (number | undefined)[]; // index into out of the mention covering a word
  out: Mention[];
}

function emit(sc: SentenceScan, m: MentionDraft): Mention {
  const { words, out, blocked } = sc;
  const first = words[m.w0]!;
  const last = words[m.w1 - 1]!;
  const mention = m as Mention;
  mention.start = first.start;
  mention.end = last.end;
  mention.text ??= sc.text.slice(first.start, last.end);
  mention.sentence = sc.sentence;
  mention.before = wordsBefore(words, m.w0);
  out.push(mention);
  for (let k = m.w0; k < m.w1; k++) blocked[k] = out.length - 1;
  return mention;
}

// The passes below look at one word at a time in functions of their own: one huge findMentions made V8 recompile
// it again and again. Each returns the index of the last word it consumed (the word itself when it took none).

/** Pass 1: lexicon names. */
function markGazetteerMatches(lex: Lexicon, words: Word[], gazAt: (GazMatch | undefined)[]): void {
  for (let i = 0; i < words.length; ) {
    const g = gazetteerAt(lex, words, i);
    if (!g) {
      i += 1;
      continue;
    }
    // A name glued to a slash is a photo credit ("Kemal Aslan/REUTERS").
    gazAt[i] = g;
    i = g.end;
  }
}

/** Role phrase with the name in apposition: "Der Sprecher des Außenministeriums von Katar, Majed Al Ansari,". */
function appositionAfterTitle(sc: SentenceScan, i: number, w: Word, title: string, affiliation: string | undefined): number {
  const { lex, words, gazAt, blocked, text, authors } = sc;
  for (let k = i + 1; k < Math.min(words.length - 1, i + 9); k++) {
    const c = words[k]!;
    if (c.text === ",") {
      let j = k + 1;
      const t2 = words[j] && words[j]!.cap ? titleOf(lex, words[j]!.f, words[j]!.text) : null; // ", Generalmajor Abdolrahim Mussawi,"
      if (t2) j += 1;
      const known = gazAt[j]?.entry.kind === "person" ? gazAt[j] : undefined;
      const e2 = known ? known.end : nameSpan(lex, words, j, blocked);
      const closer = words[e2]?.text;
      const multi = e2 - j >= 2 || !!known || lex.givenNames.has(words[j]?.f ?? "");
      if (e2 > j && multi && (closer === "," || closer === "." || closer === undefined) && !authors.has(fold(textOf(words, j, e2, text)))) {
        const affil = affiliation ?? affiliationAfter(lex, words, i + 1, k, gazAt);
        emit(sc, { type: "actor", kind: "person", ...(known ? { key: known.entry.key } : {}), role: roleOf(t2 ? words[j - 1]! : w, t2 ?? title), via: "pattern:role-apposition", name: textOf(words, j, e2, text), w0: j, w1: e2, ...aff(affil) });
        return e2 - 1;
      }
      return i;
    }
    if (!c.word || c.f === "und" || SPEECH.has(c.f)) return i;
  }
  return i;
}

/** A title, then a known person, a name, or a role phrase with the name in apposition. */
function personAfterTitle(sc: SentenceScan, i: number, w: Word, title: string): number {
  const { lex, words, gazAt, blocked, text, authors } = sc;
  const pre = prefixAffiliation(lex, w);
  const before = affiliationBefore(lex, words, i, gazAt);
  const next = gazAt[i + 1];
  // Title + known person.
  if (next && next.entry.kind === "person") {
    const m = emit(sc, { type: "actor", kind: "person", key: next.entry.key, role: roleOf(w, title), via: "gazetteer:person+title", name: textOf(words, i + 1, next.end, text), w0: i + 1, w1: next.end, ...aff(pre ?? before), ...(next.entry.genitive ? { genitive: true } : {}) });
    m.name = stripGenitive(m.name, next.entry.genitive);
    return next.end - 1;
  }
  // Title + name.
  const end = nameSpan(lex, words, i + 1, blocked);
  if (end > i + 1 && !authors.has(fold(textOf(words, i + 1, end, text))) && !creditAround(words, i + 1, end)) {
    emit(sc, { type: "actor", kind: "person", role: roleOf(w, title), via: "pattern:title-name", name: textOf(words, i + 1, end, text), w0: i + 1, w1: end, ...aff(pre ?? before) });
    // A plural title with two full names ("Die Außenminister Aram Hovsepjan und Rauf Mammadli"): the second
    // name has the same title.
    if (words[end]?.f === "und" && blocked[end + 1] === undefined && !gazAt[end + 1]) {
      const second = nameSpan(lex, words, end + 1, blocked);
      if (second >= end + 3 && !authors.has(fold(textOf(words, end + 1, second, text))) && !creditAround(words, end + 1, second)) {
        emit(sc, { type: "actor", kind: "person", role: roleOf(w, title), via: "pattern:title-name", name: textOf(words, end + 1, second, text), w0: end + 1, w1: second });
        return second - 1;
      }
    }
    return end - 1;
  }
  return appositionAfterTitle(sc, i, w, title, pre ?? before);
}

/** Verb of saying + name: "sagte Müller", "so Hebestreit". */
function personAfterSpeechVerb(sc: SentenceScan, i: number): number {
  const { lex, words, blocked, text, authors } = sc;
  const j = i + 1;
  const end = nameSpan(lex, words, j, blocked);
  const after = words[end];
  const single = end === j + 1;
  const closes = !after || !after.word || ["dem", "der", "den", "gegenüber", "am", "im", "in", "auf", "bei", "laut", "zufolge", "vor", "nach"].includes(after.f);
  if (end > j && (!single || closes) && !lex.givenNames.has(words[j]!.f) && !creditAround(words, j, end)) {
    const name = textOf(words, j, end, text);
    if (!authors.has(fold(name))) {
      emit(sc, { type: "actor", kind: "person", via: "pattern:speech-name", name, w0: j, w1: end });
      return end - 1;
    }
  }
  return i;
}

/** Pass 2: persons by pattern (they may start on a given name the gazetteer also knows as a place: "Israel Katz"). */
function personAt(sc: SentenceScan, i: number): number {
  const { lex, words, gazAt, blocked, text, authors } = sc;
  const w = words[i]!;
  if (blocked[i] !== undefined || !w.word) return i;
  const g = gazAt[i];
  if (g && g.entry.kind !== "person") return i;
  const title = w.cap ? titleOf(lex, w.f, w.text) : null;
  if (title) return personAfterTitle(sc, i, w, title);
  // Given name + surname.
  if (w.cap && lex.givenNames.has(w.f)) {
    const end = nameSpan(lex, words, i, blocked);
    if (end >= i + 2 && !creditAround(words, i, end)) {
      const name = textOf(words, i, end, text);
      if (!authors.has(fold(name))) {
        emit(sc, { type: "actor", kind: "person", via: "pattern:given-name", name, w0: i, w1: end, ...aff(affiliationBefore(lex, words, i, gazAt)) });
        return end - 1;
      }
    }
  }
  if (!w.cap && SPEECH.has(w.f) && i + 1 < words.length && !gazAt[i + 1]) return personAfterSpeechVerb(sc, i);
  return i;
}

/** A lexicon name not taken by a person pattern. */
function gazetteerMention(sc: SentenceScan, i: number, g: GazMatch): number {
  const { lex, words, blocked, text, gazAt } = sc;
  for (let k = i; k < g.end; k++) if (blocked[k] !== undefined) return i;
  const e = g.entry;
  const name = stripGenitive(textOf(words, i, g.end, text), e.genitive);
  const next = words[g.end];
  const modifier = !!(e.genitive && next?.cap && (titleOf(lex, next.f) || lex.capitalWords.has(next.f)));
  const base = { name, w0: i, w1: g.end, ...(e.genitive ? { genitive: true } : {}), ...(modifier ? { modifier: true } : {}) };
  switch (e.kind) {
    case "country":
      emit(sc, { ...base, type: "both", kind: "state", key: e.key, place: e.place!, state: e.state!, via: "gazetteer:country" });
      break;
    case "city":
    case "region":
      emit(sc, { ...base, type: "place", key: e.key, place: e.place!, ...(e.state ? { state: e.state } : {}), via: `gazetteer:${e.kind}` });
      break;
    case "seat":
      emit(sc, { ...base, type: "both", kind: "state", key: e.key, place: e.place!, state: e.state!, via: "gazetteer:seat" });
      break;
    case "org":
      emit(sc, { ...base, type: "actor", kind: lex.actors.get(e.key)?.kind ?? "organisation", key: e.key, via: "gazetteer:org" });
      break;
    case "media":
      emit(sc, { ...base, type: "actor", kind: "media", key: e.key, via: "gazetteer:media" });
      break;
    case "person":
      emit(sc, { ...base, type: "actor", kind: "person", key: e.key, via: "gazetteer:person", ...aff(affiliationBefore(lex, words, i, gazAt)) });
      break;
  }
  return g.end - 1;
}

/** "US-Hauptstadt", "die iranische Hauptstadt", "Hauptstadt Irans". */
function capitalMention(sc: SentenceScan, i: number, w: Word, dash: number): void {
  const { lex, words, gazAt, text } = sc;
  const owner = (dash > 0 ? prefixAffiliation(lex, w) : undefined) ?? (lex.demonyms.get(words[i - 1]?.f ?? ""));
  const iso = owner?.startsWith("state:") ? owner.slice(6) : undefined;
  const cap = iso ? lex.capitalOf.get(iso) : undefined;
  const following = gazAt[i + 1];
  if (cap && !(following && (following.entry.kind === "city"))) {
    const w0 = dash > 0 ? i : i - 1;
    emit(sc, { type: "place", key: cap, place: cap, state: iso!, name: textOf(words, w0, i + 1, text), w0, w1: i + 1, via: "pattern:capital" });
  }
}

/** Whether word `i` is the first word of its sentence, or follows a colon. */
function opensSentence(words: Word[], i: number): boolean {
  if (words[i - 1]?.text === ":") return true;
  for (let k = 0; k < i; k++) if (words[k]!.word) return false;
  return true;
}

/** Demonym + (adjective) + government noun or title without a name: "die iranische Führung", "dem katarischen Premierminister". */
function demonymGroup(sc: SentenceScan, i: number, dem: string): number {
  const { lex, words, gazAt, text, out } = sc;
  for (let k = i + 1; k <= Math.min(i + 2, words.length - 1); k++) {
    const n = words[k]!;
    if (!n.word) break;
    const isGov = lex.governmentNouns.has(n.f);
    const t = n.cap ? titleOf(lex, n.f) : null;
    if (isGov || (t && !isNameWord(lex, words[k + 1]) && gazAt[k + 1]?.entry.kind !== "person" && !hasPersonAt(out, sc.sentence, words, k + 1))) {
      const anonymous = PERSONLIKE_GOV.has(n.f) || !!t;
      emit(sc, { type: "actor", kind: dem.startsWith("state:") ? "state" : "organisation", key: dem, name: textOf(words, i, k + 1, text), w0: i, w1: k + 1, via: "pattern:demonym-group", ...(anonymous ? { anonymous: true } : {}) });
      return k;
    }
    if (n.cap) break;
  }
  return i;
}

/** Organisation noun + name: Think Tank „United Against Nuclear Iran“, Denkfabrik Carnegie. */
function organisationAfterNoun(sc: SentenceScan, i: number, orgNoun: number): number {
  const { lex, words, blocked, text } = sc;
  let j = i + orgNoun;
  const quoted = words[j] && /^[„“"»«‚]$/.test(words[j]!.text);
  if (quoted) j += 1;
  let k = j;
  while (k < words.length && k < j + 8 && words[k]!.word && (words[k]!.cap || (quoted && /^(?:of|for|the|and|für|und|der|die|des)$/.test(words[k]!.f)))) k++;
  if (quoted && !/^[“”"«»‘’]$/.test(words[k]?.text ?? "")) k = j;
  // One name word counts when it reads as a name, not a noun: "die Menschenrechtsorganisation Hengaw meldete".
  const singleName = k === j + 1 && isNameWord(lex, words[j]) && !words[k]?.cap;
  if (k > j && (quoted || k - j >= 2 || singleName) && !blocked.slice(j, k).some((b) => b !== undefined)) {
    const name = textOf(words, j, k, text);
    emit(sc, { type: "actor", kind: "organisation", key: `org:${slug(name)}`, name, w0: j, w1: k, via: "pattern:org-noun" });
    return k;
  }
  return i;
}

/** Pass 3: lexicon names not taken by a person pattern; collective references; capitals; organisations. */
function placeOrGroupAt(sc: SentenceScan, i: number): number {
  const { lex, words, gazAt, blocked } = sc;
  if (blocked[i] !== undefined) return i;
  const w = words[i]!;
  const g = gazAt[i];
  if (g) return gazetteerMention(sc, i, g);
  if (!w.word) return i;
  // A city's adjective before a noun: "die Genfer Gespräche" take place in Genf ("die Teheraner Führung" is the state's).
  const next = words[i + 1];
  if (w.cap && w.f.length > 5 && w.f.endsWith("er") && next?.cap && next.word && !lex.governmentNouns.has(next.f)) {
    const city = lex.byFirst.get(w.f.slice(0, -2))?.find((e) => e.kind === "city" && e.words.length === 1);
    if (city?.place) {
      emit(sc, { type: "place", key: city.key, place: city.place, name: w.text, w0: i, w1: i + 1, via: "pattern:city-adjective", attributive: true });
      return i;
    }
  }
  const dash = w.text.indexOf("-");
  // A lower-case word without a hyphen can only be a demonym ("die iranische Führung").
  if (!w.cap && dash < 0 && (w.f.length < 5 || !lex.demonyms.has(w.f))) return i;
  const head = dash > 0 ? fold(w.text.slice(dash + 1)) : w.f;
  if (lex.capitalWords.has(head)) {
    capitalMention(sc, i, w, dash);
    return i;
  }
  // Prefix + government noun in one word: US-Militär, US-Beamte, US-Delegation.
  if (dash > 0 && (lex.governmentNouns.has(head) || titleOf(lex, w.f))) {
    const owner = prefixAffiliation(lex, w);
    // A title before a name is the person's ("US-Präsident Donald Trump"); a government noun is the state's anyway.
    const isTitle = !lex.governmentNouns.has(head);
    const nextIsName = isTitle && (isNameWord(lex, words[i + 1]) || gazAt[i + 1]?.entry.kind === "person");
    if (owner && !nextIsName) {
      const anonymous = PERSONLIKE_GOV.has(head) || !!titleOf(lex, w.f);
      emit(sc, { type: "actor", kind: owner.startsWith("state:") ? "state" : "organisation", key: owner, name: w.text, w0: i, w1: i + 1, via: "pattern:prefix-group", ...(anonymous ? { anonymous: true } : {}) });
      return i;
    }
  }
  const dem = lex.demonyms.get(w.f);
  // Capitalised only where a sentence or a clause after a colon starts ("Iranische Behörden verweigerten …").
  if (dem && (!w.cap || opensSentence(words, i))) return demonymGroup(sc, i, dem);
  // Peoples: "die Amerikaner".
  const people = w.cap ? lex.peoples.get(w.text) : undefined;
  if (people) {
    emit(sc, { type: "actor", kind: people.startsWith("state:") ? "state" : "organisation", key: people, name: w.text, w0: i, w1: i + 1, via: "pattern:people", anonymous: true });
    return i;
  }
  const orgNoun = !w.cap ? 0 : lex.orgNouns.has(w.f) || isOrgNounCompound(lex, w.f) ? 1 : lex.orgNouns.has(`${w.f} ${words[i + 1]?.f ?? ""}`) ? 2 : 0;
  if (orgNoun) return organisationAfterNoun(sc, i, orgNoun);
  return i;
}

interface ScannedSentence {
  words: Word[];
  blocked: (number | undefined)[];
  gazAt: (GazMatch | undefined)[];
}

/** Pass 4: a surname alone (or its genitive) refers to a person named in full elsewhere in the article. */
function linkSurnames(lex: Lexicon, text: string, sentences: Sentence[], perSentence: ScannedSentence[], personNames: Map<string, string>, out: Mention[]): void {
  for (const s of sentences) {
    const { words, blocked } = perSentence[s.index]!;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (blocked[i] !== undefined || !w.cap || !w.word) continue;
      let full = personNames.get(w.f);
      let genitive = false;
      if (!full && w.f.endsWith("s")) {
        full = personNames.get(w.f.slice(0, -1));
        genitive = !!full;
      }
      // Two-word surnames: "Al Ansari".
      let end = i + 1;
      const two = `${w.f} ${words[i + 1]?.f ?? ""}`;
      if (personNames.has(two) && blocked[i + 1] === undefined) {
        full = personNames.get(two);
        end = i + 2;
        genitive = false;
      }
      if (!full) continue;
      const name = stripGenitive(textOf(words, i, end, text), genitive);
      const mention: Mention = {
        type: "actor", kind: "person", via: "pattern:surname", name, w0: i, w1: end,
        start: w.start, end: words[end - 1]!.end, text: textOf(words, i, end, text), sentence: s.index,
        before: wordsBefore(words, i), ...(genitive ? { genitive: true } : {}),
      };
      const t = i > 0 && words[i - 1]!.cap ? titleOf(lex, words[i - 1]!.f, words[i - 1]!.text) : null;
      if (t) mention.role = roleOf(words[i - 1]!, t);
      out.push(mention);
      for (let k = i; k < end; k++) blocked[k] = out.length - 1;
      i = end - 1;
    }
  }
}

/**
 * Pass 6: a town no gazetteer lists, after a locative preposition or a settlement noun ("in Pahalgam",
 * "die Grenzstadt Hrubieszów"): GeoNames, where the name is unambiguous or its country is named in the article.
 */
function findUnlistedTowns(lex: Lexicon, text: string, sentences: Sentence[], perSentence: ScannedSentence[], out: Mention[]): void {
  const countries = new Set<string>();
  for (const m of out) {
    if (m.state) countries.add(m.state);
    const country = m.place ? lex.places.get(m.place)?.country : undefined;
    if (country) countries.add(country);
  }
  for (const s of sentences) {
    const { words, blocked, gazAt } = perSentence[s.index]!;
    const towns = new Set<number>();
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (blocked[i] !== undefined && out[blocked[i]!]?.type === "place") towns.add(i);
      if (blocked[i] !== undefined || gazAt[i] || !w.cap || !w.word || lex.stopwords.has(w.f) || !isTownCue(words, i, lex.demonyms, towns)) continue;
      const end = nameSpan(lex, words, i, blocked);
      for (let e = end; e > i; e--) {
        const name = textOf(words, i, e, text);
        const town = townNamed(name, countries);
        if (!town) continue;
        const key = `place:${slug(town.name)}-${town.country.toLowerCase()}`;
        // The lexicon learns the town, so later stages (resolve, map) treat it as any listed place.
        if (!lex.places.has(key)) lex.places.set(key, { key, name: town.name, aliases: [town.name], lat: town.lat, lon: town.lon, country: town.country, precision: "city", seat: null });
        out.push({
          type: "place", key, place: key, via: "geonames:town", name, w0: i, w1: e, start: w.start, end: words[e - 1]!.end,
          text: name, sentence: s.index, before: wordsBefore(words, i),
        });
        for (let k = i; k < e; k++) blocked[k] = out.length - 1;
        towns.add(e - 1);
        i = e - 1;
        break;
      }
    }
  }
}

/** Pass 5: a bare body ("im Senat") is the one body of that kind the article names with its owner. */
function resolveBareBodies(bareBodies: { sentence: number; w: number; noun: string }[], orgSpans: OrgSpan[], perSentence: ScannedSentence[], out: Mention[]): void {
  const owned = bareBodies.length ? ownedBodies(orgSpans) : new Map<string, OrgSpan>();
  for (const b of bareBodies) {
    const body = owned.get(b.noun);
    const { words, blocked } = perSentence[b.sentence]!;
    const w = words[b.w]!;
    if (!body || blocked[b.w] !== undefined) continue;
    out.push({
      type: "actor", kind: "organisation", key: body.key, via: "pattern:org-institution", name: w.text, entityName: body.entityName,
      w0: b.w, w1: b.w + 1, start: w.start, end: w.end, text: w.text, sentence: b.sentence, before: wordsBefore(words, b.w),
      ...aff(body.affiliation),
    });
    blocked[b.w] = out.length - 1;
  }
}

export function findMentions(input: MentionInput): Mention[] {
  const { text, sentences, lexicon: lex } = input;
  const authors = new Set((input.authors ?? []).map(fold));
  const out: Mention[] = [];
  const personNames = new Map<string, string>(); // folded surname → full name, for the linking pass
  const perSentence: ScannedSentence[] = [];
  const acronyms = definedAcronyms(lex, sentences);
  const orgSpans: OrgSpan[] = [];
  const bareBodies: { sentence: number; w: number; noun: string }[] = [];

  for (const s of sentences) {
    const sentenceFirst = out.length;
    const words = wordsOf(s);
    const gazAt: (GazMatch | undefined)[] = new Array(words.length);
    const blocked: (number | undefined)[] = new Array(words.length);
    const sc: SentenceScan = { lex, text, authors, sentence: s.index, words, gazAt, blocked, out };

    markGazetteerMatches(lex, words, gazAt);
    for (let i = 0; i < words.length; i++) i = personAt(sc, i);

    // Pass 2b: organisations introduced by an acronym or named as a state's body (before pass 3, which would
    // read "die sudanesischen Streitkräfte (SAF)" as the state).
    const orgs = organisationSpans(lex, words, blocked, gazAt, acronyms);
    for (const o of orgs.spans) {
      emit(sc, { type: "actor", kind: "organisation", key: o.key, name: o.name, entityName: o.entityName, via: o.via, w0: o.w0, w1: o.w1, ...aff(o.affiliation) });
      orgSpans.push(o);
    }
    for (const b of orgs.bare) bareBodies.push({ sentence: s.index, ...b });

    for (let i = 0; i < words.length; i++) i = placeOrGroupAt(sc, i);

    for (let k = sentenceFirst; k < out.length; k++) {
      const m = out[k]!;
      if (m.kind === "person" && !m.key) {
        const parts = m.name.split(/\s+/);
        if (parts.length >= 2) registerSurname(personNames, parts, m.name);
      }
    }
    perSentence.push({ words, blocked, gazAt });
  }

  if (personNames.size) linkSurnames(lex, text, sentences, perSentence, personNames, out);
  findUnlistedTowns(lex, text, sentences, perSentence, out);
  resolveBareBodies(bareBodies, orgSpans, perSentence, out);

  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

function wordsBefore(words: Word[], i: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) out.push(words[k]!.f);
  return out;
}

function hasPersonAt(out: Mention[], sentence: number, words: Word[], k: number): boolean {
  const w = words[k];
  if (!w) return false;
  for (let i = out.length - 1; i >= 0 && out[i]!.sentence === sentence; i--) if (out[i]!.kind === "person" && out[i]!.start === w.start) return true;
  return false;
}

function registerSurname(map: Map<string, string>, parts: string[], full: string) {
  const last = fold(parts[parts.length - 1]!);
  map.set(last, full);
  const bare = last.replace(/^(?:al|el|as|ad|an|ar|at|az|ash|asch|ul|bin|ibn|ben|abu)-/, "");
  if (bare !== last) map.set(bare, full);
  // A particle before the surname belongs to it: "Al Ansari", "von der Leyen".
  const before = parts[parts.length - 2];
  if (before && (PARTICLES.has(before) || CAP_PARTICLES.has(before))) map.set(`${fold(before)} ${last}`, full);
}

function stripGenitive(name: string, genitive?: boolean): string {
  return genitive && name.endsWith("s") ? name.slice(0, -1) : name;
}

function aff(a: string | undefined): { affiliation?: string } {
  return a ? { affiliation: a } : {};
}

/** The role a title word names, in its base form (titleOf already computed it). */
function roleOf(_w: Word, title: string): string {
  return title;
}

/** Photo credits glue a name to an agency with a slash: "Kemal Aslan/REUTERS", "IMAGO/Avi Ohayon". */
function creditAround(words: Word[], a: number, b: number): boolean {
  return words[a - 1]?.text === "/" || words[b]?.text === "/";
}
