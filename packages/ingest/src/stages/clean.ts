/**
 * Stage 1: remove page furniture without losing body text.
 *
 * Works line by line; a line is removed only when a furniture pattern (data/clean-furniture.json) matches the
 * whole line, so body paragraphs stay byte-identical. Removed lines are kept in `removed` with a reason —
 * datelines, bylines, source and credit lines are read from there by the metadata stage.
 *
 * Photo captions: the credit ("Kemal Aslan/REUTERS", "IMAGO/Avi Ohayon – GPO") and the label ("Legende:") are
 * removed, the caption text itself stays in the body as its own line — captions often carry a fact, a date and a
 * place that appear nowhere else — and is also listed in `captions` with its date and place as a hint.
 * A credit on its own line marks the next line (without final punctuation) as a caption.
 * Embedded social posts (the post text and the "— Name (@handle) date" line) are removed together, and so are
 * teaser blocks ("Mehr zum Thema" and the headlines below it).
 * Runs of blank lines collapse to one; leading and trailing blank lines go.
 */
import type { Cleaned } from "../pipeline/types.ts";
import furniture from "../../data/clean-furniture.json" with { type: "json" };
import agencyData from "../../data/metadata-agencies.json" with { type: "json" };
import outletData from "../../data/metadata-outlets.json" with { type: "json" };
import dateWords from "../../data/dates-de.json" with { type: "json" };
import { isPlaceName, lexicon } from "../gazetteer.ts";
import { findDates } from "./dates.ts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byLength = (a: string, b: string) => b.length - a.length;

const PHOTO_AGENCIES = [...new Set([...furniture.photoAgencies, ...agencyData.agencies.flatMap((a) => a.aliases)])].sort(byLength).map(escape).join("|");
const AGENCY = `(?:${PHOTO_AGENCIES})`;
const LABELS = furniture.captionLabels.map(escape).join("|");

const LINE_RULES = furniture.lines.map((r) => ({ reason: r.reason, re: new RegExp(r.pattern, `u${"flags" in r ? r.flags : ""}`) }));
const TEASER = new RegExp(`^(?:${furniture.teasers.map(escape).sort(byLength).join("|")})(?=$|[\\s:])`, "u");

const MONTH = Object.keys(dateWords.months).map((m) => escape(m[0]!.toUpperCase() + m.slice(1)) + (m.length <= 4 && m !== "mai" && m !== "juni" && m !== "juli" ? "\\.?" : "")).sort(byLength).join("|");
const WEEKDAY = [...Object.keys(dateWords.weekdays).map((w) => w[0]!.toUpperCase() + w.slice(1)), ...furniture.weekdayAbbreviations.map((w) => `${w}\\.?`)].join("|");
const DATE = `(?:\\d{1,2}\\.\\s*(?:${MONTH})\\s*\\d{4}|\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2})`;
const TIME = `(?:\\s*[,|·–-]?\\s*(?:um\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*Uhr)?(?:\\s*(?:MEZ|MESZ|CET|CEST|UTC))?)`;
const DATELINE_KEYWORD = `(?:${furniture.datelineKeywords.map(escape).sort(byLength).join("|")})`;
const DATELINE = new RegExp(
  `^[,\\s|·]*(?:${DATELINE_KEYWORD}(?:\\s+am)?\\s*:?\\s*)?(?:(?:${WEEKDAY}),?\\s*(?:den\\s+)?)?${DATE}${TIME}?(?:\\s*[,|·]?\\s*(?:Quelle|Quellen|Von|Autor|Autorin|Autoren)\\s*:.*)?\\s*$`,
  "u",
);
const DATELINE_LOOSE = new RegExp(`^[,\\s]*${DATELINE_KEYWORD}(?:\\s+am\\s|\\s*:)\\s*.{0,40}\\d.{0,80}$`, "u");
const BYLINE_KEYWORD = furniture.bylineKeywords.slice().sort(byLength).map(escape).join("|");
const BYLINE_COLON = new RegExp(`^(?:${BYLINE_KEYWORD})\\s*:\\s*(.{2,200})$`, "u");
const BYLINE_VON = new RegExp(`^(?:${BYLINE_KEYWORD}|von)\\s+(.{2,160})$`, "u");
/** A correspondent's line: "Martin Gräflin, Istanbul" — a name and the place written from, nothing else. */
const NAME_AND_PLACE = /^([\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){1,2}),\s+([\p{Lu}][\p{L}.-]+(?:\s+[\p{Lu}][\p{L}.-]+)?)$/u;
const PARTICLES = new Set(furniture.namePrefixParticles);
const SOCIAL_ATTRIBUTION = /^[—–-]\s*[^()\n]{1,80}\(@[\w.]{1,50}\)(?:\s+.{0,40})?$/u;
const SOCIAL_LINK = /pic\.twitter\.com\/|https?:\/\/t\.co\/|https?:\/\/(?:www\.)?(?:twitter|x)\.com\/\w+\/status\//u;
const AGENCY_ONLY = new RegExp(`^\\(?(?:${AGENCY}|[a-z]{2,4})(?:\\s*[,/]\\s*(?:${AGENCY}|[a-z]{2,4}))*\\)?\\.?$`, "u");
const HAS_AGENCY = new RegExp(`(?<![\\p{L}])${AGENCY}(?![\\p{L}])`, "u");

// Photo credit at the start of a caption line: "Kemal Aslan/REUTERS »…«", "Foto: Name/dpa – …", "© IMAGO/Name".
const NAME = `[\\p{Lu}][\\p{L}'.-]*(?:\\s+[\\p{L}'.-]+){0,3}`;
const CREDIT_START = new RegExp(`^(?:(?:Foto|Bild|Fotos|Photo)\\s*:\\s*)?(?:©\\s*)?${NAME}\\s*\\/\\s*${AGENCY}(?![\\p{L}])\\s*[|:–-]?\\s*`, "u");
// A line that is nothing but a credit: "IMAGO/Avi Ohayon – GPO", "Foto: picture alliance / dpa | Michael Kappeler".
const CREDIT_ONLY = new RegExp(
  `^(?:(?:Foto|Bild|Fotos|Photo|Quelle|Bildquelle)\\s*:\\s*)?(?:©\\s*)?(?:${AGENCY}(?![\\p{L}])\\s*(?:[/|]\\s*[^.!?]{0,60})?|[^.!?/]{1,60}[/|]\\s*${AGENCY}(?![\\p{L}])[^.!?]{0,40})$`,
  "u",
);
// A credit after the caption text: "… im Weissen Haus. IMAGO/Avi Ohayon – GPO", "… (Foto: dpa)".
const CREDIT_END = new RegExp(
  `\\s*(?:\\((?:Foto|Bild)\\s*:[^()]{1,80}\\)|(?:Foto|Bild)\\s*:\\s*[^.!?]{1,80}|(?:©\\s*)?${AGENCY}(?![\\p{L}])\\s*\\/\\s*[^.!?/]{1,60}|${NAME}\\s*\\/\\s*${AGENCY}(?![\\p{L}])[^.!?]{0,30})\\s*$`,
  "u",
);
const LABEL = new RegExp(`^(?:${LABELS})\\s*:\\s*`, "u");
// A line that is nothing but an outlet's name (a site header): only distinctive spellings, never a plain word
// like "Stern" or "Bild".
const OUTLET_LINES = new Set(
  outletData.outlets.flatMap((o) => [o.name, ...o.aliases]).filter((a) => /[\s.\d-]/.test(a) || (/^[\p{Lu}\d]{3,}$/u.test(a) && a.length >= 3)),
);
const OUTLET_ALIASES = new Map<string, string>();
for (const o of outletData.outlets) for (const a of [o.name, ...o.aliases]) OUTLET_ALIASES.set(a.toLowerCase(), o.name);
/** Separators of a site header or breadcrumb: "Frankfurter Rundschau › Politik", "NZZ · International", "DW – Deutsche Welle | Nahost". */
const SEGMENT_SEPARATOR = /\s+[›>·|–—]\s+|\s*[›·|]\s*/u;
const BREADCRUMB_SEPARATOR = /\s[›>·]\s/u;
/** A web site's name as mastheads print it: "DOMRADIO.DE", "tagesschau.de", "ntv.de". */
const SITE_NAME = /^[\p{L}\d][\p{L}\d-]{1,30}\.(?:de|at|ch|com|net|org|eu|info|fr|it|nl)$/iu;

/**
 * The outlet a site header names: a line of short segments (no sentence) where one segment is an outlet's name,
 * or its name followed by another of its names ("RND RedaktionsNetzwerk Deutschland"). Null for any other line.
 */
export function outletOfMasthead(line: string): string | null {
  const t = line.trim();
  if (t.length > 120 || endsLikeSentence(t)) return null;
  const segments = t.split(SEGMENT_SEPARATOR).map((x) => x.trim()).filter(Boolean);
  if (segments.some((x) => x.split(/\s+/).length > 6)) return null;
  // A site name first ("DOMRADIO.DE › Nachrichten › Welt") is the outlet; later segments are sections, even when a
  // section shares its name with an outlet (Welt).
  if (segments.length >= 2 && SITE_NAME.test(segments[0]!)) return OUTLET_ALIASES.get(segments[0]!.toLowerCase()) ?? segments[0]!;
  for (const seg of segments) {
    const direct = OUTLET_ALIASES.get(seg.toLowerCase());
    if (direct) return direct;
    const words = seg.split(/\s+/);
    for (let k = 1; k < words.length; k++) {
      const head = OUTLET_ALIASES.get(words.slice(0, k).join(" ").toLowerCase());
      if (head && OUTLET_ALIASES.get(words.slice(k).join(" ").toLowerCase()) === head) return head;
    }
  }
  return null;
}

/** A section path over the headline: "Politik › International › EU-Gipfel" (short segments, no sentence). */
function isBreadcrumb(line: string): boolean {
  const t = line.trim();
  if (t.length > 120 || endsLikeSentence(t) || !BREADCRUMB_SEPARATOR.test(t)) return false;
  const segments = t.split(SEGMENT_SEPARATOR).filter(Boolean);
  return segments.length >= 2 && segments.every((x) => x.trim().split(/\s+/).length <= 5);
}

const FOLLOW = /^(?:(\S+(?:\s\S+)??)(?:\s+Deutsch|\s+auf\s+\S+)?\s+folgen|Folgen Sie(?: uns auf)?\s+(\S+(?:\s\S+)?))$/u;

/** The outlet a "follow us" button names ("DW Deutsch folgen", "Folgen Sie tagesschau"), else null. */
export function outletOfFollowButton(line: string): string | null {
  const follow = FOLLOW.exec(line.trim());
  return follow ? outletOfMasthead(follow[1] ?? follow[2]!) : null;
}

/** Lines before the first body paragraph where a site header or breadcrumb may stand. */
const MASTHEAD_LINES = 3;

/**
 * An agency credit closing a byline: "(mit dpa/AFP)", "(mit AFP, Reuters, AP)", ", mit Material von Reuters und dpa",
 * "mit dpa". Group 1 or 2 holds the credited names.
 */
export const BYLINE_CREDIT_TAIL = new RegExp(
  `\\s*(?:\\((?:mit|with|unter Mitarbeit von)\\s+([^()]{2,80})\\)|,?\\s+mit\\s+(?:Material\\s+(?:von|der|des)\\s+)?((?:${AGENCY})(?:\\s*(?:,|und|/)\\s*(?:${AGENCY}))*))\\s*$`,
  "u",
);

const PLACE_IN = /(?<![\p{L}])in\s+([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)/gu;

const endsLikeSentence = (s: string) => /[.!?…]["“”»«’)]*$/u.test(s);

/** Whether `rest` reads like a list of person names ("Anna Müller und Max Muster, Brüssel"). */
function looksLikeNames(rest: string): boolean {
  const parts = rest.split(/\s*(?:,|;|\bund\b|&|\/)\s*/u).filter(Boolean);
  if (!parts.length || parts.length > 8) return false;
  let names = 0;
  for (const p of parts) {
    const tokens = p.split(/\s+/u);
    if (tokens.length > 5) return false;
    const ok = tokens.every((t) => /^[\p{Lu}][\p{L}'.-]*$/u.test(t) || PARTICLES.has(t));
    if (!ok && !HAS_AGENCY.test(p)) return false;
    if (ok && tokens.length >= 2) names += 1;
  }
  return names >= 1;
}

type Verdict =
  | { action: "keep" }
  | { action: "remove"; reason: string; teaserLabel?: boolean; creditOnly?: boolean }
  | { action: "rewrite"; text: string; removed: { line: string; reason: string }[]; caption: boolean };

function classify(line: string): Verdict {
  const t = line.trim();
  if (SOCIAL_ATTRIBUTION.test(t) || SOCIAL_LINK.test(t)) return { action: "remove", reason: "social-post" };
  for (const rule of LINE_RULES) if (rule.re.test(t)) return { action: "remove", reason: rule.reason };
  if (t.length <= 300 && TEASER.test(t)) {
    const afterLabel = t.replace(TEASER, "");
    if (/^\s*:/.test(afterLabel) || !endsLikeSentence(t)) return { action: "remove", reason: "related-content", teaserLabel: /^\s*:?\s*$/.test(afterLabel) };
  }
  if (t.length <= 200 && (DATELINE.test(t) || (DATELINE_LOOSE.test(t) && !endsLikeSentence(t)))) return { action: "remove", reason: "dateline" };
  const colon = BYLINE_COLON.exec(t);
  if (colon && !endsLikeSentence(t)) return { action: "remove", reason: "byline" };
  // A byline may close with an agency credit: "Von Katrin Ahlmeyer (mit dpa/AFP)", "Leila Farahani (mit AFP, Reuters)".
  const agencyTail = BYLINE_CREDIT_TAIL.exec(t);
  const core = agencyTail ? t.slice(0, agencyTail.index) : t;
  const von = BYLINE_VON.exec(core);
  if (von && !endsLikeSentence(core) && looksLikeNames(von[1]!)) return { action: "remove", reason: "byline" };
  const correspondent = NAME_AND_PLACE.exec(core);
  if (correspondent && isPlaceName(lexicon(), correspondent[2]!) && !isPlaceName(lexicon(), correspondent[1]!)) return { action: "remove", reason: "byline" };
  if (agencyTail && HAS_AGENCY.test(agencyTail[0]) && core.length <= 80 && !endsLikeSentence(core) && looksLikeNames(core)) return { action: "remove", reason: "byline" };
  if (t.length <= 60 && AGENCY_ONLY.test(t) && HAS_AGENCY.test(t)) return { action: "remove", reason: "source-line" };
  if (t.length <= 60 && OUTLET_LINES.has(t)) return { action: "remove", reason: "outlet-line" };
  if (t.length <= 120 && CREDIT_ONLY.test(t) && !endsLikeSentence(t)) return { action: "remove", reason: "photo-credit", creditOnly: true };

  // Captions: credit at the start, or a caption label.
  const removed: { line: string; reason: string }[] = [];
  let text = t;
  const credit = CREDIT_START.exec(text);
  if (credit && text.length - credit[0].length >= 3) {
    removed.push({ line: credit[0].trim(), reason: "photo-credit" });
    text = text.slice(credit[0].length);
  }
  const label = LABEL.exec(text);
  if (label) {
    removed.push({ line: label[0].trim(), reason: "caption-label" });
    text = text.slice(label[0].length);
  }
  if (removed.length) {
    const tail = CREDIT_END.exec(text);
    if (tail && tail.index > 0) {
      removed.push({ line: tail[0].trim(), reason: "photo-credit" });
      text = text.slice(0, tail.index);
    }
    text = text.trim();
    if (!text) return { action: "remove", reason: "photo-credit" };
    return { action: "rewrite", text, removed, caption: true };
  }
  return { action: "keep" };
}

function captionHint(text: string): { text: string; date?: string; place?: string } {
  const hint: { text: string; date?: string; place?: string } = { text };
  const dated = findDates([{ index: 0, start: 0, end: text.length, text }], null).find((d) => d.date.precision === "day");
  if (dated) hint.date = dated.date.value;
  let place: string | undefined;
  for (const m of text.matchAll(PLACE_IN)) place = m[1];
  if (place) hint.place = place;
  return hint;
}

/** Removes page furniture; see the module comment for the rules. */
export function clean(text: string): Cleaned {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const verdicts = lines.map((l) => (l.trim() === "" ? ({ action: "keep" } as Verdict) : classify(l)));

  // A "follow us" button names the outlet too: "DW Deutsch folgen", "Folgen Sie tagesschau".
  for (let i = 0; i < lines.length; i++) {
    if (verdicts[i]!.action === "keep" && outletOfFollowButton(lines[i]!)) verdicts[i] = { action: "remove", reason: "outlet-line" };
  }

  // Site header and breadcrumb: only above the body, where a line naming an outlet cannot be text.
  for (let i = 0, seen = 0; i < lines.length && seen < MASTHEAD_LINES; i++) {
    if (!lines[i]!.trim() || verdicts[i]!.action !== "keep") continue;
    if (endsLikeSentence(lines[i]!.trim())) break; // the body has begun
    seen += 1;
    if (outletOfMasthead(lines[i]!)) verdicts[i] = { action: "remove", reason: "outlet-line" };
    else if (isBreadcrumb(lines[i]!)) verdicts[i] = { action: "remove", reason: "breadcrumb" };
  }

  // An embedded post is the text line(s) right before its "— Name (@handle) date" line.
  for (let i = 0; i < lines.length; i++) {
    if (!SOCIAL_ATTRIBUTION.test(lines[i]!.trim())) continue;
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === "") j--;
    if (j >= 0 && verdicts[j]!.action === "keep" && lines[j]!.trim().length <= 400) verdicts[j] = { action: "remove", reason: "social-post" };
  }

  // A teaser label on its own line ("Mehr zum Thema") is followed by the teased headlines: no final punctuation,
  // up to the next blank line.
  // A credit on its own line ("Foto: Name/AFP") is followed by its caption when that line has no final punctuation.
  const captionLines = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const v = verdicts[i]!;
    if (v.action !== "remove") continue;
    if (v.teaserLabel) {
      for (let j = i + 1, n = 0; j < lines.length && n < 5; j++, n++) {
        const t = lines[j]!.trim();
        if (!t || verdicts[j]!.action !== "keep" || t.length > 150 || endsLikeSentence(t)) break;
        verdicts[j] = { action: "remove", reason: "related-content" };
      }
    } else if (v.creditOnly) {
      const t = lines[i + 1]?.trim() ?? "";
      if (t && verdicts[i + 1]!.action === "keep" && t.length <= 200 && !endsLikeSentence(t)) captionLines.add(i + 1);
    }
  }

  const out: string[] = [];
  const removed: Cleaned["removed"] = [];
  const captions: Cleaned["captions"] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const v = verdicts[i]!;
    if (line.trim() === "") {
      if (out.length && out[out.length - 1] !== "") out.push("");
      continue;
    }
    if (v.action === "remove") {
      removed.push({ line: line.trim(), reason: v.reason });
      continue;
    }
    if (v.action === "rewrite") {
      removed.push(...v.removed);
      if (v.caption) captions.push(captionHint(v.text));
      out.push(v.text);
      continue;
    }
    if (captionLines.has(i)) captions.push(captionHint(line.trim()));
    out.push(line);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return { text: out.join("\n"), removed, captions };
}
