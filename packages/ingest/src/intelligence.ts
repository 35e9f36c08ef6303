/**
 * The extraction stages after dates, for one article: mentions → resolve → events → quotes → positions →
 * statements (dated stances that are events themselves).
 * The orchestrator (src/pipeline/index.ts) calls `analyseArticle`; each stage stays a pure function in
 * src/stages/ and can be used on its own.
 */
import type { Actor, Dossier, Event, Place, Position, Published, Quote, Sentence } from "@lagebild/model";
import type { Cleaned, DateMention } from "./pipeline/types.ts";
import { lexicon } from "./gazetteer.ts";
import { extractEvents } from "./stages/events.ts";
import { findMentions, type Mention } from "./stages/mentions.ts";
import { extractPositions } from "./stages/positions.ts";
import { extractQuotes } from "./stages/quotes.ts";
import { resolveEntities } from "./stages/resolve.ts";
import { addSpeakersOfReportedActs, statementEvents } from "./stages/statements.ts";

export interface AnalyseInput {
  /** Cleaned text: every offset refers to it. */
  text: string;
  sentences: Sentence[];
  dates: DateMention[];
  published: Published | null;
  authors: string[];
  captions?: Cleaned["captions"];
  dossier: Dossier;
  /** Content hash of the article, recorded on aliases and figures. */
  article?: string;
  /** `articleMentions` of these sentences, when already found (an article analysed again with a new publication date). */
  mentions?: Mention[];
}

export interface Intelligence {
  actors: Actor[];
  places: Place[];
  events: Event[];
  quotes: Quote[];
  positions: Position[];
}

/** Stage 4 alone. Mentions do not depend on dates, so a re-dated article can reuse them (`AnalyseInput.mentions`). */
export function articleMentions(input: Pick<AnalyseInput, "text" | "sentences" | "authors" | "dossier">): Mention[] {
  return findMentions({ text: input.text, sentences: input.sentences, lexicon: lexicon(input.dossier), authors: input.authors });
}

export function analyseArticle(input: AnalyseInput): Intelligence {
  const lex = lexicon(input.dossier);
  const mentions = input.mentions ?? articleMentions(input);
  const resolution = resolveEntities({ mentions, lexicon: lex, ...(input.article ? { article: input.article } : {}) });
  const events = extractEvents({
    text: input.text, sentences: input.sentences, resolution, dates: input.dates, published: input.published,
    ...(input.captions ? { captions: input.captions } : {}), ...(input.article ? { article: input.article } : {}),
    demonyms: lex.demonyms, prefixes: lex.prefixes,
  });
  const found = extractQuotes({ text: input.text, sentences: input.sentences, resolution, dates: input.dates });
  const positions = extractPositions({
    sentences: input.sentences, resolution, quotes: found, dossier: input.dossier, dates: input.dates, published: input.published?.value ?? null,
    demonyms: lex.demonyms,
  });
  addSpeakersOfReportedActs(events, found);
  const statements = statementEvents({ sentences: input.sentences, positions, events, dates: input.dates, resolution, published: input.published?.value ?? null, quotes: found });
  if (statements.length) {
    events.push(...statements);
    events.sort((a, b) => a.trigger.start - b.trigger.start);
  }
  addStatesOfBodies(events, resolution.byKey);
  const quotes: Quote[] = found.map(({ speakerActor: _a, ...q }) => q);
  // States and organisations a person belongs to, or a position names, are actors of the article too
  // (named through the person: "Bundeskanzler" → Germany), without mentions of their own.
  const actors = [...resolution.actors];
  const known = new Set(actors.map((a) => a.key));
  const needed = [...actors.map((a) => a.affiliation), ...positions.map((p) => p.actor)];
  for (const key of needed) {
    if (!key || known.has(key)) continue;
    const info = lex.actors.get(key);
    if (!info) continue;
    known.add(key);
    actors.push({
      key, kind: info.kind, name: info.name, aliases: [{ name: info.name }], role: info.role ?? null,
      affiliation: info.affiliation ?? null, externalIds: info.iso ? { iso: info.iso } : {}, mentions: [],
    });
  }
  for (const a of actors) if (a.affiliation && !known.has(a.affiliation)) a.affiliation = null;
  return { actors, places: resolution.places, events, quotes, positions };
}

/**
 * A state's body that acts (die malische Armee, das armenische Verteidigungsministerium) acts for its state: the
 * state takes part in the event too, in the same role, so the event is found under the state as well.
 */
function addStatesOfBodies(events: Event[], byKey: Map<string, Actor>): void {
  for (const e of events) {
    for (const p of [...e.participants]) {
      const body = byKey.get(p.actor);
      const state = body?.kind === "organisation" ? body.affiliation : null;
      if (state?.startsWith("state:") && !e.participants.some((q) => q.actor === state)) e.participants.push({ actor: state, role: p.role });
    }
  }
}

