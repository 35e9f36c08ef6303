/**
 * Loads the extraction lexicons from `data/` once and indexes them for fast lookup:
 * countries (from the installed i18n-iso-countries package, German and English names, plus
 * data/countries-extra.json), cities and regions (data/cities.json), seats of government, organisations,
 * media, well-known persons, the dossier's known actors, demonyms, office titles, given names and stop words.
 *
 * Multi-word names are matched through a Map from the folded first word to the entries starting with it
 * (longest first), so a sentence is scanned once, never the lexicon.
 */
import countries from "i18n-iso-countries";
import deLocale from "i18n-iso-countries/langs/de.json" with { type: "json" };
import enLocale from "i18n-iso-countries/langs/en.json" with { type: "json" };
import type { Dossier } from "@lagebild/model";
import centroidData from "../data/country-centroids.json" with { type: "json" };
import cityData from "../data/cities.json" with { type: "json" };
import countryExtra from "../data/countries-extra.json" with { type: "json" };
import seatData from "../data/seats.json" with { type: "json" };
import orgData from "../data/organisations.json" with { type: "json" };
import mediaData from "../data/media.json" with { type: "json" };
import personData from "../data/persons.json" with { type: "json" };
import demonymData from "../data/demonyms.json" with { type: "json" };
import officeData from "../data/offices.json" with { type: "json" };
import givenNameData from "../data/given-names.json" with { type: "json" };
import stopwordData from "../data/stopwords.json" with { type: "json" };
import { tokenize } from "./stages/sentences.ts";
import { fold, slug } from "./text.ts";

countries.registerLocale(deLocale);
countries.registerLocale(enLocale);

export type EntryKind = "country" | "city" | "region" | "seat" | "org" | "media" | "person";

export interface GazEntry {
  /** Folded words of the written form. */
  words: string[];
  /** The written form as listed. */
  form: string;
  kind: EntryKind;
  /** Actor key (state:IR, org:…, media:…, person:…) or, for cities and regions, the place key. */
  key: string;
  /** Place key for countries, cities, regions and seats of government. */
  place?: string;
  /** State an entry stands for as an actor: the country itself, the state of a capital or seat. */
  state?: string;
  /** The form is a genitive (Irans, Omans). */
  genitive?: boolean;
  /** Match only when the written form's case agrees (capitalised names). */
  caseSensitive: boolean;
  /** The name is also an ordinary word: it needs a cue (a media noun, "auf", "laut") to count. */
  needsCue?: boolean;
}

export interface PlaceInfo {
  key: string;
  name: string;
  aliases: string[];
  lat: number;
  lon: number;
  country: string | null;
  precision: "city" | "region" | "country";
  /** For cities that stand for a state's government (capitals, seats): its ISO code. */
  seat: string | null;
}

export interface ActorInfo {
  key: string;
  kind: "person" | "state" | "organisation" | "media" | "group";
  name: string;
  aliases: string[];
  role?: string;
  /** Actor key of the state/organisation a person or organisation belongs to. */
  affiliation?: string;
  iso?: string;
  mediaType?: string;
}

export interface TitleForm {
  /** The listed base form, lower case (außenminister). */
  base: string;
  /** The inflection ending the written form adds to it ("", "en", "s" …). */
  suffix: string;
}

export interface Lexicon {
  byFirst: Map<string, GazEntry[]>;
  /** First words of entries that may start with a lower-case letter (al-Bussaidi, jüdische Staat): the only lower-case words worth a lookup. */
  lowerFirst: Set<string>;
  places: Map<string, PlaceInfo>;
  actors: Map<string, ActorInfo>;
  /** Folded surname (last name word) → person keys from the person lexicons. */
  surnames: Map<string, string[]>;
  /** Folded demonym adjective form (iranische, us-amerikanischen) → actor key (state:IR, org:eu). */
  demonyms: Map<string, string>;
  /** Compound prefixes (US-, EU-) as written → actor key. */
  prefixes: Map<string, string>;
  /** Nouns for a people (Amerikaner, Iraner) → actor key. */
  peoples: Map<string, string>;
  /** Folded title forms (with inflection endings) → base form and the ending. */
  titles: Map<string, TitleForm>;
  givenNames: Set<string>;
  stopwords: Set<string>;
  governmentNouns: Set<string>;
  epithets: Set<string>;
  mediaNouns: Set<string>;
  orgNouns: Set<string>;
  capitalWords: Set<string>;
  /** ISO code → key of its capital's place (the first city listed with that seat). */
  capitalOf: Map<string, string>;
}

const stateKey = (iso: string) => `state:${iso}`;
const countryPlaceKey = (iso: string) => `country:${iso}`;
const wordsOfForm = (form: string) => tokenize(form).map((t) => fold(t.text));

/** German genitive of a single-word proper name: Iran → Irans; names ending in s/x/z take none. */
function genitiveOf(name: string): string | null {
  if (name.includes(" ") || /[sxzß]$/i.test(name)) return null;
  return `${name}s`;
}

function buildLexicon(dossier?: Dossier): Lexicon {
  const entries: GazEntry[] = [];
  const places = new Map<string, PlaceInfo>();
  const actors = new Map<string, ActorInfo>();
  const add = (form: string, e: Omit<GazEntry, "words" | "form" | "caseSensitive">, caseSensitive?: boolean) => {
    const words = wordsOfForm(form);
    if (!words.length) return;
    entries.push({ ...e, words, form, caseSensitive: caseSensitive ?? /^\p{Lu}/u.test(form) });
  };

  // Countries.
  const centroids = centroidData.centroids as unknown as Record<string, [number, number]>;
  const skipEnglish = new Set(countryExtra.skipEnglish);
  const display = countryExtra.display as Record<string, string>;
  const extra = countryExtra.aliases as Record<string, string[]>;
  const deNames = countries.getNames("de", { select: "all" }) as Record<string, string[]>;
  const enNames = countries.getNames("en", { select: "all" }) as Record<string, string[]>;
  for (const iso of Object.keys(deNames)) {
    const de = deNames[iso]!.map((n) => n.split(",")[0]!.trim());
    const en = (enNames[iso] ?? []).filter((n) => !/[,()]/.test(n) && !skipEnglish.has(n));
    const name = display[iso] ?? de[de.length - 1]!;
    const forms = [...new Set([name, ...de, ...(extra[iso] ?? []), ...en])];
    const c = centroids[iso];
    if (!c) continue;
    actors.set(stateKey(iso), { key: stateKey(iso), kind: "state", name, aliases: forms.filter((f) => f !== name), iso });
    places.set(countryPlaceKey(iso), {
      key: countryPlaceKey(iso), name, aliases: forms.filter((f) => f !== name), lat: c[0], lon: c[1], country: iso, precision: "country", seat: iso,
    });
    for (const form of forms) {
      const e = { kind: "country" as const, key: stateKey(iso), place: countryPlaceKey(iso), state: iso };
      add(form, e);
      const gen = genitiveOf(form);
      if (gen && /^\p{Lu}/u.test(form) && !form.endsWith(".")) add(gen, { ...e, genitive: true });
    }
  }

  // Cities and regions.
  const capitalOf = new Map<string, string>();
  for (const [name, en, country, lat, lon, seat, aliases] of cityData.rows as [string, string, string, number, number, string | null, string[]][]) {
    const key = `place:${slug(name)}`;
    const forms = [...new Set([name, en, ...aliases])];
    places.set(key, { key, name, aliases: forms.filter((f) => f !== name), lat, lon, country, precision: "city", seat });
    if (seat && !capitalOf.has(seat)) capitalOf.set(seat, key);
    for (const form of forms) {
      // A city whose name is also a country's name (Luxemburg, Monaco) is left to the country.
      add(form, { kind: "city", key, place: key, ...(seat ? { state: seat } : {}) });
    }
  }
  for (const [name, en, country, lat, lon, aliases] of cityData.regions.rows as [string, string, string | null, number, number, string[]][]) {
    const key = `place:${slug(name)}`;
    const forms = [...new Set([name, en, ...aliases])];
    places.set(key, { key, name, aliases: forms.filter((f) => f !== name), lat, lon, country, precision: "region", seat: null });
    for (const form of forms) add(form, { kind: "region", key, place: key });
  }
  const cityKeyByName = new Map([...places.values()].map((p) => [p.name, p.key]));
  for (const seat of seatData.seats) {
    const place = cityKeyByName.get(seat.city);
    if (!place) continue;
    for (const form of seat.forms) add(form, { kind: "seat", key: stateKey(seat.state), place, state: seat.state });
  }

  // Organisations, media, persons.
  for (const o of orgData.organisations) {
    actors.set(o.key, {
      key: o.key, kind: o.kind === "group" ? "group" : "organisation", name: o.name, aliases: o.aliases,
      ...(o.affiliation ? { affiliation: o.affiliation.includes(":") ? o.affiliation : stateKey(o.affiliation) } : {}),
    });
    for (const form of [o.name, ...o.aliases]) add(form, { kind: "org", key: o.key });
  }
  for (const m of mediaData.media) {
    actors.set(m.key, { key: m.key, kind: "media", name: m.name, aliases: m.aliases, mediaType: m.type });
    // Single letters and short all-caps names only count after a media noun or "auf" (see mentions).
    const needsCue = (form: string) => ("needsCue" in m && m.needsCue === true) || form.length <= 3;
    for (const form of [m.name, ...m.aliases]) add(form, { kind: "media", key: m.key, ...(needsCue(form) ? { needsCue: true } : {}) }, true);
  }
  const surnames = new Map<string, string[]>();
  const addPerson = (p: { key: string; name: string; aliases: string[]; role?: string; affiliation?: string }) => {
    const prev = actors.get(p.key);
    const aliases = [...new Set([...(prev?.aliases ?? []), ...p.aliases])];
    actors.set(p.key, {
      key: p.key, kind: "person", name: p.name, aliases,
      ...(p.role ? { role: p.role } : prev?.role ? { role: prev.role } : {}),
      ...(p.affiliation ? { affiliation: p.affiliation } : prev?.affiliation ? { affiliation: prev.affiliation } : {}),
    });
    for (const form of [p.name, ...aliases]) {
      add(form, { kind: "person", key: p.key }, /^\p{Lu}/u.test(form));
      const words = wordsOfForm(form);
      const gen = /[sxzß.]$/i.test(form) ? null : `${form}s`;
      if (gen) add(gen, { kind: "person", key: p.key, genitive: true }, /^\p{Lu}/u.test(form));
      const last = words[words.length - 1];
      if (last && words.length > 1) surnames.set(last, [...new Set([...(surnames.get(last) ?? []), p.key])]);
    }
  };
  const affiliationKey = (a: string | null | undefined) => (a ? (a.includes(":") ? a : stateKey(a)) : undefined);
  for (const p of personData.persons) {
    const aff = affiliationKey(p.affiliation);
    addPerson({ key: `person:${slug(p.name)}`, name: p.name, aliases: p.aliases, role: p.role, ...(aff ? { affiliation: aff } : {}) });
  }
  for (const a of dossier?.actors ?? []) {
    if (a.kind === "person") {
      addPerson({ key: a.key, name: a.name, aliases: a.aliases, ...(a.role ? { role: a.role } : {}), ...(a.affiliation ? { affiliation: a.affiliation } : {}) });
    } else {
      actors.set(a.key, { ...actors.get(a.key), key: a.key, kind: a.kind, name: a.name, aliases: a.aliases, ...(a.affiliation ? { affiliation: a.affiliation } : {}) });
      for (const form of [a.name, ...a.aliases]) add(form, { kind: a.kind === "media" ? "media" : a.kind === "state" ? "country" : "org", key: a.key });
    }
  }

  // Longest entries first; among equal lengths countries before cities (Luxemburg), persons last.
  const rank: Record<EntryKind, number> = { country: 0, seat: 1, org: 2, media: 3, region: 4, city: 5, person: 6 };
  const byFirst = new Map<string, GazEntry[]>();
  for (const e of entries) {
    const list = byFirst.get(e.words[0]!) ?? [];
    if (!list.some((x) => x.key === e.key && x.words.join(" ") === e.words.join(" ") && x.caseSensitive === e.caseSensitive)) list.push(e);
    byFirst.set(e.words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || rank[a.kind] - rank[b.kind]);

  // Demonyms, prefixes, peoples.
  const demonyms = new Map<string, string>();
  const toKey = (v: string) => (v.includes(":") ? v : stateKey(v));
  for (const [stem, v] of Object.entries(demonymData.adjectives)) {
    for (const suffix of demonymData.suffixes) demonyms.set(fold(stem + suffix), toKey(v));
  }
  const prefixes = new Map(Object.entries(demonymData.prefixes).map(([p, v]) => [p, toKey(v)]));
  const peoples = new Map(Object.entries(demonymData.nouns).map(([p, v]) => [p, toKey(v)]));

  const titles = new Map<string, TitleForm>();
  for (const [, ...forms] of officeData.titles) {
    for (const form of forms) {
      for (const suffix of officeData.suffixes) {
        const f = fold(form + suffix);
        const prev = titles.get(f);
        if (!prev || suffix === "") titles.set(f, { base: form, suffix });
      }
    }
  }

  const lowerFirst = new Set(entries.filter((e) => !/^\p{Lu}/u.test(e.form)).map((e) => e.words[0]!));
  return {
    byFirst, lowerFirst, places, actors, surnames, demonyms, prefixes, peoples, titles,
    givenNames: new Set(givenNameData.names.map(fold)),
    stopwords: new Set(stopwordData.words.map(fold)),
    governmentNouns: new Set(officeData.governmentNouns.map(fold)),
    epithets: new Set(officeData.epithets.map(fold)),
    mediaNouns: new Set(mediaData.mediaNouns.map(fold)),
    orgNouns: new Set(orgData.orgNouns.map(fold)),
    capitalWords: new Set(seatData.capitalWords.map(fold)),
    capitalOf,
  };
}

const cache = new Map<string, Lexicon>();

/** The lexicon for a dossier (its known actors added to the general lists), built once per dossier id. */
export function lexicon(dossier?: Dossier): Lexicon {
  const id = dossier?.id ?? "";
  let lex = cache.get(id);
  if (!lex) {
    lex = buildLexicon(dossier);
    cache.set(id, lex);
  }
  return lex;
}

/**
 * The role named by an office word, in its base form, or null when the word is no title. Inflection endings of
 * case go ("Sondergesandten" → "Sondergesandte", "Außenministers" → "Außenminister"); a state prefix and a
 * compound's first part stay ("US-Präsident", "Außenamtssprecher").
 */
export function titleOf(lex: Lexicon, folded: string, written?: string): string | null {
  let hit = titleMemo.get(folded);
  if (hit === undefined) {
    hit = titleLookup(lex, folded);
    if (titleMemo.size > 50_000) titleMemo.clear();
    titleMemo.set(folded, hit);
  }
  if (!hit) return null;
  const w = written ?? folded;
  const out = hit.cut ? w.slice(0, w.length - hit.cut) : w;
  return out.length ? out[0]!.toUpperCase() + out.slice(1) : out;
}

const titleMemo = new Map<string, { cut: number } | null>();

/** Whether a folded word is a title, and how many letters of case ending to cut for its base form. */
function titleLookup(lex: Lexicon, folded: string): { cut: number } | null {
  const cutOf = (t: TitleForm) => (t.suffix === "in" || t.suffix === "innen" ? 0 : t.suffix.length);
  const direct = lex.titles.get(folded);
  if (direct) return { cut: cutOf(direct) };
  // Prefixed compounds: US-Außenminister, Vize-Präsident.
  const dash = folded.lastIndexOf("-");
  if (dash > 0) {
    const t = lex.titles.get(folded.slice(dash + 1));
    if (t) return { cut: cutOf(t) };
  }
  // Compounds ending in a title: Regierungssprecher, Militärchef, Präsidentenberater.
  for (let i = 3; i <= folded.length - 4; i++) {
    const t = lex.titles.get(folded.slice(i));
    if (t && t.base.length >= 4) return { cut: cutOf(t) };
  }
  return null;
}

/** Whether the gazetteer knows a name (as written, any case) as a city, region or country. */
export function isPlaceName(lex: Lexicon, name: string): boolean {
  const words = tokenize(name).map((t) => fold(t.text));
  if (!words.length) return false;
  return !!lex.byFirst.get(words[0]!)?.some((e) => (e.kind === "city" || e.kind === "region" || e.kind === "country") && e.words.length === words.length && e.words.every((w, k) => w === words[k]));
}
