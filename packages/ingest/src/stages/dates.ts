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
 * - `weekday-this-week` ("an diesem Dienstag"): that weekday in the anchor's Monday–Sunday week.
 * - `weekday-next` ("am kommenden Freitag") / `weekday-previous` ("am vergangenen Montag").
 */
import type { FuzzyDate, Sentence } from "@lagebild/model";
import type { DateMention } from "../pipeline/types.ts";
import words from "../../data/dates-de.json" with { type: "json" };

export type Tense = "past" | "future";

/** A DateMention with the inclusive day window it covers and the tense of its clause. */
export interface FoundDate extends DateMention {
  window: [string, string];
  tense: Tense;
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
  numericNoYear: re(`${L}(?:am|vom|bis|zum|seit|ab|Am|Vom|Bis|Seit|Ab)\\s+(?:(${WEEKDAY}),?\\s+(?:den\\s+)?)?(\\d{1,2})\\.(\\d{1,2})\\.(?![\\d\\p{L}])`),
  dayMonth: re(`${L}(?:(?:am|Am|vom|Vom|bis|Bis|zum|Zum|seit|Seit|ab|Ab)\\s+)?(?:(${WEEKDAY}),?\\s+(?:(?:dem|den)\\s+)?)?(\\d{1,2})\\.?\\s*(${MONTH_ANY})(?:(?<=\\.)|${R})(?:\\s*(\\d{4})${R})?`),
  english: re(`${L}(${MONTH_EN})\\s+(\\d{1,2}),?\\s+(\\d{4})${R}|${L}(\\d{1,2})\\s+(${MONTH_EN})\\s+(\\d{4})${R}`),
  monthYear: re(`${L}(?:(?:(Anfang|Mitte|Ende|anfang|mitte|ende)\\s+)|(?:(?:im|Im|seit|Seit|bis|Bis|ab|Ab|vom|zum)\\s+))?(${MONTH_FULL})\\s+(\\d{4})${R}`),
  monthOnly: re(`${L}(?:(Anfang|Mitte|Ende|anfang|mitte|ende)|im|Im|seit|Seit|bis|Bis|ab|Ab|vom|zum|noch im|Noch im|bereits im|Bereits im|schon im|Schon im|Im vergangenen|im vergangenen|im kommenden|Im kommenden)\\s+(${MONTH_FULL})${R}`),
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

const FUTURE_CUES = re(`${L}(?:${(words.futureCues as string[]).map(escape).sort(byLength).join("|")})${R}`, "iu");
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

const lower = (s: string | undefined) => (s ?? "").toLowerCase();

function collect(text: string, anchor: AnchorParts | null, out: Candidate[], pending: Pending[]): void {
  const a = anchor;
  const aDay = a?.day ?? null;
  const tenseAt = (m: RegExpExecArray) => clauseTense(text, m.index, m.index + m[0].length);

  for (const m of text.matchAll(PATTERNS.iso)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-iso-date"));
  }
  for (const m of text.matchAll(PATTERNS.numeric)) {
    let y = Number(m[4]);
    if (m[4]!.length === 2) y += 2000;
    const [d, mo] = [Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-numeric-date"));
  }
  for (const m of text.matchAll(PATTERNS.english)) {
    const [mn, d, y] = m[1] ? [m[1], Number(m[2]), Number(m[3])] : [m[5]!, Number(m[4]), Number(m[6])];
    const mo = MONTHS_EN[mn.toLowerCase()];
    if (mo && validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-day-month-year-en"));
  }
  for (const m of text.matchAll(PATTERNS.dayMonth)) {
    const d = Number(m[2]);
    const mo = monthNumber(m[3]!);
    if (!mo) continue;
    if (m[4]) {
      const y = Number(m[4]);
      if (validDay(y, mo, d)) out.push(dayCandidate(m, isoDay(y, mo, d), "explicit-day-month-year"));
      continue;
    }
    if (!a) continue;
    const value = yearForDayMonth(a, mo, d, tenseAt(m));
    if (value) out.push(dayCandidate(m, value, "day-month-year-from-publication", "relative", a.day ?? String(a.year)));
  }
  for (const m of text.matchAll(PATTERNS.numericNoYear)) {
    if (!a) continue;
    const [d, mo] = [Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) continue;
    const value = yearForDayMonth(a, mo, d, tenseAt(m));
    if (value) out.push(dayCandidate(m, value, "day-month-year-from-publication", "relative", a.day ?? String(a.year)));
  }
  for (const m of text.matchAll(PATTERNS.monthYear)) {
    const mo = monthNumber(m[2]!)!;
    const y = Number(m[3]);
    if (y < 1900 || y > 2199) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(monthValue(y, mo), "month", "absolute", "explicit-month-year", m[0]), window: monthThird(m[1], y, mo) });
  }
  if (a?.month) {
    for (const m of text.matchAll(PATTERNS.monthOnly)) {
      const mo = monthNumber(m[2]!)!;
      const prefix = m[0].slice(0, m[0].length - m[2]!.length).trim().toLowerCase();
      const future = prefix.includes("kommenden") || (!prefix.includes("vergangenen") && tenseAt(m) === "future");
      let y = a.year;
      if (future ? mo < a.month : mo > a.month) y += future ? 1 : -1;
      if (prefix.includes("vergangenen") && mo === a.month) y -= 1;
      out.push({
        start: m.index, end: m.index + m[0].length, text: m[0],
        date: fuzzy(monthValue(y, mo), "month", "relative", future ? "month-after-publication" : "month-before-publication", m[0], a.day ?? monthValue(a.year, a.month)),
        window: monthThird(m[1], y, mo),
      });
    }
  }
  for (const pattern of [PATTERNS.year, PATTERNS.parenYear]) {
    for (const m of text.matchAll(pattern)) {
      const y = Number(m[1]);
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(String(y), "year", "absolute", "explicit-year", m[0]), window: [`${y}-01-01`, `${y}-12-31`] });
    }
  }
  for (const m of text.matchAll(PATTERNS.bareYear)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:rund|etwa|ca\.|mehr als|über|knapp|fast|insgesamt|nur|gut|weitere|um die|bis zu|von|Nr\.)\s*$/u.test(before)) continue;
    const y = Number(m[1]);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(String(y), "year", "absolute", "explicit-year", m[0]), window: [`${y}-01-01`, `${y}-12-31`] });
  }

  if (a) {
    for (const m of text.matchAll(PATTERNS.year2)) {
      const w = lower(m[1] ?? m[2]);
      const delta = /vergangen|letzt|vorig|vorjahr/.test(w) ? -1 : /kommend|nächst/.test(w) ? 1 : 0;
      const y = a.year + delta;
      const rule = delta < 0 ? "previous-year" : delta > 0 ? "next-year" : "this-year";
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(String(y), "year", "relative", rule, m[0], a.day ?? String(a.year)), window: [`${y}-01-01`, `${y}-12-31`] });
    }
  }
  if (a?.month) {
    for (const m of text.matchAll(PATTERNS.month)) {
      const w = lower(m[1]);
      const delta = /vergangen|letzt|vorig/.test(w) ? -1 : /kommend|nächst/.test(w) ? 1 : 0;
      const [y, mo] = shiftMonth(a.year, a.month, delta);
      const rule = delta < 0 ? "previous-month" : delta > 0 ? "next-month" : "this-month";
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(monthValue(y, mo), "month", "relative", rule, m[0], a.day ?? monthValue(a.year, a.month)), window: monthWindow(y, mo) });
    }
  }

  // Everything below needs the publication day.
  if (aDay) {
    for (const m of text.matchAll(PATTERNS.dayWord)) {
      const w = lower(m[1]);
      if (w === "morgen" && /(?:am|jeden|den|diesen|heute|gestern|guten)\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      const offset = { vorgestern: -2, gestern: -1, heute: 0, morgen: 1, übermorgen: 2 }[w] ?? 0;
      const value = addDays(aDay, offset);
      out.push(dayCandidate(m, value, offset < 0 ? "day-before-publication" : offset > 0 ? "day-after-publication" : "publication-day", "relative", aDay));
    }
    for (const m of text.matchAll(PATTERNS.weekday)) {
      const prefix = lower(m[1]);
      if (m[3] && !/^(?:des|und|im laufe des)$/.test(prefix)) continue; // "montags": habitual, not a date
      const weekday = WEEKDAYS[m[2]!.toLowerCase()]!;
      const tense = tenseAt(m);
      let value: string;
      let rule: string;
      if (/diese|heutigen/.test(prefix)) {
        value = addDays(mondayOf(aDay), (weekday + 6) % 7);
        rule = "weekday-this-week";
      } else if (/kommend|nächst/.test(prefix)) {
        value = weekdayOnOrAfter(aDay, weekday, true);
        rule = "weekday-next";
      } else if (/vergangen|letzt|vorig/.test(prefix)) {
        value = weekdayOnOrBefore(aDay, weekday, true);
        rule = "weekday-previous";
      } else if (prefix === "für" || (tense === "future" && prefix !== "seit")) {
        value = weekdayOnOrAfter(aDay, weekday);
        rule = "weekday-planned-after-publication";
      } else {
        value = weekdayOnOrBefore(aDay, weekday);
        rule = "weekday-before-publication";
      }
      out.push(dayCandidate(m, value, rule, "relative", aDay));
    }
    for (const m of text.matchAll(PATTERNS.weekend)) {
      const prefix = lower(m[1]);
      let saturday: string;
      let rule: string;
      if (/diese/.test(prefix)) {
        saturday = addDays(mondayOf(aDay), 5);
        rule = "weekend-this-week";
      } else if (/kommend|nächst/.test(prefix) || (tenseAt(m) === "future" && !/vergangen|letzt/.test(prefix))) {
        saturday = weekdayOnOrAfter(aDay, 6);
        rule = "weekend-after-publication";
      } else {
        saturday = weekdayOf(aDay) === 0 ? addDays(aDay, -1) : weekdayOnOrBefore(aDay, 6, /vergangen|letzt/.test(prefix) && weekdayOf(aDay) === 6);
        rule = "weekend-before-publication";
      }
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(saturday, "day", "relative", rule, m[0], aDay), window: [saturday, addDays(saturday, 1)] });
    }
    for (const m of text.matchAll(PATTERNS.week)) {
      const w = lower(m[2]);
      const delta = /vergangen|letzt|vorig/.test(w) ? -1 : /kommend|nächst/.test(w) ? 1 : 0;
      const monday = addDays(mondayOf(aDay), 7 * delta);
      out.push(weekCandidate(m, monday, m[1], delta < 0 ? "previous-week" : delta > 0 ? "next-week" : "this-week", aDay));
    }
    for (const m of text.matchAll(PATTERNS.weekPart)) {
      out.push(weekCandidate(m, mondayOf(aDay), m[1], "this-week", aDay));
    }
    for (const m of text.matchAll(PATTERNS.span)) {
      const future = /kommend|nächst/.test(lower(m[1]));
      const days = /woche/i.test(m[2]!) ? 21 : 7;
      const window: [string, string] = future ? [addDays(aDay, 1), addDays(aDay, days)] : [addDays(aDay, -days), addDays(aDay, -1)];
      const rule = future ? "coming-days" : "past-days";
      const middle = addDays(window[0], Math.floor(daysBetween(window[0], window[1]) / 2));
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(middle.slice(0, 7), "month", "relative", rule, m[0], aDay), window });
    }
    for (const m of text.matchAll(PATTERNS.ago)) {
      const n = numberValue(m[2]!);
      const unit = lower(m[3]);
      const approx = n === null || !!m[1];
      const count = n ?? 3;
      if (unit.startsWith("tag") || unit.startsWith("woche")) {
        const days = unit.startsWith("tag") ? count : count * 7;
        const value = addDays(aDay, -days);
        if (approx || unit.startsWith("woche")) {
          const spread = Math.max(1, Math.round(days / 3));
          out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(value.slice(0, 7), "month", "relative", "ago", m[0], aDay), window: [addDays(value, -spread), addDays(value, spread)] });
        } else {
          out.push(dayCandidate(m, value, "ago", "relative", aDay));
        }
      } else if (unit.startsWith("monat")) {
        const [y, mo] = shiftMonth(a!.year, a!.month!, -count);
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(monthValue(y, mo), "month", "relative", "ago", m[0], aDay), window: monthWindow(y, mo) });
      } else {
        const y = a!.year - count;
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: fuzzy(String(y), "year", "relative", "ago", m[0], aDay), window: [`${y}-01-01`, `${y}-12-31`] });
      }
    }
  }

  // Relative to another date in the text: resolved after all others are known.
  for (const m of text.matchAll(PATTERNS.relative)) {
    const n = numberValue(m[2]!);
    const unitWord = lower(m[3]);
    const unit = unitWord.startsWith("tag") ? "day" : unitWord.startsWith("woche") ? "week" : unitWord.startsWith("monat") ? "month" : "year";
    const dir = lower(m[4]);
    const sign = /später|danach|darauf|nach/.test(dir) ? 1 : -1;
    pending.push({ start: m.index, end: m.index + m[0].length, text: m[0], sign, amount: n ?? 3, unit, approx: n === null || /knapp|rund|etwa|gut|fast/i.test(m[1] ?? "") });
  }
  for (const m of text.matchAll(PATTERNS.relativeDay)) {
    const sign = /darauf|danach|nächsten|folgenden|folgetag/i.test(m[1]!) ? 1 : -1;
    pending.push({ start: m.index, end: m.index + m[0].length, text: m[0], sign, amount: 1, unit: "day", approx: false });
  }
}

function weekCandidate(m: RegExpExecArray, monday: string, part: string | undefined, rule: string, anchor: string): Candidate {
  let window: [string, string] = [monday, addDays(monday, 6)];
  const p = lower(part);
  if (p === "anfang" || p === "zu beginn") window = [monday, addDays(monday, 1)];
  else if (p === "mitte") window = [addDays(monday, 2), addDays(monday, 3)];
  else if (p === "ende") window = [addDays(monday, 4), addDays(monday, 6)];
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
export function findDates(sentences: Sentence[], anchor: DateAnchor | null): FoundDate[] {
  const a = anchorParts(anchor);
  const result: FoundDate[] = [];
  for (const s of sentences) {
    const raw: Candidate[] = [];
    const pending: Pending[] = [];
    collect(s.text, a, raw, pending);
    const chosen = pickNonOverlapping(raw);
    const found: FoundDate[] = chosen.map((c) => ({
      start: s.start + c.start, end: s.start + c.end, text: c.text, sentence: s.index, date: c.date, window: c.window,
      tense: clauseTense(s.text, c.start, c.end),
    }));
    const relatives = pickNonOverlapping(pending, chosen).sort((x, y) => x.start - y.start);
    for (const p of relatives) {
      const abs = s.start + p.start;
      const inSentence = found.filter((f) => f.date.resolution.rule !== "relative-to-previous-date" || f.start < abs);
      const before = inSentence.filter((f) => f.end <= abs);
      const after = inSentence.filter((f) => f.start >= s.start + p.end);
      const previousSentence = result.filter((f) => f.sentence === s.index - 1);
      const ref = before[before.length - 1] ?? after[0] ?? previousSentence[previousSentence.length - 1];
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
