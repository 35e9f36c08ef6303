/**
 * Stage 3: German sentence splitting with exact offsets into the cleaned text.
 *
 * Rules (all general, none keyed to a particular article):
 * - `.`, `!`, `?`, `…` end a sentence when followed (after optional closing quotes/brackets) by whitespace and
 *   then an upper-case letter, a digit or an opening quote/bracket. A lower-case continuation never starts a sentence.
 * - A period after an abbreviation (data/sentences-abbreviations.json), a single letter (initials, "z. B.")
 *   or an ordinal number ("am 2. Februar", "die 6. Runde", "06. Februar") does not end a sentence.
 * - No split inside an open quotation („…“ »…« «…» “…” "…"), unless the quotation runs longer than
 *   `maxQuoteLength` characters (an unbalanced quote must not swallow the article).
 * - A line break ends a sentence (headlines, subheads and datelines carry no final punctuation), except when the
 *   next line starts with a lower-case letter or the text is hard-wrapped (detected from its line lengths).
 * - Sentences longer than `maxLength` are cut at whitespace, so a text without punctuation stays usable.
 * Invariant: `sentence.text === text.slice(sentence.start, sentence.end)`; sentences are trimmed and never empty.
 */
import type { Sentence } from "@lagebild/model";
import abbreviationData from "../../data/sentences-abbreviations.json" with { type: "json" };
import dateWords from "../../data/dates-de.json" with { type: "json" };

export interface SplitOptions {
  /** Cut sentences longer than this at whitespace (default 1500 characters). */
  maxLength?: number;
  /** Stop protecting a quotation that is still open after this many characters (default 600). */
  maxQuoteLength?: number;
}

const ABBREVIATIONS = new Set(abbreviationData.abbreviations);
const MULTIPART = new Set(abbreviationData.multipart.flatMap((a) => [a, a.toLowerCase()]));
const ORDINAL_FOLLOWERS = new Set([
  ...abbreviationData.ordinalFollowers,
  ...Object.keys(dateWords.months).map((m) => m[0]!.toUpperCase() + m.slice(1)),
]);
/** Words before a one-letter name (the platform X, "Plan B") rather than an initial. */
const LETTER_NAME_AFTER = /^(?:auf|bei|via|über|uber|an|in|im|von|vom|mit|Plan|Punkt|Kategorie)$/;
const ORDINAL_PRECEDERS = new Set(abbreviationData.ordinalPreceders);

const TERMINAL = new Set([".", "!", "?", "…"]);
const CLOSERS_AFTER_PUNCT = new Set(["”", "“", '"', "»", "«", "’", "‘", ")", "]", "'"]);
const OPENERS_BEFORE_SENTENCE = new Set(["„", "»", "«", '"', "“", "‚", "‘", "(", "[", "'", "–", "—", "-"]);

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\u00a0" || c === "\u2009" || c === "\u202f";
/** Any whitespace, line breaks included (a fast `/\s/.test`). */
function isWs(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
const isDigit = (c: string) => c >= "0" && c <= "9";
const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Line {
  start: number;
  end: number; // exclusive, before the newline
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) {
      lines.push({ start, end: text.length });
      return lines;
    }
    lines.push({ start, end: nl });
    start = nl + 1;
  }
}

function trimmedEnd(text: string, line: Line): string {
  let e = line.end;
  while (e > line.start && isWs(text.charCodeAt(e - 1))) e--;
  return e > line.start ? text[e - 1]! : "";
}

function firstChar(text: string, line: Line): string {
  let s = line.start;
  while (s < line.end && isWs(text.charCodeAt(s))) s++;
  return s < line.end ? text[s]! : "";
}

const lineEndsSentence = (c: string) => TERMINAL.has(c) || CLOSERS_AFTER_PUNCT.has(c) || c === ":" || c === ";";

/**
 * Hard-wrapped text (e-mail, plain-text exports): most lines are about as long as the longest one and
 * many end without punctuation while the paragraph goes on.
 */
function isHardWrapped(text: string, lines: Line[]): boolean {
  const nonBlank = lines.filter((l) => firstChar(text, l) !== "");
  if (nonBlank.length < 4) return false;
  const lengths = nonBlank.map((l) => l.end - l.start);
  const max = Math.max(...lengths);
  if (max > 110 || max < 40) return false;
  let open = 0;
  let nearMax = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const l = lines[i]!;
    const next = lines[i + 1]!;
    if (firstChar(text, l) === "" || firstChar(text, next) === "") continue;
    if (!lineEndsSentence(trimmedEnd(text, l))) open += 1;
    if (l.end - l.start >= max - 20) nearMax += 1;
  }
  return open >= Math.max(2, nonBlank.length * 0.3) && nearMax >= nonBlank.length * 0.5;
}

/** For each line, whether the line break after it ends a sentence. */
function lineBreaks(text: string, lines: Line[]): boolean[] {
  const wrapped = isHardWrapped(text, lines);
  return lines.map((line, i) => {
    const next = lines[i + 1];
    if (!next) return true;
    const last = trimmedEnd(text, line);
    const nextFirst = firstChar(text, next);
    if (last === "" || nextFirst === "") return true; // blank line: paragraph boundary
    if (isLower(nextFirst)) return false; // continuation of a wrapped sentence
    if (wrapped && !lineEndsSentence(last)) return false;
    return true;
  });
}

/** The word (letters, digits, inner dots) that ends right before position `dot`. */
function wordBefore(text: string, dot: number): string {
  let s = dot;
  while (s > 0) {
    const c = text[s - 1]!;
    if (isLetterOrDigit(c) || c === "." || c === "-") s--;
    else break;
  }
  return text.slice(s, dot).replace(/^[.-]+/, "");
}

function previousWord(text: string, dot: number, word: string): string {
  let e = dot - word.length;
  while (e > 0 && isSpace(text[e - 1])) e--;
  let s = e;
  while (s > 0 && isLetterOrDigit(text[s - 1])) s--;
  return text.slice(s, e);
}

function nextWord(text: string, from: number): string {
  let s = from;
  while (s < text.length && isSpace(text[s])) s++;
  let e = s;
  while (e < text.length && isLetterOrDigit(text[e])) e++;
  return text.slice(s, e);
}

/** Whether the period at `dot` belongs to an abbreviation, initial or ordinal rather than ending a sentence. */
function periodIsPartOfWord(text: string, dot: number, after: number): boolean {
  const word = wordBefore(text, dot);
  if (!word) return false;
  if (MULTIPART.has(word) || ABBREVIATIONS.has(word)) return true;
  if (word.includes(".") && /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(word)) return true; // z.B, u.a, U.S, i.d.R
  // Initials and "z. B." — but a capital after a preposition is a name of its own: "schrieb er auf X. Jedes …".
  if (/^\p{L}$/u.test(word)) return !(/^\p{Lu}$/u.test(word) && LETTER_NAME_AFTER.test(previousWord(text, dot, word)));
  if (/^\d+$/.test(word)) {
    const following = nextWord(text, after);
    if (ORDINAL_FOLLOWERS.has(following)) return true;
    if (word.length <= 2 && ORDINAL_PRECEDERS.has(previousWord(text, dot, word))) return true;
    // "am Freitag, 6. Februar" — the digits right after a weekday comma
    if (word.length <= 2 && /^\d{1,2}\.\d{1,2}$/.test(following)) return true;
  }
  return false;
}

interface OpenQuote {
  closers: string;
  pos: number;
}

/** Updates the quotation stack for character `c` at `i`. */
function trackQuote(stack: OpenQuote[], text: string, i: number, c: string): void {
  const top = stack[stack.length - 1];
  if (top && top.closers.includes(c)) {
    // An apostrophe inside a word (don’t, Obama’s) does not close a quotation.
    if ((c === "’" || c === "‘") && isLetterOrDigit(text[i + 1]) && isLetterOrDigit(text[i - 1])) return;
    stack.pop();
    return;
  }
  switch (c) {
    case "„":
      stack.push({ closers: "“”\"", pos: i });
      break;
    case "»":
      stack.push({ closers: "«", pos: i });
      break;
    case "«":
      stack.push({ closers: "»", pos: i });
      break;
    case "“":
      stack.push({ closers: "”“", pos: i });
      break;
    case "”":
    case '"':
      // A straight or right quote with nothing open opens a quotation only where a quotation can start.
      if (i === 0 || /[\s([:–—-]/.test(text[i - 1]!)) stack.push({ closers: c === '"' ? '"' : "”“", pos: i });
      break;
    case "‚":
      stack.push({ closers: "‘’", pos: i });
      break;
    case "‘":
      if (i === 0 || /[\s(]/.test(text[i - 1]!)) stack.push({ closers: "’‘", pos: i });
      break;
    default:
      break;
  }
}

const QUOTE_CHARS = new Set(["„", "»", "«", "“", "”", '"', "‚", "‘", "’"]);

/** Splits cleaned text into sentences with exact offsets. */
export function splitSentences(text: string, options: SplitOptions = {}): Sentence[] {
  const maxLength = options.maxLength ?? 1500;
  const maxQuoteLength = options.maxQuoteLength ?? 600;
  const sentences: Sentence[] = [];
  const lines = linesOf(text);
  const breaks = lineBreaks(text, lines);

  let sentStart = -1;
  let lastNonSpace = -1;
  let lastSpace = -1;
  const stack: OpenQuote[] = [];

  const emit = (end: number) => {
    if (sentStart < 0) return;
    let e = end;
    while (e > sentStart && isWs(text.charCodeAt(e - 1))) e--;
    if (e > sentStart) sentences.push({ index: sentences.length, start: sentStart, end: e, text: text.slice(sentStart, e) });
    sentStart = -1;
    lastSpace = -1;
  };

  let lineIndex = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (breaks[lineIndex]) {
        emit(lastNonSpace + 1);
        stack.length = 0;
      } else {
        lastSpace = i;
      }
      lineIndex += 1;
      continue;
    }
    if (isWs(code)) {
      lastSpace = i;
      continue;
    }
    if (sentStart < 0) sentStart = i;
    lastNonSpace = i;

    // Force a cut in a run-on text without punctuation.
    if (i - sentStart > maxLength && lastSpace > sentStart) {
      const cut = lastSpace;
      emit(cut);
      sentStart = cut + 1;
      while (sentStart < i && isWs(text.charCodeAt(sentStart))) sentStart++;
      stack.length = 0;
      continue;
    }
    const isQuote = code === 0x22 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x201e);
    const isTerminal = code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
    if (!isQuote && !isTerminal) continue; // the common case: a letter, digit or other mark
    const c = text[i]!;
    if (isQuote) {
      if (QUOTE_CHARS.has(c)) trackQuote(stack, text, i, c);
      const top = stack[stack.length - 1];
      if (top && i - top.pos > maxQuoteLength) stack.length = 0;
      continue;
    }
    // Consume the whole punctuation run and any closing quotes/brackets after it.
    let j = i;
    while (j + 1 < text.length && TERMINAL.has(text[j + 1]!)) j++;
    let k = j + 1;
    while (k < text.length && CLOSERS_AFTER_PUNCT.has(text[k]!)) k++;
    for (let q = i + 1; q < k; q++) {
      const qc = text[q]!;
      if (QUOTE_CHARS.has(qc)) trackQuote(stack, text, q, qc);
    }
    const boundaryEnd = k;
    i = k - 1;
    lastNonSpace = k - 1;
    // Must be followed by horizontal whitespace; a line end is handled by the line-break rule.
    if (!isSpace(text[boundaryEnd])) continue;
    let n = boundaryEnd;
    while (n < text.length && isSpace(text[n])) n++;
    const nextChar = text[n];
    if (nextChar === undefined || nextChar === "\n") continue;
    if (!(isUpper(nextChar) || isDigit(nextChar) || OPENERS_BEFORE_SENTENCE.has(nextChar))) continue;
    if (c === "." && j === i && periodIsPartOfWord(text, i, boundaryEnd)) continue;
    const open = stack[stack.length - 1];
    if (open && boundaryEnd - open.pos <= maxQuoteLength) continue;
    if (open) stack.length = 0;
    emit(boundaryEnd);
  }
  emit(lastNonSpace + 1);
  return sentences;
}

export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Code-point classes for `tokenize`: letter or digit, whitespace, anything else (one punctuation token each). */
const UNKNOWN = 0;
const WORD = 1;
const SPACE = 2;
const OTHER = 3;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const WHITESPACE = /^\s$/u;
/** The class of every BMP code unit, looked up by the regexes above on first sight (tokenizing runs on every sentence). */
const bmpClass = new Uint8Array(0x10000);
function classOf(cp: number): number {
  if (cp > 0xffff) return classByRegex(String.fromCodePoint(cp));
  let c = bmpClass[cp]!;
  if (c === UNKNOWN) bmpClass[cp] = c = classByRegex(String.fromCharCode(cp));
  return c;
}
function classByRegex(ch: string): number {
  return LETTER_OR_DIGIT.test(ch) ? WORD : WHITESPACE.test(ch) ? SPACE : OTHER;
}
/** Characters joining two runs of letters or digits into one word: "US-Sondergesandte", "06.02.2026", "Schi'a". */
const isJoiner = (code: number) => code === 0x2d || code === 0x27 || code === 0x2019 || code === 0x2e;
const codePointLength = (cp: number) => (cp > 0xffff ? 2 : 1);

/**
 * Words (hyphenated compounds and dotted numbers kept whole: "US-Sondergesandte", "06.02.2026") and single
 * punctuation marks, with offsets. `offset` is added to every position (pass `sentence.start` to get text offsets).
 * Tokens are what `/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu` matches, scanned without the regex.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const cls = classOf(cp);
    if (cls === SPACE) {
      i += codePointLength(cp);
      continue;
    }
    const start = i;
    i += codePointLength(cp);
    if (cls === WORD) {
      for (;;) {
        while (i < n && classOf(text.codePointAt(i)!) === WORD) i += codePointLength(text.codePointAt(i)!);
        // A joiner continues the word only when a letter or digit follows it.
        if (i + 1 < n && isJoiner(text.charCodeAt(i)) && classOf(text.codePointAt(i + 1)!) === WORD) i += 1;
        else break;
      }
    }
    tokens.push({ start: offset + start, end: offset + i, text: text.slice(start, i) });
  }
  return tokens;
}
