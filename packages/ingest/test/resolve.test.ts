import { describe, expect, it } from "vitest";
import { lexicon } from "../src/gazetteer.ts";
import { findMentions } from "../src/stages/mentions.ts";
import { phoneticKeys, resolveEntities } from "../src/stages/resolve.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const lex = lexicon();
const resolve = (text: string) => resolveEntities({ mentions: findMentions({ text, sentences: splitSentences(text), lexicon: lex }), lexicon: lex, article: "a".repeat(64) });
const same = (a: string, b: string) => phoneticKeys(a).some((k) => phoneticKeys(b).includes(k));

describe("phoneticKeys", () => {
  it("folds German and English romanisations of one name together", () => {
    for (const [a, b] of [["Chamenei", "Khamenei"], ["Araghtschi", "Araghchi"], ["Araghtschi", "Araqchi"], ["Peseschkian", "Pezeshkian"], ["Netanjahu", "Netanyahu"], ["Mussawi", "Mousavi"], ["Dschawad", "Javad"], ["Selenskyj", "Zelensky"], ["Baghai", "Baghaei"]]) {
      expect(same(a!, b!), `${a} ~ ${b}`).toBe(true);
    }
  });
  it("keeps different names apart", () => {
    for (const [a, b] of [["Chamenei", "Rohani"], ["Witkoff", "Kushner"], ["Netanjahu", "Nasrallah"], ["Araghtschi", "Larijani"]]) expect(same(a!, b!), `${a} ≁ ${b}`).toBe(false);
  });
});

describe("resolveEntities", () => {
  it("links a surname alone to the full name, keeps every spelling, takes role and affiliation from the title", () => {
    const r = resolve("Der ukrainische Außenminister Andrij Sybiha reiste nach Berlin. Dort sagte Sybiha, die Lage sei ernst.");
    const person = r.actors.find((a) => a.kind === "person")!;
    expect(person).toMatchObject({ key: "person:andrij-sybiha", name: "Andrij Sybiha", role: "Außenminister", affiliation: "state:UA" });
    expect(person.mentions).toHaveLength(2);
    expect(person.aliases.every((a) => a.article === "a".repeat(64))).toBe(true);
    expect(r.actors.filter((a) => a.kind === "person")).toHaveLength(1);
  });

  it("resolves a capital used as an actor to its state and keeps it out of event places", () => {
    const r = resolve("Teheran warnte die Nachbarn. Tel Aviv habe Washington informiert. Die Staatsführung in Teheran schwieg. In Teheran demonstrierten Tausende.");
    const tehran = r.refs.filter((x) => x.place === "place:teheran");
    expect(tehran.map((x) => [x.actor ?? null, x.eventPlace])).toEqual([["state:IR", false], ["state:IR", false], [null, true]]);
    expect(r.refs.find((x) => x.place === "place:tel-aviv")).toMatchObject({ actor: "state:IL", eventPlace: false });
    expect(r.refs.find((x) => x.place === "place:washington")).toMatchObject({ actor: "state:US", eventPlace: false });
    expect(r.places.map((p) => p.key).sort()).toEqual(["place:teheran", "place:tel-aviv", "place:washington"]);
  });

  it("makes the White House both the US actor and the place Washington", () => {
    const r = resolve("Der Gesandte des Weißen Hauses landete. Das Treffen fand im Weissen Haus statt.");
    expect(r.refs.map((x) => [x.actor ?? null, x.place, x.eventPlace])).toEqual([["state:US", "place:washington", false], [null, "place:washington", true]]);
    const washington = r.places.find((p) => p.key === "place:washington")!;
    expect(washington).toMatchObject({ name: "Washington", country: "US" });
    expect(washington.lat).toBeCloseTo(38.9, 0);
  });

  it("uses the keys of the model: state:XX, person:, org:, media:, country:XX", () => {
    const r = resolve("Laut Reuters forderte die Nato von Russland einen Abzug aus der Ukraine, sagte Außenminister Jan Novak.");
    expect(r.actors.map((a) => a.key).sort()).toEqual(["media:reuters", "org:nato", "person:jan-novak", "state:RU"]);
    expect(r.places.map((p) => p.key).sort()).toEqual(["country:RU", "country:UA"]);
  });
});
