import { describe, expect, it } from "vitest";
import { lexicon } from "../src/gazetteer.ts";
import { findMentions } from "../src/stages/mentions.ts";
import { extractQuotes, quoteSpans } from "../src/stages/quotes.ts";
import { resolveEntities } from "../src/stages/resolve.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const lex = lexicon();
function quotes(text: string) {
  const sentences = splitSentences(text);
  const resolution = resolveEntities({ mentions: findMentions({ text, sentences, lexicon: lex }), lexicon: lex });
  return extractQuotes({ text, sentences, resolution }).map((q) => ({ speaker: q.speaker, label: q.speakerLabel, text: q.text, mode: q.mode }));
}

describe("quoteSpans", () => {
  it("finds quotes in every German style, with nested quotes inside", () => {
    const text = "„Eins“ und »zwei« und «drei» und \"vier\" und ‚fünf‘ und “sechs” und „außen ‚innen‘ außen”.";
    expect(quoteSpans(text).map((q) => text.slice(q.inner[0], q.inner[1]))).toEqual(["Eins", "zwei", "drei", "vier", "fünf", "sechs", "außen ‚innen‘ außen"]);
  });
});

describe("extractQuotes", () => {
  it("attributes a quote to the speaker named after the verb, also after a title", () => {
    expect(quotes("«Es war ein guter Anfang», sagte Irans Außenminister Abbas Araghtschi dem Staatsfernsehen.")).toEqual([
      { speaker: "person:abbas-araghtschi", label: "Abbas Araghtschi", text: "Es war ein guter Anfang", mode: "direct" },
    ]);
  });

  it("resolves pronouns to the last person who spoke or acted, and a standalone quote to the last speaker", () => {
    const q = quotes("Am Mittwoch hatte Außenminister Tomasz Wrona gewarnt. „Wir sind nicht sicher“, sagte er gegenüber Reportern. „Wir versuchen es trotzdem.“");
    expect(q.map((x) => [x.speaker, x.text])).toEqual([["person:tomasz-wrona", "Wir sind nicht sicher"], ["person:tomasz-wrona", "Wir versuchen es trotzdem."]]);
    const z = quotes("Der Stabschef, Generalmajor Amir Hatami, sprach von Vergeltung. Ein »kleiner Fehler« könnte alles auslösen, zitierte ihn das Portal Iran Press.");
    expect(z.map((x) => [x.speaker, x.text])).toEqual([["person:amir-hatami", "kleiner Fehler"]]);
  });

  it("gives a partial quote to the subject of a sentence of saying", () => {
    expect(quotes("Omans Außenminister Badr al-Bussaidi bezeichnete die Gespräche auf X als «sehr ernst».")[0]).toMatchObject({ speaker: "person:badr-al-bussaidi", text: "sehr ernst" });
    expect(quotes("Witkoff-Berater Jonas Feld antwortete angeblich: „Wir kennen Ihre roten Linien.“")[0]).toMatchObject({ speaker: "person:jonas-feld" });
  });

  it("keeps anonymous speakers anonymous, never the named person nearby", () => {
    const q = quotes("Außenminister Marco Rubio schwieg. „So geht es nicht“, sagte ein hochrangiger US-Beamter gegenüber der Nachrichtenagentur Axios. „Wir warten“, fügte der hochrangige Beamte hinzu.");
    expect(q.map((x) => [x.speaker, x.label])).toEqual([[null, "ein hochrangiger US-Beamter"], [null, "der hochrangige Beamte"]]);
  });

  it("takes the source named with 'unter Berufung auf' and drops scare quotes", () => {
    const q = quotes("»Die Gespräche beginnen bald«, berichtete die Nachrichtenagentur Fars unter Berufung auf eine ungenannte Regierungsquelle. Zwei „sehr aggressive“ Aktionen verschärften die Lage.");
    expect(q).toEqual([{ speaker: null, label: "eine ungenannte Regierungsquelle", text: "Die Gespräche beginnen bald", mode: "direct" }]);
  });

  it("keeps indirect speech in the Konjunktiv as mode indirect", () => {
    expect(quotes("Trump sagte damals, Irans Atomanlagen seien komplett vernichtet worden.")).toEqual([
      { speaker: "person:donald-trump", label: "Trump", text: "Irans Atomanlagen seien komplett vernichtet worden", mode: "indirect" },
    ]);
  });
});

describe("extractQuotes: speakers of partial quotes in reported speech", () => {
  it("continues the last speaker where a state is the subject of a reported sentence without a verb of saying", () => {
    const qs = quotes("«Wir kommen voran», sagte Außenminister Karim Haddad. Über Raketen werde Teheran «unter keinen Umständen» verhandeln.");
    expect(qs.map((q) => q.speaker)).toEqual(["person:karim-haddad", "person:karim-haddad"]);
  });

  it("never takes a genitive for the speaker, and reads a compound epithet as the person named before", () => {
    const genitive = quotes("Premierminister Jonas Berg sprach am Sonntag. Irans Angebot sei «das Papier nicht wert», sagte er.");
    expect(genitive.map((q) => q.speaker)).toEqual(["person:jonas-berg"]);
    const epithet = quotes("Außenministerin Lena Hofer bot an, die Gespräche auszurichten. «Wien hat Erfahrung damit», sagte die Neos-Politikerin.");
    expect(epithet[0]).toMatchObject({ speaker: "person:lena-hofer" });
  });
});

describe("extractQuotes: one quoted word", () => {
  it("keeps one word that reported speech says something is ('sei »wertlos«'), not a scare quote", () => {
    const found = quotes("„Wir handeln“, sagte Verteidigungsminister Avi Dror am Dienstag. Ein Deal ohne Raketen sei »wertlos«. Die Regierung sprach von einer »Machtdemonstration«.");
    expect(found.map((q) => q.text)).toContain("wertlos");
    expect(found.find((q) => q.text === "wertlos")!.speaker).toBe("person:avi-dror");
    expect(found.map((q) => q.text)).not.toContain("Machtdemonstration");
  });
});
