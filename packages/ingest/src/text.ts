/**
 * Small text helpers shared by the extraction stages (mentions, resolve, events, quotes, positions):
 * folding for case- and accent-insensitive lookups, slugs for entity keys, and per-sentence word tokens.
 */
import type { Sentence } from "@lagebild/model";
import { tokenize } from "./stages/sentences.ts";

const foldMemo = new Map<string, string>();
/** ASCII without the backtick (which folds to an apostrophe): folding is lower-casing. */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || c === 0x60) return false;
  }
  return true;
}

/** The definition of `fold`, for any string. */
export function foldSlowly(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ß/g, "ss").replace(/[’‘`´]/g, "'");
}

/**
 * `foldSlowly` of each character of the alphabets news text is written in: Latin (with Latin-1 and Latin Extended),
 * combining accents and general punctuation (dashes, typographic quotes, ellipsis). For strings of only these
 * characters folding works character by character (test/fold.test.ts checks every pair), so a long sentence is
 * folded by table look-ups instead of normalising it.
 */
export const FOLD_TABLE_END = 0x2070;
const FOLD_TABLE: (string | undefined)[] = new Array<string | undefined>(FOLD_TABLE_END);
for (let c = 0; c < FOLD_TABLE_END; c++) {
  if (c < 0x250 || (c >= 0x300 && c < 0x370) || c >= 0x2000) FOLD_TABLE[c] = foldSlowly(String.fromCharCode(c));
}

/** Characters `foldSlowly` leaves as they are (lower-case letters, digits, spaces, most punctuation). */
const FOLDS_TO_ITSELF = new Uint8Array(FOLD_TABLE_END);
for (let c = 0; c < FOLD_TABLE_END; c++) if (FOLD_TABLE[c] === String.fromCharCode(c)) FOLDS_TO_ITSELF[c] = 1;

function foldByTable(s: string): string | null {
  // Runs of characters that fold to themselves are copied as slices, not character by character.
  let out = "";
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FOLD_TABLE_END && FOLDS_TO_ITSELF[c]) continue;
    const folded = c < FOLD_TABLE_END ? FOLD_TABLE[c] : undefined;
    if (folded === undefined) return null;
    out += runStart < i ? s.slice(runStart, i) + folded : folded;
    runStart = i + 1;
  }
  return runStart === 0 ? s : out + s.slice(runStart);
}

/** Lower-case, without accents, ß → ss, typographic apostrophes straightened: the lookup form of a word. */
export function fold(s: string): string {
  if (isPlainAscii(s)) return s.toLowerCase();
  const short = s.length <= 40;
  if (short) {
    const hit = foldMemo.get(s);
    if (hit !== undefined) return hit;
  }
  const out = foldByTable(s) ?? foldSlowly(s);
  if (short) {
    if (foldMemo.size > 200_000) foldMemo.clear();
    foldMemo.set(s, out);
  }
  return out;
}

const NO_MATCHES: RegExpExecArray[] = [];

/**
 * Every match of the global regex `re` in `s`, as `s.matchAll(re)` yields them for a regex at lastIndex 0, without
 * the copy of the regex and the iterator matchAll makes on each call (dates and positions match per sentence).
 * `re.lastIndex` is 0 again afterwards. `when` false skips the search (a cheap pre-test said nothing can match).
 */
export function matchesOf(re: RegExp, s: string, when = true): RegExpExecArray[] {
  if (!when) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    // An empty match would be found again: step past it (by a code point in unicode mode, as matchAll does).
    if (m[0] === "") re.lastIndex = advanceIndex(s, re.lastIndex, re.unicode);
  }
  return out;
}

function advanceIndex(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

/** Slug for an entity key: folded, non-letters to single hyphens. */
export function slug(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "") || "x";
}

export interface Word {
  text: string;
  start: number;
  end: number;
  /** fold(text) */
  f: string;
  /** Index of the word in its sentence. */
  i: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A letter or digit word (not punctuation). */
  word: boolean;
}

const UPPER = /^\p{Lu}/u;
const WORDY = /^[\p{L}\p{N}]/u;

/** Per BMP code unit: 0 not looked up yet, else bit 1 set when upper-case, bit 2 set when a letter or digit. */
const startClass = new Uint8Array(0x10000);
const UPPER_BIT = 2;
const WORDY_BIT = 4;
/** `UPPER.test(s)` and `WORDY.test(s)` as bits, looked up by the first character (words are tokenized per sentence). */
function startBits(s: string): number {
  const c = s.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) return 1 | (UPPER.test(s) ? UPPER_BIT : 0) | (WORDY.test(s) ? WORDY_BIT : 0);
  let bits = startClass[c]!;
  if (!bits) {
    const ch = String.fromCharCode(c);
    startClass[c] = bits = 1 | (UPPER.test(ch) ? UPPER_BIT : 0) | (WORDY.test(ch) ? WORDY_BIT : 0);
  }
  return bits;
}

const wordsMemo = new WeakMap<Sentence, Word[]>();

/** Words of a sentence with offsets into the article text (computed once per sentence object; do not mutate). */
export function wordsOf(sentence: Sentence): Word[] {
  let words = wordsMemo.get(sentence);
  if (!words) {
    words = computeWords(sentence);
    wordsMemo.set(sentence, words);
  }
  return words;
}

/**
 * Drops the memoised words of these sentences. A batch keeps every article's sentences (in its graph), and with them
 * their words, which outweigh the rest of the graph; an article whose analysis is done frees them (asking again
 * recomputes the same words).
 */
export function forgetWords(sentences: Sentence[]): void {
  for (const s of sentences) wordsMemo.delete(s);
}

/** Index of the word containing `offset` (binary search), or -1. */
export function wordIndexAt(words: Word[], offset: number): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid]!;
    if (offset < w.start) hi = mid - 1;
    else if (offset >= w.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function computeWords(sentence: Sentence): Word[] {
  return tokenize(sentence.text, sentence.start).map((t, i) => {
    const bits = startBits(t.text);
    return { text: t.text, start: t.start, end: t.end, f: fold(t.text), i, cap: (bits & UPPER_BIT) !== 0, word: (bits & WORDY_BIT) !== 0 };
  });
}

/** Words ending in -e that are no verb: articles, pronouns, quantifiers, adverbs, common nouns in lower case. */
const NOT_VERB_E = /^(?:sowie|ebenso|alleine|teilweise|beziehungsweise|ganze|grosse|neue|gute|hohe|letzte|erste|zweite|dritte|nachste|einzige|eine|keine|seine|ihre|meine|deine|unsere|eure|jene|diese|jede|welche|solche|manche|alle|beide|viele|einige|wenige|andere|ohne|heute|gerne|bitte|ende|lange|nahe|gerade|weiterhin|ebenfalls|etwa|stunde|woche|runde|seite|rolle|frage|lage|grenze|ebene|linie|reihe|weise|zone|phase|folge|sache|mitte|spitze|ruhe|hilfe|stelle|menge|krise|zukunfte?)$/;

/**
 * Third person singular Konjunktiv I, the mood of reported speech, by its form: "sei", or a verb form ending in -e
 * ("werde", "habe", "müsse", "dürfe", "prüfe") — not an article or adjective (no noun follows it, no article
 * precedes it), not a past tense or participle (-te, -ene, -ige, -liche, -ische).
 */
export function isKonjunktiv(words: Word[], i: number): boolean {
  const w = words[i]!;
  if (!w.word || w.cap && i > 0) return false;
  if (/^(?:sei|seien|seiest)$/.test(w.f)) return true;
  if (!/^[a-z]{3,}e$/.test(w.f) || NOT_VERB_E.test(w.f) || /(?:te|ene|ige|iche|ische|ste|nde|ere|ele|ale|ive|ame)$/.test(w.f)) return false;
  const next = words[i + 1];
  if (next && next.cap && next.word) {
    // "werde Araghtschi treffen" has a name after it, "neue Runde" a noun: a verb needs a word before that is a subject.
    const prev = words[i - 1];
    if (!prev || !(prev.cap || /^(?:er|sie|es|man|dies|das)$/.test(prev.f))) return false;
  }
  const prev = words[i - 1]?.f ?? "";
  return !/^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|sein|seine|ihr|ihre|sehr|so|zu|zur|zum|am|im|um|auf|in|an|mit|von|fur|uber|dieser|diese|jede|jeder|alle|mehr)$/.test(prev);
}
