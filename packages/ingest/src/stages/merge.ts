/**
 * Stage 10: merge across articles.
 *
 * Actors: the same key in two articles is one actor; persons also merge when their full names share a
 * transliteration key (Chamenei/Khamenei) or when a surname-only person of one article matches exactly one
 * full-named person of another (Peseschkian → Massud Peseschkian).
 *
 * Events: one real-world event told by several articles (or several times in one) becomes one MergedEvent.
 * Two reports merge when their kinds share a family (EVENT_KINDS), their date spans overlap (a date inferred
 * from the publication day counts as "some time in the ten days before"), their initiators do not
 * contradict each other, and they share participants, places or near-identical wording. Reports that
 * repeat the same agency wire (shared agency or outlet and near-identical evidence) count as one
 * independent source. Figures that differ between sources ("Tausende, wenn nicht sogar Zehntausende" vs
 * "Tausende") are kept side by side in `conflicts`.
 */
import { dateSpan, eventKindInfo, type Actor, type ArticleGraph, type Event, type Figure, type FuzzyDate, type MergedEvent, type Participant, type ParticipantRole } from "@lagebild/model";
import { fold } from "../text.ts";
import { particleFirst, phoneticKeys } from "./resolve.ts";

/** A given name and a surname; "Ag Mossa", "Al Ansari" are a surname with its particle. */
const isFullName = (name: string) => name.includes(" ") && !particleFirst(name);
import { addDays, daysBetween, weekWindowOf } from "./dates.ts";

export interface UnifiedActors {
  /** Global key of an article-local actor key: `${article}|${key}` → global key. */
  globalKey: (article: string, key: string) => string;
  /** One actor per real-world actor, with every alias from every article. */
  actors: Map<string, Actor>;
}

/** Union-find over the numbers 0..n-1 (actors, reports or articles of a batch, numbered in batch order). */
class IndexUnionFind {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

/** Index of the last element of the ascending `list` below `limit`, or -1. */
function lastBelow(list: number[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Merges actors across articles by key and, for persons, by transliteration key. */
export function unifyActors(graphs: ArticleGraph[]): UnifiedActors {
  // Every article-local actor is a node, numbered in batch order.
  const nodes = new Map<string, Map<string, number>>(); // article → actor key → node
  const nodeOf = (article: string, key: string): number => {
    let ofArticle = nodes.get(article);
    if (!ofArticle) nodes.set(article, (ofArticle = new Map()));
    let node = ofArticle.get(key);
    if (node === undefined) ofArticle.set(key, (node = nodeCount++));
    return node;
  };
  let nodeCount = 0;
  for (const g of graphs) for (const a of g.actors) nodeOf(g.article.contentHash, a.key);
  const uf = new IndexUnionFind(nodeCount);
  const byKey = new Map<string, number>();
  const persons: { node: number; actor: Actor; full: string[][]; surname: string[] }[] = [];
  for (const g of graphs) {
    const h = g.article.contentHash;
    for (const a of g.actors) {
      const node = nodeOf(h, a.key);
      const first = byKey.get(a.key);
      if (first !== undefined) uf.union(first, node);
      else byKey.set(a.key, node);
      if (a.kind === "person") {
        const names = [a.name, ...a.aliases.map((x) => x.name)];
        persons.push({
          node, actor: a,
          full: names.filter(isFullName).map(phoneticKeys),
          surname: phoneticKeys(a.name.split(/\s+/).pop()!),
        });
      }
    }
  }
  // Full names with a shared transliteration key.
  const fullIndex = new Map<string, number>();
  for (const p of persons) {
    for (const keys of p.full) for (const k of keys) {
      const other = fullIndex.get(k);
      if (other !== undefined) uf.union(other, p.node);
      else fullIndex.set(k, p.node);
    }
  }
  // A surname-only person joins the one full-named person with that surname.
  const bySurname = new Map<string, Set<number>>();
  for (const p of persons) {
    if (!isFullName(p.actor.name)) continue;
    for (const k of p.surname) {
      const set = bySurname.get(k) ?? new Set<number>();
      set.add(uf.find(p.node));
      bySurname.set(k, set);
    }
  }
  for (const p of persons) {
    if (isFullName(p.actor.name)) continue;
    const roots = new Set<number>();
    for (const k of p.surname) for (const r of bySurname.get(k) ?? []) roots.add(uf.find(r));
    if (roots.size === 1) uf.union([...roots][0]!, p.node);
  }

  // Build the merged actors.
  const groups = new Map<number, { article: string; actor: Actor }[]>();
  for (const g of graphs) {
    for (const a of g.actors) {
      const root = uf.find(nodeOf(g.article.contentHash, a.key));
      const list = groups.get(root) ?? [];
      list.push({ article: g.article.contentHash, actor: a });
      groups.set(root, list);
    }
  }
  const actors = new Map<string, Actor>();
  const rootToKey = new Map<number, string>();
  const nameWords = (a: Actor) => a.name.split(" ").length;
  for (const [root, members] of groups) {
    // The first member with the most name words, then the most mentions.
    let best = members[0]!.actor;
    for (const m of members) {
      const a = m.actor;
      if (nameWords(a) > nameWords(best) || (nameWords(a) === nameWords(best) && a.mentions.length > best.mentions.length)) best = a;
    }
    // Prefer a key that names the full name; keep it stable across runs.
    let key = best.key;
    while (actors.has(key)) key += "-x";
    rootToKey.set(root, key);
    const aliases = new Map<string, { name: string; article?: string }>();
    for (const m of members) for (const al of [{ name: m.actor.name }, ...m.actor.aliases]) {
      const k = `${al.name}|${"article" in al ? al.article ?? "" : ""}`;
      if (!aliases.has(k)) aliases.set(k, al);
    }
    actors.set(key, {
      ...best,
      key,
      aliases: [...aliases.values()],
      role: best.role ?? members.find((m) => m.actor.role)?.actor.role ?? null,
      affiliation: best.affiliation ?? members.find((m) => m.actor.affiliation)?.actor.affiliation ?? null,
      mentions: members.flatMap((m) => m.actor.mentions),
    });
  }
  // article → local key → global key, resolved once (merging asks for every participant of every report).
  const global = new Map<string, Map<string, string>>();
  for (const [article, ofArticle] of nodes) {
    const keys = new Map<string, string>();
    for (const [local, node] of ofArticle) keys.set(local, rootToKey.get(uf.find(node)) ?? local);
    global.set(article, keys);
  }
  return {
    actors,
    globalKey: (article, key) => global.get(article)?.get(key) ?? key,
  };
}

// ------------------------------------------------------------------------------------------ events

interface Report {
  article: string;
  index: number;
  event: Event;
  family: string;
  actors: Set<string>;
  initiators: Set<string>;
  places: Set<string>;
  span: [string, string] | null;
  figures: Set<string>;
  explicit: boolean;
  words: Set<string>;
  agencies: Set<string>;
  published: string | null;
}

const STOP = new Set(["der", "die", "das", "und", "mit", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "im", "in", "von", "zu", "auf", "für", "fur", "hat", "haben", "hatte", "sich", "nach", "bei", "als", "auch", "nicht", "es", "sie", "er", "ist", "war", "wurde", "über", "uber"]);
/** Whether a code point is a letter or digit: 1 yes, 2 no, 0 not looked up yet (BMP only; others by regex). */
const wordCharClass = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
function isWordChar(cp: number): boolean {
  if (cp > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
  let c = wordCharClass[cp]!;
  if (!c) wordCharClass[cp] = c = LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? 1 : 2;
  return c === 1;
}

/**
 * Content words cut to a crude stem (six letters), so "Vorgehen"/"Vorgehens" and "brutale"/"brutalen" match.
 * Words are the runs of letters and digits (as `split(/[^\p{L}\p{N}]+/u)` gives them), scanned without a regex.
 */
function wordSet(s: string): Set<string> {
  const folded = fold(s);
  const out = new Set<string>();
  const add = (w: string) => {
    if (w.length > 2 && !STOP.has(w)) out.add(w.slice(0, 6));
  };
  let start = -1;
  for (let i = 0; i < folded.length; ) {
    const cp = folded.codePointAt(i)!;
    if (isWordChar(cp)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      add(folded.slice(start, i));
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (start >= 0) add(folded.slice(start));
  return out;
}
/** `wordSet` of an event's evidence, computed once per event (a batch is merged twice when it re-dates articles). */
const evidenceWordsMemo = new WeakMap<Event, Set<string>>();
function evidenceWords(e: Event): Set<string> {
  let words = evidenceWordsMemo.get(e);
  if (!words) {
    words = wordSet(e.evidence.map((x) => x.text).join(" "));
    evidenceWordsMemo.set(e, words);
  }
  return words;
}
/** The index keys of an event's evidence words (`w:<stem>`), once per event. */
const evidenceKeysMemo = new WeakMap<Event, string[]>();
function evidenceKeys(e: Event): string[] {
  let keys = evidenceKeysMemo.get(e);
  if (!keys) {
    keys = [...evidenceWords(e)].map((w) => `w:${w}`);
    evidenceKeysMemo.set(e, keys);
  }
  return keys;
}
function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/**
 * A report told as further back than the last days ("vor eineinhalb Wochen", "vergangene Woche", the pluperfect
 * "hatte … stattgefunden") but dated only by its publication day may lie up to three weeks back.
 */
const EARLIER = /\bvor (einer|eineinhalb|anderthalb|zwei|drei|\d+) wochen?\b|\b(vergangene|letzte|vorige)n? woche\b|\b(hatte|hatten|war|waren)\b[^,;.]{0,80}\b(stattgefunden|getroffen|verhandelt|begonnen|gesprochen|zusammengekommen)\b/;

function spanOf(date: FuzzyDate | null | undefined, evidence = ""): [string, string] | null {
  if (!date) return null;
  if (date.resolution.kind === "inferred" && date.resolution.rule === "publication-date") {
    const day = date.value.length >= 10 ? date.value : dateSpan(date.value)[1];
    return [addDays(day, EARLIER.test(fold(evidence)) ? -21 : -10), day];
  }
  return weekWindowOf(date) ?? dateSpan(date.value);
}

/** `spanOf` an event's date and evidence, once per event. */
const eventSpanMemo = new WeakMap<Event, [string, string] | null>();
function eventSpan(e: Event): [string, string] | null {
  let span = eventSpanMemo.get(e);
  if (span === undefined) {
    span = spanOf(e.date, e.evidence.map((x) => x.text).join(" "));
    eventSpanMemo.set(e, span);
  }
  return span;
}

const overlaps = (a: [string, string], b: [string, string]) => a[0] <= b[1] && b[0] <= a[1];

/** Two directed reports agree on who acted: a common initiator, or one's initiator among the other's participants. */
function sharesInitiator(a: { initiators: Set<string>; actors: Set<string> }, b: { initiators: Set<string>; actors: Set<string> }): boolean {
  return [...a.initiators].some((x) => b.initiators.has(x) || b.actors.has(x)) || [...b.initiators].some((x) => a.actors.has(x));
}

/** Families whose events have a direction: two different initiators are two events. */
const DIRECTED_FAMILIES = new Set(["attack", "threat", "accusation", "request", "rejection", "coercion", "protest", "mobilization"]);

let placeCountry: (key: string) => string | null = (k) => (k.startsWith("country:") ? k.slice(8) : null);

function placesAgree(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x === y) return true;
      const cx = placeCountry(x);
      const cy = placeCountry(y);
      if ((x.startsWith("country:") || y.startsWith("country:")) && cx && cx === cy) return true;
    }
  }
  return false;
}

/** How strongly two reports look like one event (0: not compatible). */
function affinity(a: Report, b: Report): number {
  if (a.family !== b.family) return 0;
  if (a.article === b.article && a.index === b.index) return 0;
  // Something called off is not the same happening as something that took place.
  const st = new Set([a.event.status, b.event.status]);
  if (st.has("cancelled") && st.has("reported")) return 0;
  if (a.span && b.span && !overlaps(a.span, b.span)) return 0;
  // A joint attack told from one side ("israelische und amerikanische Angriffe" / "US-Angriffe") shares an initiator,
  // or names the other report's initiator among its participants.
  if (DIRECTED_FAMILIES.has(a.family) && a.initiators.size && b.initiators.size && !sharesInitiator(a, b)) return 0;
  // Two different places (neither lying in the other's country) are two happenings.
  if (a.places.size && b.places.size && !placesAgree(a.places, b.places)) return 0;
  const sharedActors = shared(a.actors, b.actors);
  const sharedPlaces = shared(a.places, b.places);
  const sharedFigures = shared(a.figures, b.figures);
  const sim = jaccard(a.words, b.words);
  const sameDay = a.explicit && b.explicit && a.event.date!.value === b.event.date!.value && a.event.date!.precision === "day" ? 1 : 0;
  const content = sharedActors + sharedPlaces + Math.min(1, sharedFigures) + (sim >= 0.5 ? 2 : sim >= 0.25 ? 1 : 0);
  // The same day alone joins nothing: a Senate hearing and talks in Brussels on one Tuesday are two happenings.
  if (!content) return 0;
  const evidence = content + sameDay;
  // A missing, inferred (publication day) or coarse (month, year) date says little: ask for more in common.
  // A week ("vergangene Woche") is precise enough to stand beside a day.
  const weak = (r: Report) => !r.span || !r.explicit || (r.event.date?.precision !== "day" && daysBetween(r.span[0], r.span[1]) > 6);
  // One article telling the same kind of happening twice ("Angriff auf Odessa" … "hatte Russland … abgefeuert") with
  // something in common tells one happening; across articles a vague date needs more.
  const needed = a.article === b.article && a.event.kind === b.event.kind ? 1 : 2;
  if (weak(a) || weak(b)) return evidence >= needed ? evidence : 0;
  return evidence >= 1 ? evidence : 0;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function intersect(a: [string, string] | null, b: [string, string] | null): [string, string] | null | "empty" {
  if (!a) return b;
  if (!b) return a;
  const s: [string, string] = [a[0] > b[0] ? a[0] : b[0], a[1] < b[1] ? a[1] : b[1]];
  return s[0] <= s[1] ? s : "empty";
}

const ROLE_RANK: Record<ParticipantRole, number> = { initiator: 0, mediator: 1, target: 2, participant: 3 };

/** Merges the events of all articles into real-world events. */
export function mergeEvents(graphs: ArticleGraph[], unified: UnifiedActors = unifyActors(graphs)): MergedEvent[] {
  const reports: Report[] = [];
  const countries = new Map<string, string>();
  for (const g of graphs) for (const p of g.places) if (p.country) countries.set(p.key, p.country);
  placeCountry = (k) => countries.get(k) ?? (k.startsWith("country:") ? k.slice(8) : null);
  for (const g of graphs) {
    const h = g.article.contentHash;
    const agencies = new Set([...g.article.agencies.map(fold), ...(g.article.outlet ? [fold(g.article.outlet)] : [])]);
    g.events.forEach((e, index) => {
      const actors = new Set(e.participants.map((p) => unified.globalKey(h, p.actor)));
      reports.push({
        article: h, index, event: e, family: eventKindInfo(e.kind).family,
        actors,
        initiators: new Set(e.participants.filter((p) => p.role === "initiator").map((p) => unified.globalKey(h, p.actor))),
        places: new Set(e.places),
        span: eventSpan(e),
        explicit: !!e.date && e.date.resolution.kind !== "inferred",
        words: evidenceWords(e),
        figures: new Set((e.figures ?? []).map((f) => f.what)),
        agencies,
        published: g.article.published?.value ?? null,
      });
    });
  }
  // Candidate pairs share a family and an actor, place, figure or stemmed word (an inverted index per family,
  // not all pairs).
  const indexByFamily = new Map<string, Map<string, number[]>>();
  const keyCache = new Map<Report, string[]>();
  const keysOf = (r: Report) => {
    let keys = keyCache.get(r);
    if (!keys) {
      keys = [...r.actors, ...r.places, ...[...r.figures].map((f) => `figure:${f}`), ...evidenceKeys(r.event)];
      keyCache.set(r, keys);
    }
    return keys;
  };
  reports.forEach((r, i) => {
    let index = indexByFamily.get(r.family);
    if (!index) indexByFamily.set(r.family, (index = new Map()));
    for (const key of keysOf(r)) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  const uf = new IndexUnionFind(reports.length);
  // Per cluster: what all its reports must agree on, so chains never join different attackers, happenings weeks
  // apart, a cancelled and a held meeting, or two places.
  interface ClusterState {
    initiators: Set<string>;
    actors: Set<string>;
    span: [string, string] | null;
    statuses: Set<string>;
    places: Set<string>;
  }
  const state = new Map<number, ClusterState>();
  const stateOf = (i: number): ClusterState => {
    const root = uf.find(i);
    let st = state.get(root);
    if (!st) {
      const r = reports[i]!;
      st = { initiators: new Set(r.initiators), actors: new Set(r.actors), span: r.span, statuses: new Set([r.event.status]), places: new Set(r.places) };
      state.set(root, st);
    }
    return st;
  };
  const joinable = (a: ClusterState, b: ClusterState, family: string): [string, string] | null | false => {
    if (DIRECTED_FAMILIES.has(family) && a.initiators.size && b.initiators.size && !sharesInitiator(a, b)) return false;
    const st = new Set([...a.statuses, ...b.statuses]);
    if (st.has("cancelled") && st.has("reported")) return false;
    if (a.places.size && b.places.size && !placesAgree(a.places, b.places)) return false;
    const span = intersect(a.span, b.span);
    return span === "empty" ? false : span;
  };
  // The same sentence told as the same kind of event (one wire printed by several outlets) is one report's twin.
  const verbatim = new Map<string, number>();
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    const sig = `${r.event.kind}|${r.event.status}|${r.event.trigger.text}|${r.event.evidence[0]?.text ?? ""}`;
    const twin = verbatim.get(sig);
    if (twin !== undefined) {
      const a = stateOf(i);
      const b = stateOf(twin);
      const span = joinable(a, b, r.family);
      if (span !== false) {
        const merged: ClusterState = {
          initiators: new Set([...a.initiators, ...b.initiators]), actors: new Set([...a.actors, ...b.actors]), span,
          statuses: new Set([...a.statuses, ...b.statuses]), places: new Set([...a.places, ...b.places]),
        };
        uf.union(twin, i);
        state.set(uf.find(i), merged);
        continue;
      }
    } else verbatim.set(sig, i);
    // Earlier reports sharing the most keys (the latest ones of each key); a stem in very many reports says nothing.
    const hits = new Map<number, number>();
    const index = indexByFamily.get(r.family)!;
    for (const k of keysOf(r)) {
      const list = index.get(k)!;
      if (k.startsWith("w:") && list.length > 60) continue;
      // The list is ascending: start at the last earlier report instead of walking past all later ones
      // (which made this quadratic in the batch size for actors every report shares).
      for (let x = lastBelow(list, i), seen = 0; x >= 0 && seen < 60; x--, seen++) {
        const j = list[x]!;
        hits.set(j, (hits.get(j) ?? 0) + 1);
      }
    }
    const cands = [...hits.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, 80).map(([j]) => j);
    // Join compatible earlier reports' clusters, most similar first, as long as the joined cluster stays consistent.
    const scored = cands.map((j) => ({ j, score: affinity(r, reports[j]!) })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score || b.j - a.j);
    for (const { j } of scored) {
      if (uf.find(i) === uf.find(j)) continue;
      const a = stateOf(i);
      const b = stateOf(j);
      const span = joinable(a, b, r.family);
      if (span === false) continue;
      const merged: ClusterState = {
        initiators: new Set([...a.initiators, ...b.initiators]), actors: new Set([...a.actors, ...b.actors]), span,
        statuses: new Set([...a.statuses, ...b.statuses]), places: new Set([...a.places, ...b.places]),
      };
      uf.union(j, i);
      state.set(uf.find(i), merged);
    }
  }
  const clusters = new Map<number, Report[]>();
  reports.forEach((r, i) => {
    const root = uf.find(i);
    const list = clusters.get(root) ?? [];
    list.push(r);
    clusters.set(root, list);
  });

  const out: MergedEvent[] = [];
  for (const members of clusters.values()) {
    members.sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.index - b.index);
    const first = members[0]!;
    const kinds = new Map<string, number>();
    for (const m of members) kinds.set(m.event.kind, (kinds.get(m.event.kind) ?? 0) + 1);
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]![0] as MergedEvent["kind"];
    const dated = members.filter((m) => m.event.date);
    const explicit = dated.filter((m) => m.explicit);
    const pool = explicit.length ? explicit : dated;
    const best = pool.sort((a, b) => {
      const sa = spanOf(a.event.date)!;
      const sb = spanOf(b.event.date)!;
      const wa = a.explicit ? sa[1].localeCompare(sa[0]) : 0;
      const wb = b.explicit ? sb[1].localeCompare(sb[0]) : 0;
      return precisionRank(a.event.date!) - precisionRank(b.event.date!) || wa - wb || a.event.date!.value.localeCompare(b.event.date!.value);
    })[0];
    const date = best ? dayAllowedByEvery(explicit, dated) ?? best.event.date : null;
    const statuses = new Set(members.map((m) => m.event.status));
    const status = statuses.has("cancelled") ? "cancelled" : statuses.has("reported") ? "reported" : statuses.has("planned") ? "planned" : "hypothetical";
    const participants = new Map<string, Participant>();
    for (const m of members) {
      for (const p of m.event.participants) {
        const key = unified.globalKey(m.article, p.actor);
        const prev = participants.get(key);
        if (!prev || ROLE_RANK[p.role] < ROLE_RANK[prev.role]) participants.set(key, { actor: key, role: p.role });
      }
    }
    const places = [...new Set(members.flatMap((m) => m.event.places))];
    out.push({
      kind,
      summary: first.event.summary,
      date,
      status,
      participants: [...participants.values()],
      places,
      reports: members.map((m) => ({ article: m.article, event: m.index })),
      independentSources: independentSources(members),
      conflicts: conflictsOf(members),
    });
  }
  return out;
}

/**
 * When the stated dates are coarser than a day ("vergangene Woche") but another report of the same event gives a
 * day (its publication day, say) that lies inside every stated window, that day is the most precise date all sources
 * allow. Two such days disagree, so neither wins.
 */
function dayAllowedByEvery(explicit: Report[], dated: Report[]): FuzzyDate | null {
  if (!explicit.length || explicit.some((m) => m.event.date!.precision === "day")) return null;
  const windows = explicit.map((m) => weekWindowOf(m.event.date!) ?? dateSpan(m.event.date!.value));
  const days = new Map<string, FuzzyDate>();
  for (const m of dated) {
    const d = m.event.date!;
    if (d.precision !== "day") continue;
    if (windows.every(([from, to]) => from <= d.value && d.value <= to) && !days.has(d.value)) days.set(d.value, d);
  }
  return days.size === 1 ? [...days.values()][0]! : null;
}

function precisionRank(d: FuzzyDate): number {
  return d.precision === "day" ? 0 : d.precision === "month" ? 1 : 2;
}

/** Articles that repeat one wire (shared agency or outlet, near-identical evidence) count once. */
function independentSources(members: Report[]): number {
  const articleIds = new Map<string, number>();
  for (const m of members) if (!articleIds.has(m.article)) articleIds.set(m.article, articleIds.size);
  const uf = new IndexUnionFind(articleIds.size);
  // Only reports whose articles share an agency or outlet can repeat one wire.
  const byAgency = new Map<string, Report[]>();
  for (const m of members) {
    for (const ag of m.agencies) {
      const list = byAgency.get(ag);
      if (list) list.push(m);
      else byAgency.set(ag, [m]);
    }
  }
  for (const list of byAgency.values()) {
    for (let i = 0; i < list.length && i < 200; i++) {
      for (let j = 0; j < i; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.article === b.article) continue;
        const ia = articleIds.get(a.article)!;
        const ib = articleIds.get(b.article)!;
        if (uf.find(ia) !== uf.find(ib) && jaccard(a.words, b.words) >= 0.6) uf.union(ia, ib);
      }
    }
  }
  return new Set(members.map((m) => uf.find(articleIds.get(m.article)!))).size;
}

/** Figures on the same thing that differ between sources. */
function conflictsOf(members: Report[]): Figure[] {
  const byWhat = new Map<string, Figure[]>();
  for (const m of members) {
    for (const f of m.event.figures ?? []) {
      const list = byWhat.get(f.what) ?? [];
      if (!list.some((x) => x.value === f.value && x.article === (f.article ?? m.article))) list.push({ ...f, article: f.article ?? m.article });
      byWhat.set(f.what, list);
    }
  }
  const out: Figure[] = [];
  for (const list of byWhat.values()) if (new Set(list.map((f) => f.value)).size > 1) out.push(...list);
  return out;
}
