/**
 * Stage 4: find date expressions in sentences and resolve them.
 *
 * Absolute expressions ("2. Februar 2026", "06.02.2026", "(1.2.2026)", "im Juni 2025", "2025", "February 4, 2026")
 * need no anchor. Everything relative — weekdays, "am Wochenende", "vergangene Woche", "im Januar", "gestern",
 * "im vergangenen Jahr" — is resolved against the publication date (`anchor`) and skipped when there is none
 * (or when the anchor is too coarse for it). "Knapp eine Woche später" / "einen Tag vor …" are resolved against
 * another date expression in the same or the previous sentence (rule `relative-to-previous-date`).
 *
 * Honest precision: a FuzzyDate has only day/month/year precision, so spans that are not one day carry a
 * `window` (inclusive first and last day) on the returned mention:
 * - "am Wochenende": value = the Saturday (precision day), window [Saturday, Sunday].
 * - "vergangene Woche": value = the month (precision month) of the week's Thursday (ISO rule), window [Monday, Sunday].
 * - "Anfang/Mitte/Ende Januar": precision month, window days 1–10 / 11–20 / 21–end.
 * - "in den kommenden Tagen": precision month, window [anchor+1, anchor+7].
 * Words without a date ("jüngst", "zuletzt", "kürzlich") yield nothing.
 *
 * Weekday rules (the anchor is the publication day):
 * - `weekday-before-publication` (default, reported events): the latest such weekday on or before the anchor.
 * - `weekday-planned-after-publication` ("für Freitag geplant", future cues in the clause such as "wird",
 *   "soll", "voraussichtlich"): the first such weekday on or after the anchor.
 * Months without a year ("im Januar") are the latest such month, unless the clause looks ahead (future cues, or
 * a month at most two months ahead with no past-tense cue: rule `month-after-publication`).
 * - `weekday-nearest-publication` (a plan reported in the past: "die für Freitag geplanten Gespräche wurden
 *   abgesagt"): the such weekday nearest the anchor, ties forward.
 * - `weekday-this-week` ("an diesem Dienstag"): that weekday in the anchor's Monday–Sunday week.
 * - `weekday-next` ("am kommenden Freitag") / `weekday-previous` ("am vergangenen Montag").
 * - `weekday-last-week` ("am Mittwoch vergangener Woche") / `weekday-next-week` ("am Freitag nächster Woche"): that
 *   weekday in the week before or after the anchor's.
 */
import type { FuzzyDate, Sentence } from "@lagebild/model";
import type { DateMention } from "../pipeline/types.ts";
import words from "../../data/dates-de.json" with { type: "json" };
import { matchesOf } from "../text.ts";

export type Tense = "past" | "future";

/** A DateMention with the inclusive day window it covers and the tense of its clause. */
export interface FoundDate extends DateMention {
  window: [string, string];
  tense: Tense;
  /** For day-level dates relative to the publication day: how to resolve them against another anchor. */
  relativeDay?: RelativeDay;
}

/** A weekday, weekend or day word resolved against the publication day by `rule` (see `resolveRelativeDay`). */
export interface RelativeDay {
  rule: string;
  weekday?: number;
  offset?: number;
  strict?: boolean;
}

export interface DateAnchor {
  value: string;
}

// ---------------------------------------------------------------------------------------------- calendar helpers

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isoDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}
function toMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}
function fromMs(ms: number): string {
  const d = new Date(ms);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
export function addDays(day: string, n: number): string {
  return fromMs(toMs(day) + n * DAY_MS);
}
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}
/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(toMs(day)).getUTCDay();
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) && y >= 1900 && y <= 2199;
}
function monthValue(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}
function monthWindow(y: number, m: number): [string, string] {
  return [isoDay(y, m, 1), isoDay(y, m, lastDay(y, m))];
}
function shiftMonth(y: number, m: number, by: number): [number, number] {
  const idx = y * 12 + (m - 1) + by;
  return [Math.floor(idx / 12), (idx % 12) + 1];
}
/** Monday of the ISO week containing `day`. */
function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

// ---------------------------------------------------------------------------------------------- word lists

const MONTHS = words.months as Record<string, number>;
const MONTHS_EN = words.monthsEn as Record<string, number>;
const WEEKDAYS = words.weekdays as Record<string, number>;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const byLength = (a: string, b: string) => b.length - a.length;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const FULL_MONTH_NAMES = Object.keys(MONTHS).filter((m) => m.length >= 3 && !["jan", "feb", "febr", "mär", "mrz", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez"].includes(m));
const ABBREVIATED_MONTHS = Object.keys(MONTHS).filter((m) => !FULL_MONTH_NAMES.includes(m));
const MONTH_FULL = FULL_MONTH_NAMES.map(cap).sort(byLength).map(escape).join("|");
const MONTH_ANY = `${MONTH_FULL}|${ABBREVIATED_MONTHS.map((m) => escape(cap(m)) + "\\.").sort(byLength).join("|")}`;
const MONTH_EN = Object.keys(MONTHS_EN).filter((m) => !["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"].includes(m)).map(cap).sort(byLength).join("|");
const WEEKDAY = Object.keys(WEEKDAYS).map(cap).sort(byLength).join("|");
const DAY_PARTS = (words.dayParts as string[]).slice().sort(byLength).join("|");
const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, vierzehn: 14, zwanzig: 20, dreißig: 30,
};
const APPROX_COUNT = ["wenige", "wenigen", "ein paar", "einige", "einigen", "mehrere", "mehreren"];
const NUMBER = `${Object.keys(NUMBER_WORDS).sort(byLength).join("|")}|\\d{1,3}|${APPROX_COUNT.sort(byLength).join("|")}`;
const L = "(?<![\\p{L}\\p{N}])"; // left word boundary (Unicode aware)
const R = "(?![\\p{L}\\p{N}])"; // right word boundary

const re = (source: string, flags = "gu") => new RegExp(source, flags);

const PATTERNS = {
  iso: re(`${L}(\\d{4})-(\\d{2})-(\\d{2})${R}`),
  numeric: re(`(?<![\\d.])(?:(?:am|vom|bis|zum|seit|ab)\\s+)?(?:(${WEEKDAY}),?\\s+(?:den\\s+)?)?(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})(?![\\d])`),
  dayRange: re(`${L}(?:(?:am|Am|vom|Vom|den|dem)\\s+)?(\\d{1,2})\\.\\s*(?:und|bis|–|-|/)\\s*(?:zum\\s+)?(\\d{1,2})\\.\\s*(${MONTH_ANY})(?:(?<=\\.)|${R})(?:\\s*(\\d{4})${R})?`),
  numericNoYear: re(`${L}(?:am|vom|bis|zum|seit|ab|Am|Vom|Bis|Seit|Ab)\\s+(?:(${WEEKDAY}),?\\s+(?:den\\s+)?)?(\\d{1,2})\\.(\\d{1,2})\\.(?![\\d\\p{L}])`),
  dayMonth: re(`${L}(?:(?:am|Am|vom|Vom|bis|Bis|zum|Zum|seit|Seit|ab|Ab)\\s+)?(?:(${WEEKDAY}),?\\s+(?:(?:dem|den)\\s+)?)?(\\d{1,2})\\.?\\s*(${MONTH_ANY})(?:(?<=\\.)|${R})(?:\\s*(\\d{4})${R})?`),
  english: re(`${L}(${MONTH_EN})\\s+(\\d{1,2}),?\\s+(\\d{4})${R}|${L}(\\d{1,2})\\s+(${MONTH_EN})\\s+(\\d{4})${R}`),
  monthYear: re(`${L}(?:(?:(Anfang|Mitte|Ende|anfang|mitte|ende)\\s+)|(?:(?:im|Im|seit|Seit|bis|Bis|ab|Ab|vom|zum)\\s+))?(${MONTH_FULL})\\s+(\\d{4})${R}`),
  monthOnly: re(`${L}(?:(Anfang|Mitte|Ende|anfang|mitte|ende)|im|Im|seit|Seit|bis|Bis|ab|Ab|vom|zum|Im vergangenen|im vergangenen|im kommenden|Im kommenden)\\s+(${MONTH_FULL})${R}`),
  year: re(`${L}(?:(?:im Jahr(?:e)?|Im Jahr(?:e)?|seit|Seit|bis|Bis|ab|Ab|Anfang|Mitte|Ende|Sommer|Herbst|Winter|Frühjahr|Frühling|von|Von|zwischen|Zwischen|vor|nach)\\s+)(1[89]\\d{2}|2[01]\\d{2})${R}`),
  bareYear: re(`(?<![\\p{L}\\p{N}.,/-])(19\\d{2}|20\\d{2})(?=\\s*[,.;:)]|\\s*$)`),
  parenYear: re(`\\((19\\d{2}|20\\d{2})\\)`),
  dayWord: re(`${L}(vorgestern|gestern|heute|übermorgen|morgen|Vorgestern|Gestern|Heute|Übermorgen)(?:\\s*(${DAY_PARTS}|${DAY_PARTS.split("|").map(cap).join("|")}))?${R}`),
  weekday: re(`${L}(?:(an diesem|An diesem|diesen|Diesen|am heutigen|Am heutigen|am kommenden|Am kommenden|am nächsten|Am nächsten|kommenden|Kommenden|nächsten|Nächsten|am vergangenen|Am vergangenen|am letzten|Am letzten|am vorigen|vergangenen|Vergangenen|letzten|Letzten|vorigen|am späten|Am späten|am frühen|Am frühen|am|Am|seit|Seit|bis|Bis|ab|Ab|vom|Vom|für|Für|zum|bis zum|Bis zum|im Laufe des|Im Laufe des|des|und|in der Nacht zum|In der Nacht zum|in der Nacht zu|In der Nacht zu)\\s+)?(${WEEKDAY})(s)?(${DAY_PARTS})?(?:\\s+(${DAY_PARTS}|${DAY_PARTS.split("|").map(cap).join("|")}))?${R}`),
  weekend: re(`${L}(?:(am vergangenen|Am vergangenen|am letzten|Am letzten|vergangenes|letztes|am kommenden|Am kommenden|am nächsten|Am nächsten|kommendes|nächstes|an diesem|An diesem|dieses|Dieses|übers|Übers|über das|am|Am|vom|Vom|zum|Zum|seit dem|Seit dem)\\s+)Wochenende${R}`),
  week: re(`${L}(?:(Anfang|Mitte|Ende|anfang|mitte|ende|zu Beginn|Zu Beginn)\\s+(?:der\\s+)?)?(?:in der\\s+|In der\\s+)?(vergangenen|letzten|vorigen|vergangene|letzte|vorige|vergangener|letzter|kommenden|nächsten|kommende|nächste|dieser|diese|Vergangene|Letzte|Vorige|Kommende|Nächste|Diese|In dieser|in dieser)\\s+Woche${R}`),
  weekPart: re(`${L}(Anfang|Mitte|Ende|anfang|mitte|ende|zu Beginn|Zu Beginn)\\s+der\\s+Woche${R}`),
  month: re(`${L}(?:im\\s+|Im\\s+)?(vergangenen|letzten|vorigen|kommenden|nächsten|diesem|Vergangenen|Letzten|Kommenden|Nächsten|Diesem)\\s+Monat(?:s)?${R}`),
  year2: re(`${L}(?:im\\s+|Im\\s+)?(vergangenen|letzten|vorigen|kommenden|nächsten|diesem|laufenden|Vergangenen|Letzten|Kommenden|Nächsten|Diesem|vergangenes|letztes|voriges|kommendes|nächstes|dieses|Vergangenes|Letztes|Kommendes|Nächstes|Dieses)\\s+Jahr(?:es)?${R}|${L}(im Vorjahr|Im Vorjahr|vergangenen Jahres|letzten Jahres|diesen Jahres|dieses Jahres|kommenden Jahres|nächsten Jahres)${R}`),
  span: re(`${L}(?:in den|In den|während der|in der)\\s+(kommenden|nächsten|vergangenen|letzten|zurückliegenden|vorigen)\\s+(Tagen|Tage|Wochen)${R}`),
  ago: re(`${L}(?:vor|Vor)\\s+(?:(knapp|rund|etwa|gut|fast|genau|mehr als|über)\\s+)?(${NUMBER})\\s+(Tag|Tagen|Woche|Wochen|Monat|Monaten|Jahr|Jahren)${R}`),
  relative: re(`${L}(?:(knapp|rund|etwa|gut|fast|nur|genau|bereits|schon|Knapp|Rund|Etwa|Gut|Fast|Nur|Genau|Bereits|Schon)\\s+)?(${NUMBER}|Einen|Eine|Zwei|Drei|Wenige|Einige|Mehrere)\\s+(Tag|Tage|Tagen|Woche|Wochen|Monat|Monate|Monaten|Jahr|Jahre|Jahren)\\s+(später|danach|darauf|zuvor|vorher|davor|vor|nach)${R}`),
  relativeDay: re(`${L}(tags darauf|Tags darauf|tags zuvor|Tags zuvor|am Tag danach|Am Tag danach|am Tag darauf|Am Tag darauf|am nächsten Tag|Am nächsten Tag|am folgenden Tag|Am folgenden Tag|am Folgetag|Am Folgetag|am Vortag|Am Vortag|am Tag zuvor|Am Tag zuvor)${R}`),
};

const MONTH_TEST = new RegExp(`${MONTH_ANY.replace(/\\\./g, "")}`, "u");
const MONTH_EN_TEST = new RegExp(MONTH_EN, "u");
const WEEKDAY_TEST = new RegExp(WEEKDAY, "u");
const DAY_WORD_TEST = /heute|gestern|morgen|Heute|Gestern|Übermorgen|Vorgestern/u;
const RELATIVE_TEST = /(?:Tag|Tage|Tagen|Woche|Wochen|Monat|Monate|Monaten|Jahr|Jahre|Jahren)\s+(?:später|danach|darauf|zuvor|vorher|davor|vor|nach)/u;

const FUTURE_CUES = re(`${L}(?:${(words.futureCues as string[]).map(escape).sort(byLength).join("|")})${R}`, "iu");
/** A plan reported in the past ("die für Freitag geplanten Gespräche wurden abgesagt"): its day may be past or ahead. */
const PAST_CUES = /(?<![\p{L}])(?:wurde|wurden|hatte|hatten|war|waren|abgesagt|verschoben|gestrichen|platzte|scheiterte|sagte|sagten)(?![\p{L}])/iu;
const EVIDENTIAL_END = /(?:haben|sein|worden|gewesen)\s*[.!?"“”»«]*\s*$/u;

// ---------------------------------------------------------------------------------------------- clause tense

const CLAUSE_DELIMITERS = /[,;:()„“”»«"–—]/u;

/** The clause (between commas, dashes, quotes …) around [start, end) of a sentence's text. */
function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !CLAUSE_DELIMITERS.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !CLAUSE_DELIMITERS.test(text[e]!)) e++;
  return text.slice(s, e);
}

/** Whether the clause around a date expression talks about something planned or expected. */
export function clauseTense(text: string, start: number, end: number): Tense {
  const clause = clauseAround(text, start, end);
  const m = FUTURE_CUES.exec(clause);
  if (!m) return "past";
  // "Am Montag sollen Tausende demonstriert haben" — "sollen" as hearsay about the past.
  if (/^soll/i.test(m[0]) && EVIDENTIAL_END.test(clause)) return "past";
  return "future";
}

// ---------------------------------------------------------------------------------------------- candidates

interface Candidate {
  start: number;
  end: number;
  text: string;
  date: FuzzyDate;
  window: [string, string];
  relativeDay?: RelativeDay;
}

type Pending = { start: number; end: number; text: string; sign: 1 | -1; amount: number; unit: "day" | "week" | "month" | "year"; approx: boolean };

function fuzzy(value: string, precision: FuzzyDate["precision"], kind: FuzzyDate["resolution"]["kind"], rule: string, text: string, anchor?: string): FuzzyDate {
  return { value, precision, resolution: anchor ? { kind, rule, anchor, text } : { kind, rule, text } };
}

function dayCandidate(m: RegExpExecArray, value: string, rule: string, kind: "absolute" | "relative" = "absolute", anchor?: string): Candidate {
  return { start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(value, "day", kind, rule, m[0], anchor), window: [value, value] };
}

function monthThird(qualifier: string | undefined, y: number, m: number): [string, string] {
  const w = monthWindow(y, m);
  if (!qualifier) return w;
  const third = (words.monthThirds as Record<string, number[]>)[qualifier.toLowerCase()];
  if (!third) return w;
  return [isoDay(y, m, third[0]!), isoDay(y, m, Math.min(third[1]!, lastDay(y, m)))];
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")];
}

function numberValue(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w]!;
  return null; // "wenige", "mehrere": approximate
}

interface AnchorParts {
  day: string | null;
  year: number;
  month: number | null;
}

function anchorParts(anchor: DateAnchor | null): AnchorParts | null {
  if (!anchor || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(anchor.value)) return null;
  const v = anchor.value;
  return {
    year: Number(v.slice(0, 4)),
    month: v.length >= 7 ? Number(v.slice(5, 7)) : null,
    day: v.length >= 10 ? v.slice(0, 10) : null,
  };
}

/** Latest `weekday` on or before `day` (`strict`: before). */
function weekdayOnOrBefore(day: string, weekday: number, strict = false): string {
  let diff = (weekdayOf(day) - weekday + 7) % 7;
  if (strict && diff === 0) diff = 7;
  return addDays(day, -diff);
}
/** First `weekday` on or after `day` (`strict`: after). */
function weekdayOnOrAfter(day: string, weekday: number, strict = false): string {
  let diff = (weekday - weekdayOf(day) + 7) % 7;
  if (strict && diff === 0) diff = 7;
  return addDays(day, diff);
}

/** "am Mittwoch vergangener Woche", "am Freitag nächster Woche": the weekday of the week before or after. */
const WEEK_AFTER_WEEKDAY_PAST = /^\s+(?:der\s+)?(?:vergangenen|vergangener|letzten|letzter|vorigen|voriger)\s+Woche\b/u;
const WEEK_AFTER_WEEKDAY_NEXT = /^\s+(?:der\s+)?(?:kommenden|kommender|nächsten|nächster)\s+Woche\b/u;

/** The day a weekday, weekend or day word stands for, given the publication day. */
export function resolveRelativeDay(ref: RelativeDay, anchorDay: string): string {
  const wd = ref.weekday ?? 0;
  switch (ref.rule) {
    case "weekday-this-week":
      return addDays(mondayOf(anchorDay), (wd + 6) % 7);
    case "weekday-next":
      return weekdayOnOrAfter(anchorDay, wd, true);
    case "weekday-previous":
      return weekdayOnOrBefore(anchorDay, wd, true);
    case "weekday-last-week":
      return addDays(mondayOf(anchorDay), (wd + 6) % 7 - 7);
    case "weekday-next-week":
      return addDays(mondayOf(anchorDay), (wd + 6) % 7 + 7);
    case "weekday-planned-after-publication":
      return weekdayOnOrAfter(anchorDay, wd);
    case "weekday-before-publication":
      return weekdayOnOrBefore(anchorDay, wd);
    case "weekday-nearest-publication": {
      const before = weekdayOnOrBefore(anchorDay, wd);
      const after = weekdayOnOrAfter(anchorDay, wd);
      return daysBetween(before, anchorDay) < daysBetween(anchorDay, after) ? before : after;
    }
    case "weekend-this-week":
      return addDays(mondayOf(anchorDay), 5);
    case "weekend-after-publication":
      return weekdayOnOrAfter(anchorDay, 6);
    case "weekend-before-publication":
      return weekdayOf(anchorDay) === 0 ? addDays(anchorDay, -1) : weekdayOnOrBefore(anchorDay, 6, ref.strict);
    default:
      return addDays(anchorDay, ref.offset ?? 0);
  }
}

const lower = (s: string | undefined) => (s ?? "").toLowerCase();

/** Cheap substring tests decide which patterns can match at all: most sentences need only a few. */
interface PatternHints {
  digit: boolean;
  month: boolean;
  dayMonth: boolean;
  english: boolean;
  year: boolean;
  jahr: boolean;
  monat: boolean;
  woche: boolean;
  weekend: boolean;
  weekday: boolean;
  dayWord: boolean;
  span: boolean;
  ago: boolean;
  relative: boolean;
  relativeDay: boolean;
}

function patternHints(text: string): PatternHints {
  const digit = /\d/.test(text);
  const month = MONTH_TEST.test(text);
  return {
    digit,
    month,
    dayMonth: digit && month,
    english: digit && MONTH_EN_TEST.test(text),
    year: digit && /(?:19|20)\d\d/.test(text),
    jahr: text.includes("Jahr"),
    monat: text.includes("Monat"),
    woche: text.includes("Woche"),
    weekend: text.includes("Wochenende"),
    weekday: WEEKDAY_TEST.test(text),
    dayWord: DAY_WORD_TEST.test(text),
    span: text.includes("Tage") || text.includes("Wochen"),
    ago: text.includes("vor ") || text.includes("Vor "),
    relative: RELATIVE_TEST.test(text),
    relativeDay: text.includes("ag"),
  };
}

function tenseOfMatch(text: string, m: RegExpExecArray): Tense {
  return clauseTense(text, m.index, m.index + m[0].length);
}

// Each pattern family is collected by a function of its own: one huge function made V8 recompile it again and again.

function collectIsoDates(text: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.iso, text, ok)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-iso-date"));
  }
}

function collectNumericDates(text: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.numeric, text, ok)) {
    let y = Number(m[4]);
    if (m[4]!.length === 2) y += 2000;
    const [d, mo] = [Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-numeric-date"));
  }
}

function collectEnglishDates(text: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.english, text, ok)) {
    const [mn, d, y] = m[1] ? [m[1], Number(m[2]), Number(m[3])] : [m[5]!, Number(m[4]), Number(m[6])];
    const mo = MONTHS_EN[mn.toLowerCase()];
    if (mo && validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-day-month-year-en"));
  }
}

function collectDayMonths(text: string, a: AnchorParts | null, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.dayMonth, text, ok)) {
    const d = Number(m[2]);
    const mo = monthNumber(m[3]!);
    if (!mo) continue;
    if (m[4]) {
      const y = Number(m[4]);
      if (validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-day-month-year"));
      continue;
    }
    if (!a) continue;
    const value = yearForDayMonth(a, mo, d, tenseOfMatch(text, m));
    if (value) out.push(dayCandidate(m, value, "day-month-year-from-publication", "relative", a.day ?? String(a.year)));
  }
}

/** "am 19. und 20. März", "vom 23. bis 24. Februar 2026", "19./20. März": the first day, the range as window. */
function dayRangeCandidate(text: string, m: RegExpExecArray, a: AnchorParts | null): Candidate | null {
  const [d1, d2] = [Number(m[1]), Number(m[2])];
  const mo = monthNumber(m[3]!);
  if (!mo || d2 <= d1) return null;
  let first: string | null = null;
  let rule = "explicit-day-range";
  if (m[4]) first = validDay(Number(m[4]), mo, d1) && validDay(Number(m[4]), mo, d2) ? isoDay(Number(m[4]), mo, d1) : null;
  else if (a) {
    first = yearForDayMonth(a, mo, d1, tenseOfMatch(text, m));
    rule = "day-range-year-from-publication";
  }
  if (!first || !validDay(Number(first.slice(0, 4)), mo, d2)) return null;
  const c = dayCandidate(m, first, rule, m[4] ? "absolute" : "relative", m[4] ? undefined : (a?.day ?? String(a?.year)));
  c.window = [first, isoDay(Number(first.slice(0, 4)), mo, d2)];
  return c;
}

function collectDayRanges(text: string, a: AnchorParts | null, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.dayRange, text, ok)) {
    const c = dayRangeCandidate(text, m, a);
    if (c) out.push(c);
  }
}

function collectNumericNoYear(text: string, a: AnchorParts, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.numericNoYear, text, ok)) {
    const [d, mo] = [Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) continue;
    const value = yearForDayMonth(a, mo, d, tenseOfMatch(text, m));
    if (value) out.push(dayCandidate(m, value, "day-month-year-from-publication", "relative", a.day ?? String(a.year)));
  }
}

function collectMonthYears(text: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.monthYear, text, ok)) {
    const mo = monthNumber(m[2]!)!;
    const y = Number(m[3]);
    if (y < 1900 || y > 2199) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(monthValue(y, mo), "month", "absolute", "explicit-month-year", m[0]), window: monthThird(m[1], y, mo) });
  }
}

function monthOnlyCandidate(text: string, m: RegExpExecArray, a: AnchorParts, anchorMonth: number): Candidate {
  const mo = monthNumber(m[2]!)!;
  const prefix = m[0].slice(0, m[0].length - m[2]!.length).trim().toLowerCase();
  // Ahead when the clause says so, or when the month is at most two months ahead and nothing marks the past
  // ("…, Anfang März erneut zu verhandeln" in February); else the latest such month.
  const ahead = (mo - anchorMonth + 12) % 12;
  const future =
    prefix.includes("kommenden") ||
    (!prefix.includes("vergangenen") && (tenseOfMatch(text, m) === "future" || (ahead >= 1 && ahead <= 2 && !PAST_CUES.test(clauseAround(text, m.index, m.index + m[0].length)))));
  let y = a.year;
  if (future ? mo < anchorMonth : mo > anchorMonth) y += future ? 1 : -1;
  if (prefix.includes("vergangenen") && mo === anchorMonth) y -= 1;
  return {
    start: m.index, end: m.index + m[0].length, text: m[0],
    date: fuzzy(monthValue(y, mo), "month", "relative", future ? "month-after-publication" : "month-before-publication", m[0], a.day ?? monthValue(a.year, anchorMonth)),
    window: monthThird(m[1], y, mo),
  };
}

function collectMonthsOnly(text: string, a: AnchorParts, anchorMonth: number, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.monthOnly, text, ok)) out.push(monthOnlyCandidate(text, m, a, anchorMonth));
}

function yearCandidate(m: RegExpExecArray): Candidate {
  const y = Number(m[1]);
  return { start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(String(y), "year", "absolute", "explicit-year", m[0]), window: [`${y}-01-01`, `${y}-12-31`] };
}

function collectYears(text: string, ok: boolean, out: Candidate[]): void {
  for (const pattern of [PATTERNS.year, PATTERNS.parenYear]) {
    for (const m of matchesOf(pattern, text, ok)) out.push(yearCandidate(m));
  }
  for (const m of matchesOf(PATTERNS.bareYear, text, ok)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:rund|etwa|ca\.|mehr als|über|knapp|fast|insgesamt|nur|gut|weitere|um die|bis zu|von|Nr\.)\s*$/u.test(before)) continue;
    out.push(yearCandidate(m));
  }
}

function collectRelativeYears(text: string, a: AnchorParts, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.year2, text, ok)) {
    const w = lower(m[1] ?? m[2]);
    const delta = /vergangen|letzt|vorig|vorjahr/.test(w) ? -1 : /kommend|nächst/.test(w) ? 1 : 0;
    const y = a.year + delta;
    const rule = delta < 0 ? "previous-year" : delta > 0 ? "next-year" : "this-year";
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(String(y), "year", "relative", rule, m[0], a.day ?? String(a.year)), window: [`${y}-01-01`, `${y}-12-31`] });
  }
}

function collectRelativeMonths(text: string, a: AnchorParts, anchorMonth: number, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.month, text, ok)) {
    const w = lower(m[1]);
    const delta = /vergangen|letzt|vorig/.test(w) ? -1 : /kommend|nächst/.test(w) ? 1 : 0;
    const [y, mo] = shiftMonth(a.year, anchorMonth, delta);
    const rule = delta < 0 ? "previous-month" : delta > 0 ? "next-month" : "this-month";
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(monthValue(y, mo), "month", "relative", rule, m[0], a.day ?? monthValue(a.year, anchorMonth)), window: monthWindow(y, mo) });
  }
}

function collectDayWords(text: string, aDay: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.dayWord, text, ok)) {
    const w = lower(m[1]);
    if (w === "morgen" && /(?:am|jeden|den|diesen|heute|gestern|guten)\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    const offset = { vorgestern: -2, gestern: -1, heute: 0, morgen: 1, übermorgen: 2 }[w] ?? 0;
    const ref: RelativeDay = { rule: offset < 0 ? "day-before-publication" : offset > 0 ? "day-after-publication" : "publication-day", offset };
    out.push({ ...dayCandidate(m, resolveRelativeDay(ref, aDay), ref.rule, "relative", aDay), relativeDay: ref });
  }
}

function weekdayRule(text: string, m: RegExpExecArray, prefix: string, weekAfter: RegExpExecArray | null): string {
  if (/diese|heutigen/.test(prefix)) return "weekday-this-week";
  if (/kommend|nächst/.test(prefix)) return "weekday-next";
  if (/vergangen|letzt|vorig/.test(prefix)) return "weekday-previous";
  if (weekAfter && WEEK_AFTER_WEEKDAY_PAST.test(weekAfter[0])) return "weekday-last-week";
  if (weekAfter) return "weekday-next-week";
  if (prefix === "für" && PAST_CUES.test(clauseAround(text, m.index, m.index + m[0].length))) return "weekday-nearest-publication";
  if (prefix === "für" || (prefix !== "seit" && tenseOfMatch(text, m) === "future")) return "weekday-planned-after-publication";
  return "weekday-before-publication";
}

function weekdayCandidate(text: string, m: RegExpExecArray, aDay: string): Candidate | null {
  const prefix = lower(m[1]);
  if (m[3] && !/^(?:des|und|im laufe des)$/.test(prefix)) return null; // "montags": habitual, not a date
  const weekday = WEEKDAYS[m[2]!.toLowerCase()]!;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
  const weekAfter = prefix && !/diese|heutigen|kommend|nächst|vergangen|letzt|vorig/.test(prefix) ? WEEK_AFTER_WEEKDAY_PAST.exec(after) ?? WEEK_AFTER_WEEKDAY_NEXT.exec(after) : null;
  const rule = weekdayRule(text, m, prefix, weekAfter);
  const ref: RelativeDay = { rule, weekday };
  const found = { ...dayCandidate(m, resolveRelativeDay(ref, aDay), rule, "relative", aDay), relativeDay: ref };
  // The week words belong to the weekday ("am Mittwoch vergangener Woche"), not a week of their own.
  if (weekAfter) {
    found.end += weekAfter[0].length;
    found.text = text.slice(found.start, found.end);
    found.date = { ...found.date, resolution: { ...found.date.resolution, text: found.text } };
  }
  return found;
}

function collectWeekdays(text: string, aDay: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.weekday, text, ok)) {
    const c = weekdayCandidate(text, m, aDay);
    if (c) out.push(c);
  }
}

function collectWeekends(text: string, aDay: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.weekend, text, ok)) {
    const prefix = lower(m[1]);
    let ref: RelativeDay;
    if (/diese/.test(prefix)) ref = { rule: "weekend-this-week" };
    else if (/kommend|nächst/.test(prefix) || (tenseOfMatch(text, m) === "future" && !/vergangen|letzt/.test(prefix))) ref = { rule: "weekend-after-publication" };
    else ref = { rule: "weekend-before-publication", strict: /vergangen|letzt/.test(prefix) };
    const saturday = resolveRelativeDay(ref, aDay);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(saturday, "day", "relative", ref.rule, m[0], aDay), window: [saturday, addDays(saturday, 1)], relativeDay: ref });
  }
}

function collectWeeks(text: string, aDay: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.week, text, ok)) {
    const w = lower(m[2]);
    const delta = /vergangen|letzt|vorig/.test(w) ? -1 : /kommend|nächst/.test(w) ? 1 : 0;
    const monday = addDays(mondayOf(aDay), 7 * delta);
    out.push(weekCandidate(m, monday, m[1], delta < 0 ? "previous-week" : delta > 0 ? "next-week" : "this-week", aDay));
  }
  for (const m of matchesOf(PATTERNS.weekPart, text, ok)) {
    out.push(weekCandidate(m, mondayOf(aDay), m[1], "this-week", aDay));
  }
}

function collectSpans(text: string, aDay: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.span, text, ok)) {
    const future = /kommend|nächst/.test(lower(m[1]));
    const days = /woche/i.test(m[2]!) ? 21 : 7;
    const window: [string, string] = future ? [addDays(aDay, 1), addDays(aDay, days)] : [addDays(aDay, -days), addDays(aDay, -1)];
    const rule = future ? "coming-days" : "past-days";
    const middle = addDays(window[0], Math.floor(daysBetween(window[0], window[1]) / 2));
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(middle.slice(0, 7), "month", "relative", rule, m[0], aDay), window });
  }
}

function agoCandidate(m: RegExpExecArray, a: AnchorParts, aDay: string): Candidate {
  const n = numberValue(m[2]!);
  const unit = lower(m[3]);
  const approx = n === null || !!m[1];
  const count = n ?? 3;
  if (unit.startsWith("tag") || unit.startsWith("woche")) {
    const days = unit.startsWith("tag") ? count : count * 7;
    const value = addDays(aDay, -days);
    if (approx || unit.startsWith("woche")) {
      const spread = Math.max(1, Math.round(days / 3));
      return { start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(value.slice(0, 7), "month", "relative", "ago", m[0], aDay), window: [addDays(value, -spread), addDays(value, spread)] };
    }
    return dayCandidate(m, value, "ago", "relative", aDay);
  }
  if (unit.startsWith("monat")) {
    const [y, mo] = shiftMonth(a.year, a.month!, -count);
    return { start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(monthValue(y, mo), "month", "relative", "ago", m[0], aDay), window: monthWindow(y, mo) };
  }
  const y = a.year - count;
  return { start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(String(y), "year", "relative", "ago", m[0], aDay), window: [`${y}-01-01`, `${y}-12-31`] };
}

function collectAgo(text: string, a: AnchorParts, aDay: string, ok: boolean, out: Candidate[]): void {
  for (const m of matchesOf(PATTERNS.ago, text, ok)) out.push(agoCandidate(m, a, aDay));
}

function relativePending(text: string, m: RegExpExecArray): Pending {
  const n = numberValue(m[2]!);
  const unitWord = lower(m[3]);
  const unit = unitWord.startsWith("tag") ? "day" : unitWord.startsWith("woche") ? "week" : unitWord.startsWith("monat") ? "month" : "year";
  const dir = lower(m[4]);
  // "zwei Tage nach den Gesprächen": "nach"/"vor" governing a noun date that noun, which lies before (after) the
  // reference: the exchange on Saturday came two days after talks on Thursday.
  const governs = (dir === "nach" || dir === "vor") && /^\s+(?:de[nmrs]?|die|das|dem|einer?|einem|einen|\p{Lu})/u.test(text.slice(m.index + m[0].length));
  const forward = /später|danach|darauf|nach/.test(dir) !== governs;
  const sign = forward ? 1 : -1;
  return { start: m.index, end: m.index + m[0].length, text: m[0], sign, amount: n ?? 3, unit, approx: n === null || /knapp|rund|etwa|gut|fast/i.test(m[1] ?? "") };
}

/** Relative to another date in the text: resolved after all others are known. */
function collectRelatives(text: string, has: PatternHints, pending: Pending[]): void {
  for (const m of matchesOf(PATTERNS.relative, text, has.relative)) pending.push(relativePending(text, m));
  for (const m of matchesOf(PATTERNS.relativeDay, text, has.relativeDay)) {
    const sign = /darauf|danach|nächsten|folgenden|folgetag/i.test(m[1]!) ? 1 : -1;
    pending.push({ start: m.index, end: m.index + m[0].length, text: m[0], sign, amount: 1, unit: "day", approx: false });
  }
}

/** Dates that need the publication day. */
function collectRelativeToPublicationDay(text: string, a: AnchorParts, aDay: string, has: PatternHints, out: Candidate[]): void {
  collectDayWords(text, aDay, has.dayWord, out);
  collectWeekdays(text, aDay, has.weekday, out);
  collectWeekends(text, aDay, has.weekend, out);
  collectWeeks(text, aDay, has.woche, out);
  collectSpans(text, aDay, has.span, out);
  collectAgo(text, a, aDay, has.ago, out);
}

function collect(text: string, anchor: AnchorParts | null, out: Candidate[], pending: Pending[]): void {
  const a = anchor;
  const has = patternHints(text);
  collectIsoDates(text, has.digit, out);
  collectNumericDates(text, has.digit, out);
  collectEnglishDates(text, has.english, out);
  collectDayMonths(text, a, has.dayMonth, out);
  collectDayRanges(text, a, has.dayMonth, out);
  if (a) collectNumericNoYear(text, a, has.digit, out);
  collectMonthYears(text, has.dayMonth, out);
  if (a?.month) collectMonthsOnly(text, a, a.month, has.month, out);
  collectYears(text, has.year, out);
  if (a) collectRelativeYears(text, a, has.jahr, out);
  if (a?.month) collectRelativeMonths(text, a, a.month, has.monat, out);
  if (a?.day) collectRelativeToPublicationDay(text, a, a.day, has, out);
  collectRelatives(text, has, pending);
}

/**
 * The days of a week, or of its start, middle or end ("Anfang der Woche"). The parts overlap: copy calls a
 * Wednesday the start of the week as readily as its middle.
 */
function weekPartWindow(monday: string, part: string): [string, string] {
  if (part === "anfang" || part === "zu beginn") return [monday, addDays(monday, 2)];
  if (part === "mitte") return [addDays(monday, 1), addDays(monday, 4)];
  if (part === "ende") return [addDays(monday, 3), addDays(monday, 6)];
  return [monday, addDays(monday, 6)];
}

const WEEK_DELTA: Record<string, number> = { "previous-week": -1, "this-week": 0, "next-week": 1 };

/**
 * The days a week-level relative date covers ("vergangene Woche", "Anfang der Woche"), recomputed from its rule,
 * anchor and words — its value only keeps the month. Null for any other date.
 */
export function weekWindowOf(date: { resolution: { rule: string; anchor?: string | undefined; text?: string | undefined } }): [string, string] | null {
  const { rule, anchor, text } = date.resolution;
  const delta = WEEK_DELTA[rule];
  if (delta === undefined || !anchor || anchor.length < 10) return null;
  const part = /^(anfang|mitte|ende|zu beginn)\b/i.exec(text ?? "")?.[1]?.toLowerCase() ?? "";
  return weekPartWindow(addDays(mondayOf(anchor), 7 * delta), part);
}

function weekCandidate(m: RegExpExecArray, monday: string, part: string | undefined, rule: string, anchor: string): Candidate {
  const p = lower(part);
  const window = weekPartWindow(monday, p);
  // The month of the week's Thursday (ISO 8601) — or of the part of the week meant.
  const thursday = p ? window[0] : addDays(monday, 3);
  return { start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(thursday.slice(0, 7), "month", "relative", rule, m[0], anchor), window };
}

function yearForDayMonth(a: AnchorParts, mo: number, d: number, tense: Tense): string | null {
  let y = a.year;
  if (!validDay(y, mo, d) && !(mo === 2 && d === 29)) return null;
  if (!a.day) return validDay(y, mo, d) ? isoDay(y, mo, d) : null;
  const candidate = validDay(y, mo, d) ? isoDay(y, mo, d) : isoDay(y, 2, 28);
  const diff = daysBetween(a.day, candidate);
  if (tense === "past" && diff > 31) y -= 1;
  else if (tense === "future" && diff < -31) y += 1;
  return validDay(y, mo, d) ? isoDay(y, mo, d) : null;
}

// ---------------------------------------------------------------------------------------------- resolution

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }) {
  return a.start < b.end && b.start < a.end;
}

/** Longest match wins; among equals the earlier one. */
function pickNonOverlapping<T extends { start: number; end: number }>(items: T[], taken: { start: number; end: number }[] = []): T[] {
  const sorted = items.slice().sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const chosen: T[] = [];
  for (const c of sorted) {
    if (taken.some((t) => overlaps(t, c)) || chosen.some((t) => overlaps(t, c))) continue;
    chosen.push(c);
  }
  return chosen.sort((x, y) => x.start - y.start);
}

function applyOffset(ref: FoundDate, p: Pending): { value: string; precision: FuzzyDate["precision"]; window: [string, string] } {
  const days = p.unit === "day" ? p.amount : p.unit === "week" ? p.amount * 7 : 0;
  const refPrecision = ref.date.precision;
  if (p.unit === "month" || p.unit === "year") {
    const months = p.sign * p.amount * (p.unit === "year" ? 12 : 1);
    const y = Number(ref.date.value.slice(0, 4));
    const mo = ref.date.value.length >= 7 ? Number(ref.date.value.slice(5, 7)) : 1;
    const [ny, nm] = shiftMonth(y, mo, months);
    if (refPrecision === "year" || p.unit === "year") {
      const yy = p.unit === "year" ? y + p.sign * p.amount : ny;
      return { value: String(yy), precision: "year", window: [`${yy}-01-01`, `${yy}-12-31`] };
    }
    return { value: monthValue(ny, nm), precision: "month", window: monthWindow(ny, nm) };
  }
  const shift = p.sign * days;
  const window: [string, string] = [addDays(ref.window[0], shift), addDays(ref.window[1], shift)];
  if (p.approx) {
    const spread = Math.max(1, Math.round(days / 3));
    window[0] = addDays(window[0], -spread);
    window[1] = addDays(window[1], spread);
  }
  if (refPrecision === "day" && !p.approx) return { value: addDays(ref.date.value, shift), precision: "day", window };
  if (refPrecision === "year") return { value: ref.date.value.slice(0, 4), precision: "year", window };
  // A month-level reference (or an approximate shift) stays at month level: "im Juni 2025 … knapp eine Woche später".
  const base = refPrecision === "day" ? addDays(ref.date.value, shift) : ref.date.value;
  return { value: base.slice(0, 7), precision: "month", window };
}

/**
 * Finds and resolves date expressions. Pure: depends only on the sentences and the anchor
 * (`{ value: "YYYY-MM-DD" }`, the publication date; `null` resolves absolute dates only).
 */
/**
 * "im Juni 2025 eskaliert: Israel griff am 13. Juni … an": a day without a year takes the year of the same month
 * named with its year earlier in the sentence, not the year the publication day suggests.
 */
function takeYearOfSameMonth(found: FoundDate[]): void {
  for (const f of found) {
    if (f.date.resolution.rule !== "day-month-year-from-publication") continue;
    const month = f.date.value.slice(5, 7);
    const named = found.find((g) => g.start < f.start && g.date.resolution.kind === "absolute" && g.date.value.length >= 7 && g.date.value.slice(5, 7) === month);
    if (!named || named.date.value.slice(0, 4) === f.date.value.slice(0, 4)) continue;
    const day = `${named.date.value.slice(0, 4)}${f.date.value.slice(4, 10)}`;
    if (addDays(day, 0) !== day) continue;
    f.date = { value: day, precision: "day", resolution: { kind: "absolute", rule: "day-month-year-from-sentence", anchor: named.date.value, text: f.text } };
    f.window = [day, day];
  }
}

export function findDates(sentences: Sentence[], anchor: DateAnchor | null): FoundDate[] {
  const a = anchorParts(anchor);
  const result: FoundDate[] = [];
  for (const s of sentences) {
    const raw: Candidate[] = [];
    const pending: Pending[] = [];
    collect(s.text, a, raw, pending);
    const chosen = pickNonOverlapping(raw);
    const found: FoundDate[] = chosen.map((c) => {
      const f: FoundDate = {
        start: s.start + c.start, end: s.start + c.end, text: c.text, sentence: s.index, date: c.date, window: c.window,
        tense: clauseTense(s.text, c.start, c.end),
      };
      if (c.relativeDay) f.relativeDay = c.relativeDay;
      return f;
    });
    takeYearOfSameMonth(found);
    const relatives = pickNonOverlapping(pending, chosen).sort((x, y) => x.start - y.start);
    for (const p of relatives) {
      const abs = s.start + p.start;
      const inSentence = found.filter((f) => f.date.resolution.rule !== "relative-to-previous-date" || f.start < abs);
      const before = inSentence.filter((f) => f.end <= abs);
      const after = inSentence.filter((f) => f.start >= s.start + p.end);
      // In the previous sentence the most precise date is the likely reference ("Am 16. Mai 2025 … erstmals seit 2022").
      const rank = { day: 0, month: 1, year: 2 } as const;
      const previousSentence = result
        .filter((f) => f.sentence === s.index - 1)
        .sort((x, y) => rank[x.date.precision] - rank[y.date.precision] || y.start - x.start);
      const ref = before[before.length - 1] ?? after[0] ?? previousSentence[0];
      if (!ref) continue;
      const r = applyOffset(ref, p);
      found.push({
        start: abs, end: s.start + p.end, text: p.text, sentence: s.index,
        date: { value: r.value, precision: r.precision, resolution: { kind: "relative", rule: "relative-to-previous-date", anchor: ref.date.value, text: p.text } },
        window: r.window, tense: clauseTense(s.text, p.start, p.end),
      });
      found.sort((x, y) => x.start - y.start);
    }
    result.push(...found);
  }
  return result;
}
