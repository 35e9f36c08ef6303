/**
 * Stage 5: turn mentions into actors and places.
 *
 * - Persons: a surname alone links to the full name it belongs to (earlier or later in the article); spellings
 *   and transliterations of one name merge through a transliteration-aware phonetic key (Chamenei/Khamenei,
 *   Araghtschi/Araghchi, Peseschkian/Pezeshkian, Netanjahu/Netanyahu, Mussawi/Mousavi). Every spelling is
 *   kept as an alias with the article it was seen in. Role and affiliation come from the title and the
 *   demonym/prefix/genitive next to the name, else from the lexicon.
 * - States: country names, collective references ("iranische Führung", "US-Beamte"), seats of government
 *   ("Weißes Haus") and capitals used as actors ("Teheran warnte", "hat Jerusalem gewarnt") resolve to
 *   `state:XX`. A capital is an event place only where something happens there (after a locative
 *   preposition, not "die Staatsführung in Teheran").
 * - Keys: `state:IR`, `person:<slug>`, `org:<slug>`, `media:<slug>`; places `place:<slug>`, `country:IR`.
 */
import type { Actor, Alias, Mention as ModelMention, Place } from "@lagebild/model";
import type { Lexicon } from "../gazetteer.ts";
import { fold, slug } from "../text.ts";
import type { Mention } from "./mentions.ts";

/** How one mention is used. */
export interface Ref {
  m: Mention;
  /** The actor the mention refers to in this use, if any. */
  actor?: string;
  /** The place it names, if any. */
  place?: string;
  /** The place is where something happens (locative use), so it may be an event's place. */
  eventPlace: boolean;
  /** The locative preposition governing a place use (in, im, nach …), if any. */
  prep?: string;
}

export interface Resolution {
  actors: Actor[];
  places: Place[];
  /** One entry per mention, in text order. */
  refs: Ref[];
  /** Actor by key, for the later stages. */
  byKey: Map<string, Actor>;
}

export interface ResolveInput {
  mentions: Mention[];
  lexicon: Lexicon;
  /** Content hash of the article, recorded on every alias. */
  article?: string;
}

// ------------------------------------------------------------------------------------------ phonetic key

const PHONETIC_RULES: [RegExp, string][] = [
  [/dsch/g, "J"],
  [/tsch|tch|cz/g, "C"],
  [/sch|sh|sz/g, "S"],
  [/zh/g, "J"],
  [/kh|ch/g, "C"],
  [/gh|q|ck|c|g/g, "k"],
  [/ph/g, "f"],
  [/th/g, "t"],
  [/tz|z/g, "s"],
  [/w/g, "v"],
  [/x/g, "ks"],
  [/'/g, ""],
  [/h(?![aeiouy])/g, ""],
  [/(.)\1+/g, "$1"],
];

/**
 * Transliteration-aware phonetic keys of a name (German and English romanisations fold together):
 * sch/sh, tsch/ch, dsch/j, ch/kh, gh/g/q/k, w/v, z/s, double letters and vowel runs collapse. German "j" is
 * English "y", English "j" is German "dsch": both readings are returned, and two names match when any key does.
 */
const phoneticMemo = new Map<string, string[]>();

export function phoneticKeys(name: string): string[] {
  let hit = phoneticMemo.get(name);
  if (!hit) {
    hit = computePhoneticKeys(name);
    if (phoneticMemo.size > 50_000) phoneticMemo.clear();
    phoneticMemo.set(name, hit);
  }
  return hit;
}

function computePhoneticKeys(name: string): string[] {
  const base = fold(name).replace(/[^a-z' ]/g, " ").replace(/\b(?:al|el|as|ad|an|ar|ash|ul|bin|ibn|ben|abu|von|van|de|der|den|du|da|di|la|le)\b/g, " ").replace(/\s+/g, "");
  const one = (s: string) => {
    let k = s;
    for (const [re, rep] of PHONETIC_RULES) k = k.replace(re, rep);
    return k.replace(/[aeiouy]+/g, "a");
  };
  const yReading = one(base.replace(/j/g, "y"));
  const jReading = one(base.replace(/j/g, "dsch"));
  return yReading === jReading ? [yReading] : [yReading, jReading];
}

function sameName(a: string[], b: string[]): boolean {
  return a.some((k) => b.includes(k));
}

const soundIndex = new WeakMap<Lexicon, Map<string, Set<string>>>();

/** The one lexicon person whose full name sounds like `name` (two or more words), or undefined. */
function knownPersonBySound(lex: Lexicon, name: string): string | undefined {
  if (!name.includes(" ")) return undefined;
  let index = soundIndex.get(lex);
  if (!index) {
    index = new Map();
    for (const a of lex.actors.values()) {
      if (a.kind !== "person") continue;
      for (const n of [a.name, ...a.aliases]) {
        if (!n.includes(" ")) continue;
        for (const k of phoneticKeys(n)) index.set(k, new Set([...(index.get(k) ?? []), a.key]));
      }
    }
    soundIndex.set(lex, index);
  }
  const keys = new Set<string>();
  for (const k of phoneticKeys(name)) for (const key of index.get(k) ?? []) keys.add(key);
  return keys.size === 1 ? [...keys][0] : undefined;
}

// ------------------------------------------------------------------------------------------ helpers

const LOCATIVE = new Set(["in", "im", "ins", "nach", "aus", "bei", "beim", "nahe", "innerhalb", "ausserhalb", "richtung", "nordlich", "sudlich", "ostlich", "westlich"]);
const SKIPPABLE = /^(?:der|die|das|dem|den|des|einer|einem|eines|hauptstadt|\p{L}+(?:en|er|es|e))$/u;

/**
 * The locative preposition a mention follows, possibly across an article, adjectives and a genitive before
 * "Hauptstadt" ("in der iranischen Hauptstadt", "in Omans Hauptstadt Maskat"), or null.
 */
function locativePrep(m: Mention): string | null {
  const b = m.before;
  if (LOCATIVE.has(b[0] ?? "")) return b[0]!;
  for (let k = 1; k < b.length; k++) {
    const skip = SKIPPABLE.test(b[k - 1] ?? "") || (b[k - 2] === "hauptstadt" && /s$/.test(b[k - 1] ?? ""));
    if (!skip) return null;
    if (LOCATIVE.has(b[k] ?? "")) return b[k]!;
  }
  return null;
}
const isLocative = (m: Mention) => locativePrep(m) !== null;

function modelMention(m: Mention): ModelMention {
  return { start: m.start, end: m.end, text: m.text, sentence: m.sentence };
}

interface PersonEntity {
  key?: string;
  names: string[];
  keys: string[][];
  surnameKeys: string[][];
  role?: string;
  affiliation?: string;
  mentions: Mention[];
  order: number;
}

/** Name particles that belong to the surname ("De Wever", "von der Leyen", "bin Farhan"). */
const PARTICLE = /^(?:de|del|della|der|den|di|da|das|do|dos|du|van|von|vom|zu|ter|le|la|al|el|bin|ben|ibn|abu|abd|ould|ag)$/i;

function surnameOf(name: string): string {
  const parts = name.split(/\s+/);
  let k = parts.length - 1;
  while (k > 1 && PARTICLE.test(parts[k - 1]!)) k--;
  return parts.slice(k).join(" ");
}

/** A name that starts with a particle ("De Wever") is a surname, not a full name. */
/** A surname with its particle ("Al Ansari", "Ag Mossa"): two words, but no full name. */
export const particleFirst = (name: string) => name.includes(" ") && PARTICLE.test(name.split(/\s+/)[0]!);

// ------------------------------------------------------------------------------------------ resolve

export function resolveEntities(input: ResolveInput): Resolution {
  const { mentions, lexicon: lex, article } = input;
  const refs: Ref[] = [];
  const persons: PersonEntity[] = [];
  const personOf = new Map<Mention, PersonEntity>();
  const byLexKey = new Map<string, PersonEntity>();

  const newPerson = (key?: string): PersonEntity => {
    const p: PersonEntity = { names: [], keys: [], surnameKeys: [], mentions: [], order: persons.length, ...(key ? { key } : {}) };
    persons.push(p);
    if (key) byLexKey.set(key, p);
    const info = key ? lex.actors.get(key) : undefined;
    if (info) for (const n of [info.name, ...info.aliases]) addName(p, n);
    return p;
  };
  const addName = (p: PersonEntity, n: string) => {
    if (p.names.includes(n)) return;
    p.names.push(n);
    if (n.includes(" ")) p.keys.push(phoneticKeys(n));
    p.surnameKeys.push(phoneticKeys(surnameOf(n)));
    const last = n.split(/\s+/).pop()!;
    if (surnameOf(n) !== last) p.surnameKeys.push(phoneticKeys(last));
  };

  // Persons: full names first (so a surname before its full name still links), then single names.
  const personMentions = mentions.filter((m) => m.kind === "person");
  const multi = personMentions.filter((m) => m.key || (m.name.includes(" ") && !particleFirst(m.name)));
  const single = personMentions.filter((m) => !m.key && (!m.name.includes(" ") || particleFirst(m.name)));
  for (const m of multi) {
    // A spelling the lexicon lacks ("Abbas Araqchi") still finds its entry by transliteration.
    if (!m.key) {
      const known = knownPersonBySound(lex, m.name);
      if (known) m.key = known;
    }
    let p = m.key ? byLexKey.get(m.key) : undefined;
    if (!p) {
      const k = phoneticKeys(m.name);
      p = persons.find((x) => x.keys.some((y) => sameName(y, k)) || (m.key === undefined && x.names.some((n) => fold(n) === fold(m.name))));
      if (p && m.key && !p.key) {
        p.key = m.key;
        byLexKey.set(m.key, p);
      }
    }
    if (!p) p = newPerson(m.key);
    addName(p, m.name);
    personOf.set(m, p);
  }
  for (const m of single) {
    const k = phoneticKeys(m.name);
    const candidates = persons.filter((x) => x.surnameKeys.some((y) => sameName(y, k)));
    let p: PersonEntity | undefined;
    if (candidates.length === 1) p = candidates[0];
    else if (candidates.length > 1) {
      // The person named most recently before this mention.
      let best: { p: PersonEntity; at: number } | undefined;
      for (const c of candidates) {
        for (const cm of multi) if (personOf.get(cm) === c && cm.start < m.start && (!best || cm.start > best.at)) best = { p: c, at: cm.start };
      }
      p = best?.p ?? candidates[0];
    }
    if (!p) p = newPerson();
    addName(p, m.name);
    personOf.set(m, p);
  }
  for (const m of personMentions) {
    const p = personOf.get(m)!;
    p.mentions.push(m);
    if (m.role && (!p.role || (m.name.includes(" ") && !p.mentions.some((x) => x !== m && x.role && x.name.includes(" "))))) p.role = m.role;
    if (m.affiliation && !p.affiliation) p.affiliation = m.affiliation;
  }
  // Definite role references without a name ("Der US-Präsident begrüsste …") name the one person with that role.
  for (const m of mentions) {
    if (m.via !== "pattern:prefix-group" || !m.anonymous || !["der", "dem", "den", "des"].includes(m.before[0] ?? "")) continue;
    const role = fold(m.name);
    const holders = persons.filter((p) => p.role && fold(p.role) === role);
    if (holders.length === 1) {
      personOf.set(m, holders[0]!);
      holders[0]!.mentions.push(m);
    }
  }

  // Person actors.
  const actors = new Map<string, Actor>();
  const personKey = new Map<PersonEntity, string>();
  for (const p of persons) {
    const info = p.key ? lex.actors.get(p.key) : undefined;
    const written = [...new Set(p.mentions.filter((m) => m.kind === "person").map((m) => m.name))];
    const longest = [...written].sort((a, b) => b.split(" ").length - a.split(" ").length || b.length - a.length)[0] ?? p.names[0]!;
    const name = info?.name ?? longest;
    let key = p.key ?? `person:${slug(name)}`;
    while (actors.has(key) && actors.get(key)!.name !== name) key += "-2";
    personKey.set(p, key);
    const aliasNames = [...new Set([name, ...written, ...(info ? info.aliases : [])])];
    actors.set(key, {
      key, kind: "person", name,
      aliases: aliasNames.map((n): Alias => (written.includes(n) && article ? { name: n, article } : { name: n })),
      role: p.role ?? info?.role ?? null,
      affiliation: p.affiliation ?? info?.affiliation ?? null,
      externalIds: {},
      mentions: [],
    });
  }
  // "person-of:" affiliations (Trumps Schwiegersohn) take that person's affiliation.
  for (const a of actors.values()) {
    if (a.affiliation?.startsWith("person-of:")) {
      const owner = actors.get(a.affiliation.slice("person-of:".length));
      a.affiliation = owner?.affiliation && !owner.affiliation.startsWith("person-of:") ? owner.affiliation : null;
    }
  }

  // Other actors and places.
  const places = new Map<string, Place>();
  const ensureActor = (key: string, fallbackName: string): Actor => {
    let a = actors.get(key);
    if (!a) {
      const info = lex.actors.get(key);
      a = {
        key, kind: info?.kind ?? (key.startsWith("state:") ? "state" : key.startsWith("media:") ? "media" : "organisation"),
        name: info?.name ?? fallbackName, aliases: [{ name: info?.name ?? fallbackName }], role: null,
        affiliation: info?.affiliation ?? null, externalIds: key.startsWith("state:") ? { iso: key.slice(6) } : {}, mentions: [],
      };
      actors.set(key, a);
    }
    return a;
  };
  const addAlias = (a: Actor, name: string) => {
    if (!a.aliases.some((x) => x.name === name)) a.aliases.push(article ? { name, article } : { name });
  };
  const ensurePlace = (key: string): Place | undefined => {
    let p = places.get(key);
    if (!p) {
      const info = lex.places.get(key);
      if (!info) return undefined;
      p = {
        key, name: info.name, aliases: [...new Set(info.aliases)].slice(0, 6).map((n) => ({ name: n })),
        lat: info.lat, lon: info.lon, country: info.country, precision: info.precision, mentions: [],
      };
      places.set(key, p);
    }
    return p;
  };

  for (const m of mentions) {
    const ref: Ref = { m, eventPlace: false };
    const person = personOf.get(m);
    if (person) {
      ref.actor = personKey.get(person);
      const a = actors.get(ref.actor!)!;
      a.mentions.push(modelMention(m));
      refs.push(ref);
      continue;
    }
    if (m.place) {
      const place = ensurePlace(m.place);
      if (place) {
        place.mentions.push(modelMention(m));
        if (m.via.startsWith("gazetteer:")) {
          if (!place.aliases.some((x) => x.name === m.name) && m.name !== place.name) place.aliases.push(article ? { name: m.name, article } : { name: m.name });
        }
        ref.place = m.place;
      }
      const locative = isLocative(m) || !!m.attributive;
      // A government body "in" a capital is the government, not something happening there.
      const govIn = locative && (m.before[0] === "in" && lex.governmentNouns.has(m.before[1] ?? ""));
      ref.eventPlace = !!place && locative && !govIn && !m.modifier;
      if (locative) ref.prep = locativePrep(m) ?? "in";
      const isCountry = m.via === "gazetteer:country";
      const isSeat = m.via === "gazetteer:seat";
      const actorUse = (isCountry || isSeat) ? !locative || govIn : !!m.state && (!locative || govIn) && m.via === "gazetteer:city";
      if (actorUse && m.state) {
        const a = ensureActor(`state:${m.state}`, m.name);
        a.mentions.push(modelMention(m));
        if (!m.genitive || isCountry) addAlias(a, m.name);
        ref.actor = a.key;
      }
      refs.push(ref);
      continue;
    }
    if (m.key && m.type !== "place") {
      const a = ensureActor(m.key, m.entityName ?? m.name);
      a.mentions.push(modelMention(m));
      if (m.via.startsWith("gazetteer:") || m.via.startsWith("pattern:org-")) addAlias(a, m.name);
      if (!a.affiliation && m.affiliation && m.via.startsWith("pattern:org-")) a.affiliation = m.affiliation;
      ref.actor = a.key;
    }
    refs.push(ref);
  }

  // Organisations keep their own name; persons affiliated to one point at it.
  const list = [...actors.values()].filter((a) => a.mentions.length > 0);
  const byKey = new Map(list.map((a) => [a.key, a]));
  // A person whose apposition names an organisation ("Jason Brodsky vom Think Tank …") is affiliated to it.
  for (const p of persons) {
    const key = personKey.get(p)!;
    const a = byKey.get(key);
    if (!a || a.affiliation) continue;
    for (const m of p.mentions) {
      // "Ali Vaez von der International Crisis Group", "Jason Brodsky vom Think Tank „…“".
      const org = refs.find((r) => r.m.sentence === m.sentence && (r.m.via === "pattern:org-noun" || (r.m.kind === "organisation" && /^(?:vom|von|der)$/.test(r.m.before[0] ?? "") && (r.m.before[0] !== "der" || r.m.before[1] === "von"))) && r.m.start > m.end && r.m.start - m.end < 40);
      if (org?.actor) {
        a.affiliation = org.actor;
        break;
      }
    }
  }
  return { actors: list, places: [...places.values()], refs, byKey };
}
