/**
 * Small text helpers shared by the extraction stages (mentions, resolve, events, quotes, positions):
 * folding for case- and accent-insensitive lookups, slugs for entity keys, and per-sentence word tokens.
 */
import type { Sentence } from "@lagebild/model";
import { tokenize } from "./stages/sentences.ts";

const foldMemo = new Map<string, string>();
const ASCII = /^[\x00-\x5f\x61-\x7f]*$/;

/** Lower-case, without accents, ß → ss, typographic apostrophes straightened: the lookup form of a word. */
export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  const short = s.length <= 40;
  if (short) {
    const hit = foldMemo.get(s);
    if (hit !== undefined) return hit;
  }
  const out = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ß/g, "ss").replace(/[’‘`´]/g, "'");
  if (short) {
    if (foldMemo.size > 200_000) foldMemo.clear();
    foldMemo.set(s, out);
  }
  return out;
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
  return tokenize(sentence.text, sentence.start).map((t, i) => ({
    text: t.text,
    start: t.start,
    end: t.end,
    f: fold(t.text),
    i,
    cap: UPPER.test(t.text),
    word: WORDY.test(t.text),
  }));
}
