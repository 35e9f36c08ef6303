/**
 * Stage 2: article metadata — title, outlet, agencies, authors, language and publication date.
 *
 * Sources, best first: explicitly given metadata (front matter, JSON fields, HTML meta) → the furniture lines the
 * clean stage removed (datelines "Aktualisiert am 2. Februar 2026, 15:16 Uhr Quelle: DIE ZEIT, AFP, dpa, jse",
 * bylines "Autor: A, B und C, dpa", credit lines "Die Mitarbeiter von X sind …", "Mit Material von dpa") →
 * inference from the text.
 *
 * Outlet: a named outlet (source/credit line, data/metadata-outlets.json or any non-agency name in a "Quelle:"
 * list), else the outlet of the URL's host, else — for an agency story — the one agency credited in the byline.
 * Author initials ("jse", "mga") are neither agencies nor authors.
 *
 * Publication date without a date line (`source: "inferred"`): the latest absolute day the article mentions
 * (including dates of photo captions and embedded posts) is a lower bound L. Weekday and day-word references
 * ("am Montag", "An diesem Dienstag wird …", "gestern") are resolved for each candidate day P in [L, L+7]; a
 * candidate is better the tighter it packs L, P and those references together (news reports the last few
 * days), and it is penalised when a reference contradicts its tense (a future "an diesem Dienstag" before P).
 * The window holds every candidate within one day of the best spread; `value` is its first day. With no weekday
 * references the window is [L, L+6]. Nothing is inferred without an absolute day: no invented certainty.
 */
import type { Published, Sentence } from "@lagebild/model";
import { precisionOf } from "@lagebild/model";
import type { ArticleMetadata, Cleaned, GivenMetadata } from "../pipeline/types.ts";
import furniture from "../../data/clean-furniture.json" with { type: "json" };
import agencyData from "../../data/metadata-agencies.json" with { type: "json" };
import outletData from "../../data/metadata-outlets.json" with { type: "json" };
import { isPlaceName, lexicon } from "../gazetteer.ts";
import { BYLINE_CREDIT_TAIL, outletOfFollowButton, outletOfMasthead } from "./clean.ts";
import { addDays, daysBetween, findDates, isoDay, resolveRelativeDay, weekdayOf } from "./dates.ts";
import datesData from "../../data/dates-de.json" with { type: "json" };
import { splitSentences } from "./sentences.ts";

const fold = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

const AGENCY_BY_ALIAS = new Map<string, string>();
for (const a of agencyData.agencies) for (const alias of [a.name, ...a.aliases]) AGENCY_BY_ALIAS.set(fold(alias), a.name);
const OUTLET_BY_ALIAS = new Map<string, string>();
const OUTLET_BY_HOST: [string, string][] = [];
for (const o of outletData.outlets) {
  for (const alias of [o.name, ...o.aliases]) OUTLET_BY_ALIAS.set(fold(alias), o.name);
  for (const h of o.hosts) OUTLET_BY_HOST.push([h, o.name]);
}

/** Canonical agency name for a credit item ("dpa", "dpa-infocom", "Agence France-Presse"), else null. */
export function agencyOf(item: string): string | null {
  const f = fold(item).replace(/^[(\s]+|[)\s.]+$/g, "");
  if (AGENCY_BY_ALIAS.has(f)) return AGENCY_BY_ALIAS.get(f)!;
  // "dpa-infocom", "dpa/lnw", "AFP/dpa"
  const head = f.split(/[-/:]/)[0]!;
  return AGENCY_BY_ALIAS.get(head) ?? null;
}

/** Canonical outlet name for a name or alias, else null. */
export function outletOf(item: string): string | null {
  return OUTLET_BY_ALIAS.get(fold(item)) ?? null;
}

export function outletOfUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
  for (const [h, name] of OUTLET_BY_HOST) if (host === h || host.endsWith(`.${h}`)) return name;
  return null;
}

const INITIALS = /^[a-zäöüß]{2,4}$/u;
const PERSON_NAME = /^[\p{Lu}][\p{L}'’.-]+(?:\s+(?:(?:von|van|de|der|den|da|di|del|al|el|bin|ibn|zu|ten|ter|le|la)\s+)*[\p{Lu}][\p{L}'’.-]+){1,3}$/u;

interface Credits {
  outlet: string | null;
  agencies: string[];
  authors: string[];
  bylineAgencies: string[];
}

function splitList(s: string): string[] {
  return s.split(/\s*(?:,|;|\|| und | and | & |\/)\s*/u).map((x) => x.trim()).filter(Boolean);
}

function addUnique(list: string[], v: string) {
  if (!list.includes(v)) list.push(v);
}

/** A "Quelle: DIE ZEIT, AFP, dpa, jse , mga" list. */
function readSourceList(list: string, c: Credits) {
  for (const item of splitList(list)) {
    const agency = agencyOf(item);
    if (agency) {
      addUnique(c.agencies, agency);
      continue;
    }
    if (INITIALS.test(item)) continue;
    const outlet = outletOf(item);
    if (outlet) c.outlet ??= outlet;
    else if (/^[\p{Lu}\d]/u.test(item) && item.length <= 60) c.outlet ??= item;
  }
}

/** An "Autor: A, B und C, dpa" / "Von A und B, Brüssel" list. */
function readByline(list: string, c: Credits) {
  for (const item of splitList(list)) {
    const agency = agencyOf(item);
    if (agency) {
      addUnique(c.agencies, agency);
      addUnique(c.bylineAgencies, agency);
      continue;
    }
    const outlet = outletOf(item);
    if (outlet) {
      c.outlet ??= outlet;
      continue;
    }
    // "Von Miriam Oppenländer, Tel Aviv": the place the author writes from is no author.
    if (PERSON_NAME.test(item) && !isPlaceName(lexicon(), item)) addUnique(c.authors, item);
  }
}


const SOURCE_TAIL = /(?:^|[\s,|·])(?:Quelle|Quellen)\s*:\s*(.+)$/u;
const BYLINE_HEAD = new RegExp(
  `^(?:${furniture.bylineKeywords.slice().sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\s*:?\\s+(.+)$`,
  "u",
);
const TEAM_CREDIT = /^(?:Die|Das)\s+(?:Mitarbeiter(?:innen)?|Team|Redaktion|Autoren|Autorinnen)\s+(?:von|der|des|bei)\s+(.{2,80}?)\s+(?:ist|sind|besteht|bestehen)\s/u;
const FIRST_PUBLISHED = /^(?:Dieser|Der|Die(?:ser)?) (?:Artikel|Beitrag|Text|Kommentar|Meldung|Bericht) (?:erschien|ist) (?:zuerst|zuerst erschienen|ursprünglich|erstmals) (?:bei|in|auf|im) (?:der |dem |den )?(.{2,80}?)(?: erschienen)?\.?$/u;
const MATERIAL_CREDIT = /^(?:Mit Material (?:von|der|des)|Mit Informationen (?:von|der)|Material von)\s+(?:(?:den\s+)?Nachrichtenagenturen\s+|(?:der\s+)?Nachrichtenagentur\s+)?(.+?)\.?$/u;
const COPYRIGHT = /^(?:©|\(c\)|Copyright)\s*(.+)$/iu;
const LEAD_DATELINE = /^[\p{Lu}][\p{L} ./-]{1,40}\s*\(([^()]{2,40})\)\s*[-–—]/u;

function readCredits(cleaned: Cleaned): Credits {
  const c: Credits = { outlet: null, agencies: [], authors: [], bylineAgencies: [] };
  for (const { line, reason } of cleaned.removed) {
    if (reason === "dateline" || reason === "source-line") {
      const tail = SOURCE_TAIL.exec(line);
      if (tail) readSourceList(tail[1]!, c);
      else if (reason === "source-line") readSourceList(line.replace(/^[(]|[).]$/g, ""), c);
      const by = /(?:^|[\s,|·])(?:Von|Autor(?:in|en)?)\s*:\s*(.+)$/u.exec(line);
      if (by) readByline(by[1]!.replace(SOURCE_TAIL, ""), c);
    } else if (reason === "byline") {
      const credit = BYLINE_CREDIT_TAIL.exec(line);
      if (credit) for (const item of splitList(credit[1] ?? credit[2] ?? "")) { const a = agencyOf(item); if (a) addUnique(c.agencies, a); }
      const core = credit ? line.slice(0, credit.index) : line;
      readByline(BYLINE_HEAD.exec(core)?.[1] ?? core.replace(/^von\s+/u, ""), c);
    } else if (reason === "program-line") {
      // "Dieses Thema im Programm: Das Erste, tagesschau, 17. Februar 2026": the broadcaster's programme note.
      for (const item of line.replace(/^[^:]*:/u, "").split(/,|\s+(?:am|um|im)\s+/u)) c.outlet ??= outletOf(item.trim());
    } else if (reason === "outlet-line") {
      c.outlet ??= outletOf(line) ?? outletOfMasthead(line) ?? outletOfFollowButton(line);
    } else if (reason === "credit-line") {
      const first = FIRST_PUBLISHED.exec(line);
      if (first) c.outlet ??= outletOf(first[1]!) ?? first[1]!;
      const team = TEAM_CREDIT.exec(line);
      if (team) c.outlet ??= outletOf(team[1]!) ?? team[1]!;
      const material = MATERIAL_CREDIT.exec(line);
      if (material) for (const item of splitList(material[1]!)) { const a = agencyOf(item); if (a) addUnique(c.agencies, a); }
      const copy = COPYRIGHT.exec(line);
      if (copy) {
        for (const item of splitList(copy[1]!.replace(/[,:].*$/, ""))) {
          const a = agencyOf(item);
          if (a) addUnique(c.agencies, a);
          // "© dpa-infocom": the text is the agency's own copy, unless a masthead named the outlet already.
          c.outlet ??= outletOf(item) ?? a;
        }
      }
    }
  }
  // "Teheran (dpa) - Der iranische …" at the start of the body.
  for (const line of cleaned.text.split("\n").slice(0, 4)) {
    const m = LEAD_DATELINE.exec(line);
    if (!m) continue;
    for (const item of splitList(m[1]!)) { const a = agencyOf(item); if (a) addUnique(c.agencies, a); }
  }
  return c;
}

// ---------------------------------------------------------------------------------------------- title

const ENDS_LIKE_SENTENCE = /[.:;,]["“”»«’)]*$/u;

/** Whether a line reads like a headline: short, one statement, no final period, not lower-case. */
function headlineLike(line: string, minWords = 2): boolean {
  if (line.length < 3 || line.length > 250) return false;
  if (line.split(/\s+/).length < minWords) return false;
  if (ENDS_LIKE_SENTENCE.test(line)) return false;
  if (/[?!]["“”»«’)]*$/u.test(line) && line.length > 150) return false;
  if (/[.!?]["“”»«’)]*\s+[\p{Lu}„»«"]/u.test(line)) return false; // more than one sentence
  return !/^[\p{Ll}]/u.test(line);
}

const wordCount = (s: string) => s.split(/\s+/).length;

/**
 * The headline: the first line when it looks like one. A short first line (at most four words) over a longer
 * headline-like second line is a kicker ("Atomstreit mit dem Iran", "Nahost") and the second line is the title.
 */
export function guessTitle(text: string, captions: Cleaned["captions"] = []): string | null {
  const captionTexts = new Set(captions.map((c) => c.text.trim()));
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l && !captionTexts.has(l));
  const [first, second] = lines;
  if (!first || lines.length < 2) return null; // the whole text is one line
  if (second && lines.length > 2 && headlineLike(first, 1) && wordCount(first) <= 4 && headlineLike(second) && second.length > first.length) return second;
  return first.length >= 8 && headlineLike(first) ? first : null;
}

// ---------------------------------------------------------------------------------------------- language

const DE_WORDS = new Set(["der", "die", "das", "und", "nicht", "mit", "sich", "auf", "für", "ist", "eine", "einen", "dem", "den", "von", "wurde", "hat"]);
const EN_WORDS = new Set(["the", "and", "of", "to", "is", "that", "with", "for", "was", "has", "have", "said", "from"]);

/** "en" when English function words clearly dominate the first 800 characters, else "de". */
export function detectLanguage(text: string): string {
  let de = 0;
  let en = 0;
  for (const w of text.slice(0, 800).toLowerCase().split(/[\s,.;:!?"„“”»«()]+/)) {
    if (DE_WORDS.has(w)) de += 1;
    else if (EN_WORDS.has(w)) en += 1;
  }
  return en >= 5 && en > de * 2 ? "en" : "de";
}

// ---------------------------------------------------------------------------------------------- dates

const PUBLISHED_KEYWORD = /(?:Veröffentlicht|Erstellt|Publiziert|Erstveröffentlichung|Erschienen)/u;
const UPDATED_KEYWORD = /(?:Aktualisiert|Stand|Update|Geändert|Aktualisierung)/u;

function dayIn(line: string): string | null {
  const found = findDates([{ index: 0, start: 0, end: line.length, text: line }], null);
  return found.find((d) => d.date.precision === "day")?.date.value ?? null;
}

/** Agencies' story ids that carry the filing day ("© dpa-infocom, dpa:260212-930-412587/2"), from the agency data. */
const WIRE_IDS = agencyData.agencies.flatMap((a) => ("wireIds" in a ? (a.wireIds as { pattern: string }[]) : []).map((w) => new RegExp(w.pattern, "u")));

function wireIdDay(line: string): string | null {
  for (const re of WIRE_IDS) {
    const m = re.exec(line);
    if (!m) continue;
    const [y, mo, d] = [2000 + Number(m[1]), Number(m[2]), Number(m[3])];
    const day = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && !Number.isNaN(Date.parse(day))) return day;
  }
  return null;
}

/** The publication day from the removed datelines: "published" beats a bare date beats "updated". */
export function dateFromDatelines(removed: Cleaned["removed"]): string | null {
  const ranked: { day: string; rank: number }[] = [];
  for (const { line, reason } of removed) {
    if (reason === "credit-line") {
      const day = wireIdDay(line);
      if (day) ranked.push({ day, rank: 1 });
      continue;
    }
    // A masthead with the date ("Stuttgarter Zeitung | Politik | 27.01.2026 - 18:05 Uhr") is a dateline too.
    if (reason !== "dateline" && reason !== "outlet-line") continue;
    const day = dayIn(line);
    if (!day) continue;
    const rank = PUBLISHED_KEYWORD.test(line) ? 0 : UPDATED_KEYWORD.test(line) ? 2 : 1;
    ranked.push({ day, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked[0]?.day ?? null;
}

const RELATIVE_DAY_RULE = /^(?:weekday-|weekend-|publication-day|day-before-publication|day-after-publication)/;
const HAS_RELATIVE_WORD = /Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Wochenende|heute|gestern|morgen/u;

/**
 * Infers a publication window from the dates an article mentions (see the module comment).
 * `hints` are extra dated texts known to precede publication: photo captions and embedded posts.
 */
export function inferPublished(sentences: Sentence[], hints: string[] = [], yearReference?: string): Published | null {
  const hintSentences = hints.map((text, i) => ({ index: i, start: 0, end: text.length, text }));
  const past = [...findDates(sentences, null), ...findDates(hintSentences, null)].filter((d) => d.date.resolution.kind === "absolute" && d.tense === "past");
  const days = past.filter((d) => d.date.precision === "day").map((d) => d.date.value);
  if (yearReference) {
    // "am 17. Februar" without a year: the year that puts it closest before the reference day (see dates.ts).
    for (const d of findDates([...sentences, ...hintSentences], { value: yearReference })) {
      if (d.date.resolution.rule === "day-month-year-from-publication" && d.tense === "past") days.push(d.date.value);
    }
  }
  days.push(...weekdayPinnedDays(sentences, past));
  days.sort();
  if (!days.length) return null;
  const latest = days.at(-1)!;
  // A coarser date after the latest day ("im Januar 2026" after "am 7. Oktober 2023") shows that day is history,
  // not the news of the article: no day-level window then.
  if (past.some((d) => d.date.precision !== "day" && d.window[0] > latest)) return null;
  return publicationWindow(sentences, [latest, addDays(latest, 7)], latest);
}

const WEEKDAYS = datesData.weekdays as Record<string, number>;
const MONTHS = datesData.months as Record<string, number>;
const LAST_WEEK = /\b(?:vergangene|letzte|vorige)[rn]?\s+Woche\b/iu;
/** "Mittwoch vergangener Woche, dem 11. Februar", "am Mittwoch, 11. Februar": a weekday next to a day without year. */
const WEEKDAY_DAY_MONTH = new RegExp(
  `\\b(${Object.keys(WEEKDAYS).join("|")})\\b[^.\\d]{0,30}?\\b(\\d{1,2})\\.\\s*(${Object.keys(MONTHS).join("|")})\\b(?!\\s*\\d)`,
  "giu",
);

/**
 * Days named with their weekday but no year: the weekday pins the year — the first year, from the latest year the
 * article names (or, without one, none), on which that day falls on that weekday. Only within six years: a weekday
 * repeats on a date every few years, so farther is a guess.
 */
function weekdayPinnedDays(sentences: Sentence[], absolute: { date: { value: string } }[]): string[] {
  const years = absolute.map((d) => Number(d.date.value.slice(0, 4))).filter((y) => y > 1900);
  if (!years.length) return [];
  const from = Math.max(...years);
  const out: string[] = [];
  for (const s of sentences) {
    for (const m of s.text.matchAll(WEEKDAY_DAY_MONTH)) {
      const weekday = WEEKDAYS[m[1]!.toLowerCase()]!;
      const [d, mo] = [Number(m[2]), MONTHS[m[3]!.toLowerCase()]!];
      for (let y = from; y <= from + 6; y++) {
        const day = isoDay(y, mo, d);
        if (addDays(day, 0) === day && weekdayOf(day) === weekday) {
          out.push(day);
          // "Mittwoch vergangener Woche, dem 11. Februar": published in the week after, so no earlier than its Monday.
          if (LAST_WEEK.test(m[0])) out.push(addDays(day, 7 - ((weekday + 6) % 7)));
          break;
        }
      }
    }
  }
  return out;
}

/**
 * The publication window inside `bounds` (at most a few weeks) that packs the article's weekday and day-word
 * references tightest around the publication day, together with `latest`, the latest absolute day mentioned
 * (if any). Without such references the window is `bounds` itself — shortened to a week after `latest`.
 */
export function publicationWindow(sentences: Sentence[], bounds: [string, string], latest: string | null = null): Published {
  const relevant = sentences.filter((s) => HAS_RELATIVE_WORD.test(s.text));
  // Weekday and day-word references, found once and re-resolved for every candidate publication day.
  const references = findDates(relevant, { value: bounds[0] }).filter((d) => d.relativeDay && RELATIVE_DAY_RULE.test(d.relativeDay.rule));
  let window: [string, string];
  if (!references.length) {
    window = latest ? [bounds[0], addDays(latest, 6) < bounds[1] ? addDays(latest, 6) : bounds[1]] : bounds;
  } else {
    const scored: { day: string; score: number }[] = [];
    const span = Math.min(daysBetween(bounds[0], bounds[1]), 31);
    for (let offset = 0; offset <= span; offset++) {
      const p = addDays(bounds[0], offset);
      const days = latest ? [latest, p] : [p];
      let penalty = 0;
      for (const d of references) {
        const day = resolveRelativeDay(d.relativeDay!, p);
        days.push(day);
        if (d.tense === "future" && day < p && d.relativeDay!.rule !== "weekday-nearest-publication") penalty += 7;
        if (d.tense === "past" && d.relativeDay!.rule === "weekday-this-week" && day > p) penalty += 7;
      }
      days.sort();
      scored.push({ day: p, score: daysBetween(days[0]!, days[days.length - 1]!) + penalty });
    }
    const best = Math.min(...scored.map((x) => x.score));
    const good = scored.filter((x) => x.score <= best + 1).map((x) => x.day);
    window = [good[0]!, good[good.length - 1]!];
  }
  return { value: window[0], precision: "day", window, source: "inferred" };
}

/**
 * `inferPublished` for a cleaned article: photo captions and removed embedded posts count as dated hints.
 * `yearReference` (a day, e.g. the latest publication day of the other articles in a batch) lets day-month
 * dates without a year ("am 17. Februar") count too.
 */
export function inferPublication(cleaned: Cleaned, sentences: Sentence[], yearReference?: string): Published | null {
  const hints = [
    ...cleaned.captions.map((c) => c.text),
    ...cleaned.removed.filter((r) => r.reason === "social-post" || r.reason === "photo-credit").map((r) => r.line),
  ];
  return inferPublished(sentences, hints, yearReference);
}

const ISO_FUZZY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface MetadataOptions {
  /** Sentences of `cleaned.text`, when the caller has them already (saves a second split). */
  sentences?: Sentence[];
}

/** Stage 2: metadata from given fields, removed furniture and the text. Given fields always win. */
export function extractMetadata(cleaned: Cleaned, given: GivenMetadata = {}, options: MetadataOptions = {}): ArticleMetadata {
  const credits = readCredits(cleaned);
  let outlet = given.outlet?.trim() || credits.outlet || (given.url ? outletOfUrl(given.url) : null);
  if (!outlet && credits.bylineAgencies.length === 1) outlet = credits.bylineAgencies[0]!;

  let published: Published | null = null;
  if (given.published && ISO_FUZZY.test(given.published)) {
    published = { value: given.published, precision: precisionOf(given.published), window: [given.published, given.published], source: "front-matter" };
  } else {
    const day = dateFromDatelines(cleaned.removed);
    if (day) published = { value: day, precision: "day", window: [day, day], source: "date-line" };
    else {
      published = inferPublication(cleaned, options.sentences ?? splitSentences(cleaned.text));
    }
  }

  return {
    title: given.title?.trim() || guessTitle(cleaned.text, cleaned.captions),
    url: given.url ?? null,
    outlet: outlet ?? null,
    agencies: given.agencies?.length ? given.agencies : credits.agencies,
    authors: given.authors?.length ? given.authors : credits.authors,
    language: given.language && /^[a-z]{2}$/.test(given.language) ? given.language : detectLanguage(cleaned.text),
    published,
  };
}
