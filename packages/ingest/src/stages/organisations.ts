/**
 * Part of stage 4 (mentions): organisations no lexicon lists, found by the way German copy introduces them.
 *
 * - An acronym defined in parentheses after its expansion: "der paramilitärischen Rapid Support Forces (RSF)",
 *   "Vertreter der sudanesischen Streitkräfte (SAF)". The expansion counts when its initials spell the acronym or
 *   its head noun names a body (data/institutions.json `acronymHeads`), so a treaty ("Atomwaffensperrvertrag
 *   (NPT)") is no actor. An organisation noun before an acronym defines it too ("Schutztruppe KFOR").
 *   Once defined, the acronym alone and its compounds ("RSF-Miliz") name the organisation anywhere in the article,
 *   also before the definition (headlines come first).
 * - Bodies of a state or organisation (data/institutions.json `nouns`): "US-Senat", "IAEA-Gouverneursrat",
 *   "die kosovarische Polizei", "Irans Parlament", "der Gouverneursrat der IAEA". They are actors of their own
 *   (a parliament's hardliners are not the government). A bare noun ("im Senat") is the one such body the
 *   article names with an owner.
 *
 * Pure functions over the sentence words; `findMentions` turns the spans into mentions.
 */
import type { Sentence } from "@lagebild/model";
import institutionData from "../../data/institutions.json" with { type: "json" };
import type { Lexicon } from "../gazetteer.ts";
import { fold, slug, type Word, wordsOf } from "../text.ts";

/** An organisation span found in one sentence: words [w0, w1). */
export interface OrgSpan {
  w0: number;
  w1: number;
  key: string;
  /** The name as written (an alias). */
  name: string;
  /** The organisation's display name when this span is the first to name it. */
  entityName: string;
  via: "pattern:org-acronym" | "pattern:org-institution" | "pattern:org-english";
  /** Actor key of the owner (state:US, org:iaea). */
  affiliation?: string;
}

/** What the rest of the mention stage already found at a word: a gazetteer entry and where it ends. */
export interface GazetteerHit {
  entry: { kind: string; key: string; genitive?: boolean; words: string[] };
  end: number;
}

interface DefinedAcronym {
  key: string;
  name: string;
  /** How many words the expansion has (where the article defines it). */
  words?: number;
}

const CRAFT_NUMBERS = new Set<string>(institutionData.craftNumbers);
const institutionOf = new Map<string, string>();
for (const n of institutionData.nouns) for (const f of n.forms) institutionOf.set(fold(f), n.name);
const ACRONYM_HEADS = institutionData.acronymHeads.map(fold);
const ENGLISH_HEADS = new Set(institutionData.englishHeads);
/** Capitalised German words by their look: umlauts, ß, or a German noun/adjective ending. */
const GERMAN_LOOK = /[äöüß]|(?:ung|ungen|heit|keit|schaft|en|ern|isch|lich|tum)$/i;

const ACRONYM = /^[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,6}$/;
const ROMAN = /^[IVXLC]+$/;
const INNER_FUNCTION_WORDS = new Set(["of", "for", "the", "and", "für", "fur", "und", "de", "la", "el", "du"]);

function isAcronym(text: string): boolean {
  return ACRONYM.test(text) && (text.match(/[A-ZÄÖÜ]/g)?.length ?? 0) >= 2 && !ROMAN.test(text);
}

/** Whether a folded noun is (or ends in) a head noun that names a body: Streitkräfte, Atomenergiebehörde, Ärzteverband. */
function hasBodyHead(folded: string): boolean {
  return ACRONYM_HEADS.some((h) => folded === h || (folded.endsWith(h) && folded.length - h.length >= 3));
}

/** Nominative display form of an expansion that starts with an inflected adjective: "sudanesischen Streitkräfte" → "Sudanesische Streitkräfte". */
function displayName(words: string[]): string {
  const [first, ...rest] = words;
  if (!first) return "";
  if (/^\p{Ll}/u.test(first)) {
    const nominative = first.replace(/(isch|ländisch|esisch)(en|er|es|em)$/u, "$1e");
    return [nominative[0]!.toUpperCase() + nominative.slice(1), ...rest].join(" ");
  }
  return words.join(" ");
}

/** The lexicon entry (organisation or state) whose words start at `i`, if any. */
function lexiconEntryAt(lex: Lexicon, words: Word[], i: number, end: number): string | undefined {
  const list = lex.byFirst.get(words[i]!.f);
  for (const e of list ?? []) {
    if (i + e.words.length !== end) continue;
    if (e.words.every((w, k) => words[i + k]!.f === w) && (e.kind === "org" || e.kind === "country")) return e.key;
  }
  return undefined;
}

/**
 * The expansion before "(" at word `open`: name words (capitalised, with inner function words), optionally led by
 * an adjective ("sudanesischen"). Returns [start, end) or null.
 */
function expansionBefore(lex: Lexicon, words: Word[], open: number): [number, number] | null {
  let j = open;
  let names = 0;
  while (j > 0 && open - j < 7) {
    const w = words[j - 1]!;
    if (!w.word) break;
    if (w.cap) {
      names += 1;
      j -= 1;
      continue;
    }
    if (INNER_FUNCTION_WORDS.has(w.f) && names > 0 && words[j - 2]?.cap) {
      j -= 1;
      continue;
    }
    break;
  }
  if (!names) return null;
  // A leading adjective belongs to the name ("sudanesischen Streitkräfte") when it is a demonym.
  const before = words[j - 1];
  if (before && !before.cap && lex.demonyms.has(before.f)) j -= 1;
  return [j, open];
}

/**
 * Acronyms the article defines, with the organisation each stands for. Scans the whole article first, so a
 * headline using an acronym before the body defines it still finds it.
 */
export function definedAcronyms(lex: Lexicon, sentences: Sentence[]): Map<string, DefinedAcronym> {
  const out = new Map<string, DefinedAcronym>();
  for (const s of sentences) {
    const words = wordsOf(s);
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (!isAcronym(w.text) || out.has(w.text)) continue;
      // "Schutztruppe KFOR": an organisation noun right before the acronym.
      const prev = words[i - 1]!;
      if (prev.word && (lex.orgNouns.has(prev.f) || hasBodyHead(prev.f)) && prev.cap && w.text.length >= 3) {
        out.set(w.text, { key: `org:${slug(w.text)}`, name: w.text });
        continue;
      }
      if (prev.text !== "(" || words[i + 1]?.text !== ")") continue;
      const span = expansionBefore(lex, words, i - 1);
      if (!span) continue;
      const [a, b] = span;
      const known = lexiconEntryAt(lex, words, a, b) ?? (a + 1 < b ? lexiconEntryAt(lex, words, a + 1, b) : undefined);
      if (known) {
        out.set(w.text, { key: known, name: lex.actors.get(known)?.name ?? w.text });
        continue;
      }
      // The expansion starts where the initials spell the acronym ("Auch Rapid Support Forces (RSF)" drops "Auch"),
      // or, for a German body noun, after any leading stop word.
      const initials = (from: number) => words.slice(from, b).filter((x) => x.cap && !INNER_FUNCTION_WORDS.has(x.f)).map((x) => x.text[0]!).join("").toUpperCase();
      let start = -1;
      for (let k = a; k < b && start < 0; k++) if (initials(k) === w.text.toUpperCase()) start = k;
      if (start < 0 && hasBodyHead(words[b - 1]!.f)) {
        start = a;
        while (start < b - 1 && words[start]!.cap && lex.stopwords.has(words[start]!.f)) start += 1;
      }
      if (start < 0) continue;
      const name = displayName(words.slice(start, b).map((x) => x.text));
      // "sudanesischen Streitkräfte (SAF)": a state's body, keyed as such so "Sudans Armee" later is the same actor.
      const body = b - start === 2 ? institutionOf.get(words[b - 1]!.f) : undefined;
      const owner = body && !words[start]!.cap ? lex.demonyms.get(words[start]!.f) : undefined;
      out.set(w.text, { key: owner && body ? institutionKey(owner, body) : `org:${slug(w.text)}`, name, words: b - start });
    }
  }
  return out;
}

/** The owner of a compound's prefix: "US" → state:US, "IAEA" → org:iaea, "Kosovo" → state:XK. */
function ownerOfPrefix(lex: Lexicon, prefix: string, acronyms: Map<string, DefinedAcronym>): string | undefined {
  const direct = lex.prefixes.get(prefix) ?? lex.demonyms.get(fold(prefix)) ?? acronyms.get(prefix)?.key;
  if (direct) return direct;
  const f = fold(prefix);
  const e = lex.byFirst.get(f)?.find((x) => x.words.length === 1 && (x.kind === "org" || x.kind === "country"));
  return e?.key;
}

/** A short name for an owner: an organisation's acronym if it has one (IAEA), else its name (USA, Kosovo). */
function ownerName(lex: Lexicon, key: string, acronyms: Map<string, DefinedAcronym>): string {
  const info = lex.actors.get(key);
  if (info) return (info.kind !== "state" && info.aliases.find((a) => isAcronym(a))) || info.name;
  for (const [acr, d] of acronyms) if (d.key === key) return acr;
  return key.replace(/^\w+:/, "").toUpperCase();
}

const institutionKey = (owner: string, noun: string) => `org:${slug(owner.replace(/^\w+:/, ""))}-${slug(noun)}`;

/**
 * Organisation spans of one sentence. `blocked[i]` is set for words another mention took; `gazAt[i]` holds the
 * lexicon entry starting at word i. Bare institution nouns are returned in `bare` for the article-level pass.
 */
export function organisationSpans(
  lex: Lexicon,
  words: Word[],
  blocked: readonly (number | undefined)[],
  gazAt: readonly (GazetteerHit | undefined)[],
  acronyms: Map<string, DefinedAcronym>,
): { spans: OrgSpan[]; bare: { w: number; noun: string }[] } {
  const spans: OrgSpan[] = [];
  const bare: { w: number; noun: string }[] = [];
  // Words a lexicon name covers are the lexicon's (its mentions are emitted after this pass).
  const taken = blocked.map((b) => b !== undefined);
  gazAt.forEach((g, i) => {
    if (g) for (let k = i; k < g.end; k++) taken[k] = true;
  });
  const free = (a: number, b: number) => b > a && !taken.slice(a, b).some(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // The expansion of a defined acronym: "Rapid Support Forces (RSF)", "sudanesischen Streitkräfte (SAF)".
    const defined = w.text === "(" && words[i + 2]?.text === ")" ? acronyms.get(words[i + 1]!.text) : undefined;
    if (defined && defined.key.startsWith("org:")) {
      const found = expansionBefore(lex, words, i);
      const span: [number, number] | null = found && [Math.max(found[0], found[1] - (defined.words ?? 99)), found[1]];
      // A defined name wins over a place inside it ("Lomé Resistance Front"), not over a person.
      const unblocked = span && !blocked.slice(span[0], span[1]).some((x) => x !== undefined);
      if (span && unblocked && !spans.some((s) => s.w1 > span[0])) {
        const name = words.slice(span[0], span[1]).map((x) => x.text).join(" ");
        spans.push({ w0: span[0], w1: span[1], key: defined.key, name, entityName: defined.name, via: "pattern:org-acronym" });
      }
      continue;
    }
    if (taken[i] || !w.word || !w.cap) continue;
    // Acronyms and their compounds: "RSF", "RSF-Miliz".
    const dash = w.text.indexOf("-");
    const noun = institutionOf.get(dash > 0 ? fold(w.text.slice(dash + 1)) : w.f);
    const acr = noun ? undefined : acronyms.get(dash > 0 ? w.text.slice(0, dash) : w.text);
    if (acr && (dash < 0 || isBodyNoun(lex, fold(w.text.slice(dash + 1))))) {
      spans.push({ w0: i, w1: i + 1, key: acr.key, name: w.text, entityName: acr.name, via: "pattern:org-acronym" });
      continue;
    }
    // An English name around a head noun: "International Institute for Strategic Studies", "Human Rights Watch".
    if (!noun && ENGLISH_HEADS.has(w.text)) {
      const span = englishNameAround(lex, words, i, taken);
      const definesAcronym = span && words[span[1]]?.text === "(" && acronyms.has(words[span[1] + 1]?.text ?? "");
      // "Air Force One", "Marine One": a name ending in a number names an aircraft or ship, not a body.
      const craft = span && CRAFT_NUMBERS.has(words[span[1] - 1]!.text);
      if (span && !definesAcronym && !craft && !spans.some((s) => s.w1 > span[0])) {
        const name = words.slice(span[0], span[1]).map((x) => x.text).join(" ");
        spans.push({ w0: span[0], w1: span[1], key: `org:${slug(name)}`, name, entityName: name, via: "pattern:org-english" });
        i = span[1] - 1;
      }
      continue;
    }
    // Bodies of a state or organisation: "US-Senats", "die kosovarische Polizei", "der Gouverneursrat der IAEA".
    if (!noun) continue;
    // "die sudanesischen Streitkräfte (SAF)" defines an acronym: the acronym pass names that body.
    if (words[i + 1]?.text === "(" && acronyms.has(words[i + 2]?.text ?? "")) continue;
    let owner: string | undefined;
    let w0 = i;
    const w1 = i + 1;
    if (dash > 0) owner = ownerOfPrefix(lex, w.text.slice(0, dash), acronyms);
    else {
      const prev = words[i - 1];
      const prevHit = gazAt[i - 1] ?? (i >= 2 && gazAt[i - 2]?.end === i ? gazAt[i - 2] : undefined);
      if (prev && !prev.cap && lex.demonyms.has(prev.f)) {
        owner = lex.demonyms.get(prev.f);
        w0 = i - 1;
      } else if (prevHit && prevHit.end === i && prevHit.entry.genitive && (prevHit.entry.kind === "country" || prevHit.entry.kind === "org")) {
        owner = prevHit.entry.key; // "Irans Parlament": the genitive stays the state's own mention
      } else if ((words[i + 1]?.f === "der" || words[i + 1]?.f === "des") && gazAt[i + 2] && ["org", "country"].includes(gazAt[i + 2]!.entry.kind)) {
        owner = gazAt[i + 2]!.entry.key; // "der Gouverneursrat der IAEA"
      } else if ((words[i + 1]?.f === "der" || words[i + 1]?.f === "des") && acronyms.has(words[i + 2]?.text ?? "")) {
        owner = acronyms.get(words[i + 2]!.text)!.key;
      }
    }
    if (!owner) {
      bare.push({ w: i, noun });
      continue;
    }
    if (!free(w0, w1)) continue;
    // "US-Senats" is named in its base form; "die kosovarische Polizei" as written.
    const name = dash > 0 ? `${w.text.slice(0, dash)}-${noun}` : words.slice(w0, w1).map((x) => x.text).join(" ");
    spans.push({
      w0, w1, key: institutionKey(owner, noun), name, entityName: `${noun} (${ownerName(lex, owner, acronyms)})`,
      via: "pattern:org-institution", affiliation: owner,
    });
  }
  return { spans, bare };
}

/** English-looking capitalised words (and inner of/for/the/and/on) around the head at `h`; at least two name words. */
function englishNameAround(lex: Lexicon, words: Word[], h: number, taken: boolean[]): [number, number] | null {
  const english = (k: number) => {
    const w = words[k];
    if (!w || !w.word || !w.cap || taken[k] || lex.stopwords.has(w.f) || GERMAN_LOOK.test(w.text)) return false;
    // "Londoner", "Pariser": a city's adjective before the name is not part of it.
    if (/er$/.test(w.f) && lex.byFirst.get(w.f.slice(0, -2))?.some((e) => e.kind === "city")) return false;
    return true;
  };
  const inner = (k: number) => /^(?:of|for|the|and|on|in)$/.test(words[k]?.text ?? "");
  let a = h;
  while (a > 0 && h - a < 5 && (english(a - 1) || (inner(a - 1) && english(a - 2)))) a -= 1;
  let b = h + 1;
  while (b < words.length && b - h < 5 && (english(b) || (inner(b) && english(b + 1)))) b += 1;
  const names = words.slice(a, b).filter((w) => w.cap).length;
  return names >= 2 ? [a, b] : null;
}

function isBodyNoun(lex: Lexicon, folded: string): boolean {
  return lex.orgNouns.has(folded) || lex.governmentNouns.has(folded) || hasBodyHead(folded);
}

/** The one owned body an article names with each institution noun: bare nouns ("im Senat") refer to it. */
export function ownedBodies(spans: OrgSpan[]): Map<string, OrgSpan> {
  const byNoun = new Map<string, OrgSpan | null>();
  for (const s of spans) {
    if (s.via !== "pattern:org-institution") continue;
    const noun = s.entityName.replace(/ \(.*\)$/, "");
    const seen = byNoun.get(noun);
    if (seen === undefined) byNoun.set(noun, s);
    else if (seen && seen.key !== s.key) byNoun.set(noun, null);
  }
  const out = new Map<string, OrgSpan>();
  for (const [noun, s] of byNoun) if (s) out.set(noun, s);
  return out;
}
