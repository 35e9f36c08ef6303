// Small hand-built extractions. Offsets are computed from the text, so every mention really covers its words.
import { createHash } from "node:crypto";
import type { Actor, ArticleGraph, Event, Extraction, FuzzyDate, Mention, MergedEvent, Place, Position, Quote } from "@lagebild/model";

export interface Tools {
  hash: string;
  /** The `nth` occurrence of `needle` in the article text, as a mention. */
  m(needle: string, nth?: number): Mention;
}

export interface ArticleSpec {
  file: string;
  sentences: string[];
  url?: string;
  outlet?: string;
  agencies?: string[];
  published?: string;
  build(t: Tools): {
    actors?: Actor[];
    places?: Place[];
    events?: Event[];
    quotes?: Quote[];
    positions?: Position[];
  };
}

export function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

export function article(spec: ArticleSpec): ArticleGraph {
  const sentences: ArticleGraph["sentences"] = [];
  let text = "";
  spec.sentences.forEach((s, index) => {
    if (text) text += " ";
    sentences.push({ index, start: text.length, end: text.length + s.length, text: s });
    text += s;
  });
  const hash = sha256(text);
  const m = (needle: string, nth = 0): Mention => {
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`fixture: "${needle}" (#${nth}) not in ${spec.file}`);
    }
    const sentence = sentences.find((s) => at >= s.start && at < s.end)!.index;
    return { start: at, end: at + needle.length, text: needle, sentence };
  };
  const parts = spec.build({ hash, m });
  return {
    article: {
      contentHash: hash,
      file: spec.file,
      url: spec.url ?? null,
      title: spec.sentences[0]!.slice(0, 40),
      outlet: spec.outlet ?? null,
      agencies: spec.agencies ?? [],
      authors: [],
      language: "de",
      published: spec.published
        ? { value: spec.published, precision: "day", window: [spec.published, spec.published], source: "front-matter" }
        : null,
      text,
    },
    sentences,
    actors: parts.actors ?? [],
    places: parts.places ?? [],
    events: parts.events ?? [],
    quotes: parts.quotes ?? [],
    positions: parts.positions ?? [],
  };
}

export function day(value: string, rule = "explicit-day-month-year"): FuzzyDate {
  return { value, precision: "day", resolution: { kind: "absolute", rule } };
}

export function actor(key: string, kind: Actor["kind"], name: string, mentions: Mention[], extra: Partial<Actor> = {}): Actor {
  return { key, kind, name, aliases: [], mentions, externalIds: {}, ...extra };
}

export function place(key: string, name: string, lat: number, lon: number, mentions: Mention[], country = "OM"): Place {
  return { key, name, aliases: [], lat, lon, country, precision: "city", mentions };
}

/** One merged event over the given reports, taking kind/date/participants from the first report's event. */
export function merged(reports: { graph: ArticleGraph; event: number }[], extra: Partial<MergedEvent> = {}): MergedEvent {
  const first = reports[0]!.graph.events[reports[0]!.event]!;
  return {
    kind: first.kind,
    summary: first.summary,
    date: first.date ?? null,
    status: first.status,
    participants: first.participants,
    places: first.places,
    reports: reports.map((r) => ({ article: r.graph.article.contentHash, event: r.event })),
    independentSources: reports.length,
    conflicts: [],
    ...extra,
  };
}

/** Every event of the graphs as its own merged event (what an extraction of unrelated articles looks like). */
export function extraction(articles: ArticleGraph[], events?: MergedEvent[]): Extraction {
  return {
    dossier: "us-iran-2026",
    articles,
    events: events ?? articles.flatMap((graph) => graph.events.map((_, event) => merged([{ graph, event }]))),
  };
}

/** dpa report of the Muscat talks, with two quotes and two positions. */
export function talksDpa(): ArticleGraph {
  return article({
    file: "2026-02-07-dpa-maskat.md",
    url: "https://example.org/dpa/maskat",
    outlet: "Tagesschau",
    agencies: ["dpa"],
    published: "2026-02-07",
    sentences: [
      "Der iranische Außenminister Abbas Araghtschi hat am Freitag in Maskat mit dem US-Sondergesandten Steve Witkoff verhandelt.",
      "„Wir sind zu einer Einigung bereit“, sagte Araghtschi.",
      "Iran werde auf die Urananreicherung nicht verzichten, sagte Araghtschi.",
      "Die USA verlangen, dass Iran die Urananreicherung vollständig einstellt.",
      "An den Gesprächen nahmen drei Delegationen teil.",
    ],
    build: ({ hash, m }) => ({
      actors: [
        actor("person:abbas-araghtschi", "person", "Abbas Araghtschi", [m("Abbas Araghtschi"), m("Araghtschi", 1), m("Araghtschi", 2)], {
          aliases: [
            { name: "Abbas Araghtschi", article: hash },
            { name: "Araghtschi", article: hash },
          ],
          affiliation: "state:IR",
        }),
        actor("person:steve-witkoff", "person", "Steve Witkoff", [m("Steve Witkoff")], {
          aliases: [{ name: "Steve Witkoff", article: hash }],
          role: "US-Sondergesandter",
          affiliation: "state:US",
        }),
        actor("state:IR", "state", "Iran", [m("Iran", 0), m("Iran", 1)], { aliases: [{ name: "Iran", article: hash }], externalIds: { iso: "IR" } }),
        actor("state:US", "state", "USA", [m("USA")], { aliases: [{ name: "USA", article: hash }], externalIds: { iso: "US", wikidata: "Q30" } }),
      ],
      places: [place("place:maskat", "Maskat", 23.588, 58.3829, [m("Maskat")])],
      events: [
        {
          kind: "negotiate",
          summary: "Araghtschi und Witkoff verhandeln in Maskat",
          date: { value: "2026-02-06", precision: "day", resolution: { kind: "relative", rule: "weekday-before-publication", anchor: "2026-02-07", text: "am Freitag" } },
          status: "reported",
          participants: [
            { actor: "person:abbas-araghtschi", role: "participant" },
            { actor: "person:steve-witkoff", role: "participant" },
          ],
          places: ["place:maskat"],
          trigger: m("verhandelt"),
          evidence: [m("Der iranische Außenminister Abbas Araghtschi hat am Freitag in Maskat mit dem US-Sondergesandten Steve Witkoff verhandelt.")],
          figures: [{ what: "Delegationen", value: "drei" }],
        },
      ],
      quotes: [
        {
          speaker: "person:abbas-araghtschi",
          speakerLabel: "Araghtschi",
          text: "Wir sind zu einer Einigung bereit",
          mode: "direct",
          mention: m("Wir sind zu einer Einigung bereit"),
          saidOn: "2026-02-06",
        },
        {
          speaker: "person:abbas-araghtschi",
          speakerLabel: "Araghtschi",
          text: "Iran werde auf die Urananreicherung nicht verzichten",
          mode: "indirect",
          mention: m("Iran werde auf die Urananreicherung nicht verzichten"),
        },
      ],
      positions: [
        {
          actor: "person:abbas-araghtschi",
          issue: "enrichment",
          stance: "oppose",
          modality: "reject",
          evidence: m("Iran werde auf die Urananreicherung nicht verzichten, sagte Araghtschi."),
          date: "2026-02-06",
          quote: 1,
        },
        {
          actor: "state:US",
          issue: "enrichment",
          stance: "support",
          modality: "demand",
          evidence: m("Die USA verlangen, dass Iran die Urananreicherung vollständig einstellt."),
          date: "2026-02",
        },
      ],
    }),
  });
}

/** Reuters report of the same talks (a meeting-family kind, same day, same people and place). */
export function talksReuters(opts: { date?: string; role?: string; extraAlias?: string } = {}): ArticleGraph {
  return article({
    file: "2026-02-07-reuters-oman.md",
    outlet: "Der Standard",
    agencies: ["Reuters"],
    published: "2026-02-07",
    sentences: [
      "Die Gespräche zwischen Iran und den USA im Oman sind am Freitag zu Ende gegangen.",
      "Witkoff und Araghtschi trafen sich in Maskat.",
      "Nach Angaben von Diplomaten nahmen zwei Delegationen teil.",
    ],
    build: ({ hash, m }) => ({
      actors: [
        actor("person:abbas-araghtschi", "person", "Abbas Araghtschi", [m("Araghtschi")], {
          aliases: [{ name: "Araghtschi", article: hash }, ...(opts.extraAlias ? [{ name: opts.extraAlias, article: hash }] : [])],
          role: opts.role ?? null,
        }),
        actor("person:steve-witkoff", "person", "Steve Witkoff", [m("Witkoff")], { aliases: [{ name: "Witkoff", article: hash }] }),
      ],
      places: [place("place:maskat", "Maskat", 23.588, 58.3829, [m("Maskat")])],
      events: [
        {
          kind: "consult",
          summary: "Witkoff und Araghtschi treffen sich in Maskat",
          date: day(opts.date ?? "2026-02-06"),
          status: "reported",
          participants: [
            { actor: "person:steve-witkoff", role: "participant" },
            { actor: "person:abbas-araghtschi", role: "participant" },
          ],
          places: ["place:maskat"],
          trigger: m("trafen sich"),
          evidence: [m("Witkoff und Araghtschi trafen sich in Maskat.")],
          figures: [{ what: "Delegationen", value: "zwei" }],
        },
      ],
    }),
  });
}

/** An unrelated article about a protest, with an actor and a place no other fixture has. */
export function protestArticle(tag = "a"): ArticleGraph {
  return article({
    file: `protest-${tag}.md`,
    outlet: "taz",
    published: "2026-01-10",
    sentences: [`In Isfahan demonstrierten am Samstag Tausende gegen die Regierung (${tag}).`, "Die Polizei griff ein."],
    build: ({ hash, m }) => ({
      actors: [
        actor(`group:demonstranten-${tag}`, "group", "Demonstranten", [m("Tausende")], { aliases: [{ name: "Tausende", article: hash }] }),
      ],
      places: [place("place:isfahan", "Isfahan", 32.6539, 51.666, [m("Isfahan")], "IR")],
      events: [
        {
          kind: "protest",
          summary: "Protest in Isfahan",
          date: day("2026-01-10"),
          status: "reported",
          participants: [{ actor: `group:demonstranten-${tag}`, role: "initiator" }],
          places: ["place:isfahan"],
          trigger: m("demonstrierten"),
          evidence: [m(`In Isfahan demonstrierten am Samstag Tausende gegen die Regierung (${tag}).`)],
          figures: [{ what: "Teilnehmer", value: "Tausende" }],
        },
      ],
    }),
  });
}
