/**
 * Small hand-built extractions (the model's `Extraction`) for router tests. Offsets are computed from the text, so a
 * fixture cannot point at words that are not there.
 */
import { createHash } from "node:crypto";
import type { Actor, ArticleGraph, Event, Extraction, FuzzyDate, MergedEvent, Mention, Place, Position, Quote } from "@lagebild/model";

export class Doc {
  readonly text: string;
  readonly sentences: { index: number; start: number; end: number; text: string }[] = [];
  constructor(parts: string[]) {
    let at = 0;
    parts.forEach((s, index) => {
      this.sentences.push({ index, start: at, end: at + s.length, text: s });
      at += s.length + 1;
    });
    this.text = parts.join(" ");
  }
  get hash() {
    return createHash("sha256").update(this.text).digest("hex");
  }
  /** The `nth` occurrence (0-based) of `needle` as a mention. */
  m(needle: string, nth = 0): Mention {
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = this.text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`fixture: "${needle}" #${nth} not in text`);
    }
    const sentence = this.sentences.find((s) => at >= s.start && at < s.end)!;
    return { start: at, end: at + needle.length, text: needle, sentence: sentence.index };
  }
  /** A whole sentence as a mention. */
  sentence(index: number): Mention {
    const s = this.sentences[index]!;
    return { start: s.start, end: s.end, text: s.text, sentence: index };
  }
}

export function day(value: string, text?: string): FuzzyDate {
  return { value, precision: value.length >= 10 ? "day" : value.length >= 7 ? "month" : "year", resolution: { kind: text ? "relative" : "absolute", rule: text ? "weekday-before-publication" : "explicit-day-month-year", text } };
}

interface ArticleSpec {
  doc: Doc;
  file: string;
  title: string;
  outlet: string;
  published: string;
  agencies?: string[];
  actors: (Omit<Actor, "mentions" | "aliases" | "externalIds"> & { mentions: Mention[] })[];
  places?: (Omit<Place, "mentions" | "aliases"> & { mentions: Mention[] })[];
  events?: Event[];
  quotes?: Quote[];
  positions?: Position[];
}

export function graph(spec: ArticleSpec): ArticleGraph {
  const hash = spec.doc.hash;
  return {
    article: {
      contentHash: hash,
      file: spec.file,
      title: spec.title,
      outlet: spec.outlet,
      agencies: spec.agencies ?? [],
      authors: [],
      language: "de",
      published: { value: spec.published, precision: "day", window: [spec.published, spec.published], source: "front-matter" },
      text: spec.doc.text,
    },
    sentences: spec.doc.sentences,
    actors: spec.actors.map((a) => ({ ...a, externalIds: {}, aliases: [...new Set(a.mentions.map((m) => m.text))].map((name) => ({ name, article: hash })) })),
    places: (spec.places ?? []).map((p) => ({ ...p, aliases: [...new Set(p.mentions.map((m) => m.text))].map((name) => ({ name, article: hash })) })),
    events: spec.events ?? [],
    quotes: spec.quotes ?? [],
    positions: spec.positions ?? [],
  };
}

const MASKAT = { key: "place:maskat", name: "Maskat", lat: 23.588, lon: 58.3829, country: "OM", precision: "city" as const };

/** Article A (Spiegel, 7 Feb): talks in Maskat on Friday 6 Feb, a quote, Iran's stance on enrichment. */
export const docA = new Doc([
  "Der iranische Außenminister Abbas Araghtschi und der US-Sondergesandte Steve Witkoff haben am Freitag in Maskat verhandelt.",
  "„Es war ein guter Anfang“, sagte Araghtschi nach dem Treffen.",
  "Iran lehnt einen vollständigen Verzicht auf die Urananreicherung weiterhin ab.",
]);

/** Article B (Tagesschau, 8 Feb, dpa): Trump threatens strikes; repeats the Maskat talks. */
export const docB = new Doc([
  "US-Präsident Donald Trump hat Iran mit einem Militärschlag gedroht.",
  "Zuvor hatten Araghtschi und Witkoff am Freitag in Maskat verhandelt.",
  "Ein Militärschlag bleibe eine Option, sagte Trump.",
]);

/** Article C (Zeit, 15 Jan): the US sanctions Iran, in Washington. */
export const docC = new Doc([
  "Die USA haben am Mittwoch neue Sanktionen gegen Iran verhängt.",
  "Das Finanzministerium in Washington nannte die Maßnahmen notwendig.",
]);

export function articleA(): ArticleGraph {
  const d = docA;
  return graph({
    doc: d,
    file: "a-spiegel.txt",
    title: "Gespräche in Maskat: ein guter Anfang",
    outlet: "Spiegel",
    published: "2026-02-07",
    actors: [
      { key: "person:abbas-araghtschi", kind: "person", name: "Abbas Araghtschi", role: "Außenminister", affiliation: "state:IR", mentions: [d.m("Abbas Araghtschi"), d.m("Araghtschi", 1)] },
      { key: "person:steve-witkoff", kind: "person", name: "Steve Witkoff", role: "Sondergesandter", affiliation: "state:US", mentions: [d.m("Steve Witkoff")] },
      { key: "state:IR", kind: "state", name: "Iran", mentions: [d.m("Iran")] },
    ],
    places: [{ ...MASKAT, mentions: [d.m("Maskat")] }],
    events: [
      {
        kind: "negotiate",
        summary: "Araghtschi und Witkoff verhandeln in Maskat",
        date: day("2026-02-06", "am Freitag"),
        status: "reported",
        participants: [
          { actor: "person:abbas-araghtschi", role: "participant" },
          { actor: "person:steve-witkoff", role: "participant" },
        ],
        places: ["place:maskat"],
        trigger: d.m("verhandelt"),
        evidence: [d.sentence(0)],
        figures: [],
      },
    ],
    quotes: [{ speaker: "person:abbas-araghtschi", speakerLabel: "Araghtschi", text: "Es war ein guter Anfang", mode: "direct", mention: d.m("Es war ein guter Anfang"), saidOn: "2026-02-06" }],
    positions: [{ actor: "state:IR", issue: "enrichment", stance: "oppose", modality: "reject", evidence: d.sentence(2), date: "2026-02-07" }],
  });
}

export function articleB(): ArticleGraph {
  const d = docB;
  return graph({
    doc: d,
    file: "b-tagesschau.txt",
    title: "Trump droht Iran mit Militärschlag",
    outlet: "Tagesschau",
    published: "2026-02-08",
    agencies: ["dpa"],
    actors: [
      { key: "person:donald-trump", kind: "person", name: "Donald Trump", role: "US-Präsident", affiliation: "state:US", mentions: [d.m("Donald Trump"), d.m("Trump", 1)] },
      { key: "state:IR", kind: "state", name: "Iran", mentions: [d.m("Iran")] },
      { key: "person:abbas-araghtschi", kind: "person", name: "Abbas Araghtschi", mentions: [d.m("Araghtschi")] },
      { key: "person:steve-witkoff", kind: "person", name: "Steve Witkoff", mentions: [d.m("Witkoff")] },
    ],
    places: [{ ...MASKAT, mentions: [d.m("Maskat")] }],
    events: [
      {
        kind: "threaten",
        summary: "Trump droht Iran mit einem Militärschlag",
        date: day("2026-02-08"),
        status: "reported",
        participants: [
          { actor: "person:donald-trump", role: "initiator" },
          { actor: "state:IR", role: "target" },
        ],
        places: [],
        trigger: d.m("gedroht"),
        evidence: [d.sentence(0)],
        figures: [],
      },
      {
        kind: "negotiate",
        summary: "Gespräche in Maskat",
        date: day("2026-02-06", "am Freitag"),
        status: "reported",
        participants: [
          { actor: "person:abbas-araghtschi", role: "participant" },
          { actor: "person:steve-witkoff", role: "participant" },
        ],
        places: ["place:maskat"],
        trigger: d.m("verhandelt"),
        evidence: [d.sentence(1)],
        figures: [],
      },
    ],
    quotes: [{ speaker: "person:donald-trump", speakerLabel: "Trump", text: "Ein Militärschlag bleibe eine Option", mode: "indirect", mention: d.m("Ein Militärschlag bleibe eine Option") }],
    positions: [{ actor: "person:donald-trump", issue: "military", stance: "support", modality: "threat", evidence: d.sentence(2), date: "2026-02-08", quote: 0 }],
  });
}

export function articleC(): ArticleGraph {
  const d = docC;
  return graph({
    doc: d,
    file: "c-zeit.txt",
    title: "Neue US-Sanktionen gegen Iran",
    outlet: "Zeit",
    published: "2026-01-15",
    actors: [
      { key: "state:US", kind: "state", name: "USA", mentions: [d.m("USA")] },
      { key: "state:IR", kind: "state", name: "Iran", mentions: [d.m("Iran")] },
    ],
    places: [
      { key: "place:washington", name: "Washington", lat: 38.9072, lon: -77.0369, country: "US", precision: "city", mentions: [d.m("Washington")] },
      // The same words as the actor `state:US`: shown as one actor highlight.
      { key: "place:usa", name: "USA", lat: 39.8, lon: -98.6, country: "US", precision: "country", mentions: [d.m("USA")] },
    ],
    events: [
      {
        kind: "sanction",
        summary: "USA verhängen neue Sanktionen gegen Iran",
        date: day("2026-01-14", "am Mittwoch"),
        status: "reported",
        participants: [
          { actor: "state:US", role: "initiator" },
          { actor: "state:IR", role: "target" },
        ],
        places: ["place:washington"],
        trigger: d.m("verhängt"),
        evidence: [d.sentence(0)],
        figures: [],
      },
    ],
  });
}

function merged(e: Event, reports: { article: string; event: number }[], independentSources: number): MergedEvent {
  return { kind: e.kind, summary: e.summary, date: e.date, status: e.status, participants: e.participants, places: e.places, reports, independentSources, conflicts: [] };
}

/** A, B and C with the Maskat talks merged across A and B (two independent sources). */
export function threeArticles(): Extraction {
  const a = articleA();
  const b = articleB();
  const c = articleC();
  return {
    dossier: "us-iran-2026",
    articles: [a, b, c],
    events: [
      merged(a.events[0]!, [
        { article: a.article.contentHash, event: 0 },
        { article: b.article.contentHash, event: 1 },
      ], 2),
      merged(b.events[0]!, [{ article: b.article.contentHash, event: 0 }], 1),
      merged(c.events[0]!, [{ article: c.article.contentHash, event: 0 }], 1),
    ],
  };
}
