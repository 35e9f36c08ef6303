import { describe, expect, it } from "vitest";
import { lexicon } from "../src/gazetteer.ts";
import { findMentions } from "../src/stages/mentions.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const lex = lexicon();
const mentionsOf = (text: string, authors: string[] = []) => findMentions({ text, sentences: splitSentences(text), lexicon: lex, authors });
const persons = (text: string, authors: string[] = []) => mentionsOf(text, authors).filter((m) => m.kind === "person").map((m) => m.name);

describe("findMentions: persons no lexicon knows", () => {
  it("finds a name after an office title, with the role in its base form and the affiliation from a prefix or demonym", () => {
    const ms = mentionsOf("Der kroatische Außenminister Gordan Radić traf am Montag den US-Sondergesandten Tom Keller.");
    const radic = ms.find((m) => m.name === "Gordan Radić")!;
    expect(radic).toMatchObject({ kind: "person", role: "Außenminister", affiliation: "state:HR" });
    expect(ms.find((m) => m.name === "Tom Keller")).toMatchObject({ role: "US-Sondergesandte", affiliation: "state:US" });
  });

  it("finds a name in apposition to a role phrase and takes the affiliation from the phrase", () => {
    const ms = mentionsOf("Der Sprecher des Außenministeriums von Jordanien, Sufjan Kudah, widersprach.");
    expect(ms.find((m) => m.kind === "person")).toMatchObject({ name: "Sufjan Kudah", role: "Sprecher", affiliation: "state:JO" });
  });

  it("finds a given name followed by a surname, name particles included", () => {
    expect(persons("Das sagte Jason Brodsky vom Think Tank „Iran Watch“ in einem Interview.")).toEqual(["Jason Brodsky"]);
    expect(persons("Omans Außenminister Badr al-Bussaidi empfing die Gäste.")).toEqual(["Badr al-Bussaidi"]);
    expect(persons("Gastgeber war Ministerpräsident Mohammed bin Abdulrahman Al Thani.")).toEqual(["Mohammed bin Abdulrahman Al Thani"]);
  });

  it("finds a name after a verb of saying and links a later surname alone (also in the genitive)", () => {
    const ms = mentionsOf("„Wir bleiben hart“, sagte Kovalenko. Außenminister Pjotr Kovalenko reist morgen ab. Kovalenkos Büro schweigt.");
    const names = ms.filter((m) => m.kind === "person").map((m) => m.name);
    expect(names).toEqual(["Kovalenko", "Pjotr Kovalenko", "Kovalenko"]);
    expect(ms.filter((m) => m.kind === "person")[2]!.genitive).toBe(true);
  });

  it("never takes capitalised nouns, sentence starts, section labels or photo credits for persons", () => {
    const text = "Aktualisiert am 2. Februar 2026\nLegende: Screenshot Truth Social\nPassend zum Thema Treffen in Washington\nRegionale Staaten vermitteln. Die Regierung Weiter Verhandlungen sagte Unterstützung zu.\nKemal Aslan/REUTERS Protest in Istanbul";
    expect(persons(text)).toEqual([]);
  });

  it("does not take the article's authors for actors", () => {
    expect(persons("Von Arne Bänsch und Hans Dahne\nDie Gespräche gingen weiter, sagte Hans Dahne.", ["Arne Bänsch", "Hans Dahne"])).toEqual([]);
  });
});

describe("findMentions: states, places, organisations, media", () => {
  it("reads countries (also in the genitive), cities, regions and seats of government", () => {
    const ms = mentionsOf("Irans Außenminister reiste nach Maskat. Im Gazastreifen und im Weißen Haus wurde beraten.");
    expect(ms.map((m) => [m.name, m.key])).toEqual([
      ["Iran", "state:IR"], ["Maskat", "place:maskat"], ["Gazastreifen", "place:gazastreifen"], ["Weißen Haus", "state:US"],
    ]);
    expect(ms[0]).toMatchObject({ genitive: true, modifier: true });
    expect(ms[3]).toMatchObject({ place: "place:washington" });
  });

  it("turns a demonym or prefix with a government noun into the state, and a capital compound into the capital", () => {
    const ms = mentionsOf("Die iranische Führung und US-Beamte trafen sich in der US-Hauptstadt, sagte ein hochrangiger israelischer Beamter.");
    expect(ms.map((m) => [m.text, m.key, !!m.anonymous])).toEqual([
      ["iranische Führung", "state:IR", false], ["US-Beamte", "state:US", true], ["US-Hauptstadt", "place:washington", false], ["israelischer Beamter", "state:IL", true],
    ]);
  });

  it("names media only where a cue says a name is an outlet", () => {
    const ms = mentionsOf("Das berichtete die Nachrichtenagentur Tasnim. Er schrieb auf X, mehr sei nicht zu sagen. Mehr als zehn Menschen kamen.");
    expect(ms.filter((m) => m.kind === "media").map((m) => m.key)).toEqual(["media:tasnim", "media:x"]);
  });

  it("reads an organisation named after an organisation noun", () => {
    const ms = mentionsOf("Das sagte Jason Brodsky vom Think Tank „United Against Nuclear Iran“.");
    expect(ms.find((m) => m.kind === "organisation")).toMatchObject({ name: "United Against Nuclear Iran", key: "org:united-against-nuclear-iran" });
  });
});

describe("findMentions: towns no gazetteer lists", () => {
  it("finds a town after a locative preposition or a settlement noun in GeoNames, by its country where the name is shared", () => {
    const ms = mentionsOf("Die Minister trafen sich in Helsingborg. Zuvor hatte es in der Grenzstadt Hrubieszów Proteste gegeben.");
    const towns = ms.filter((m) => m.via === "geonames:town");
    expect(towns.map((m) => m.name)).toEqual(["Helsingborg", "Hrubieszów"]);
    expect(lex.places.get(towns[0]!.place!)).toMatchObject({ country: "SE", precision: "city" });
    // "Essen" is a town in Germany and in Belgium: only an article naming one of them gets it.
    expect(mentionsOf("Das Treffen fand in Essen statt.").filter((m) => m.via === "geonames:town")).toEqual([]);
    expect(mentionsOf("In Deutschland wächst die Kritik. Das Treffen fand in Essen statt.").find((m) => m.via === "geonames:town")).toMatchObject({ name: "Essen" });
  });

  it("reads a compound settlement noun, a demonym after the preposition, and a town joined by 'und' as cues", () => {
    const towns = (text: string) => mentionsOf(text).filter((m) => m.via === "geonames:town").map((m) => m.name);
    expect(towns("Die Insel liegt vor der Küstenstadt Kanchanaburi.")).toEqual(["Kanchanaburi"]);
    expect(towns("Die Sitzung im thailändischen Trat wurde abgesagt.")).toEqual(["Trat"]);
    expect(towns("Es gab Gefechte bei Battambang und Pailin.")).toEqual(["Battambang", "Pailin"]);
    // Without a cue the second name stays unread.
    expect(towns("Pailin liegt an der Grenze.")).toEqual([]);
  });

  it("takes no capitalised noun or name without a locative cue for a town", () => {
    expect(mentionsOf("Vance sprach mit Reportern über die Lage.").filter((m) => m.via === "geonames:town")).toEqual([]);
    // "Rede" is a town in Hungary, but "bei einer Rede" is a speech.
    expect(mentionsOf("Er sagte das bei einer Rede.").filter((m) => m.via === "geonames:town")).toEqual([]);
  });
});


describe("findMentions: two names after one plural title", () => {
  it("reads 'Die Außenminister A B und C D' as two persons with that title", () => {
    const persons = mentionsOf("Die Außenminister Aram Hovsepjan und Rauf Mammadli trafen sich am Mittwoch.").filter((m) => m.kind === "person");
    expect(persons.map((m) => m.name)).toEqual(["Aram Hovsepjan", "Rauf Mammadli"]);
    // One name after "und" is not a person by this rule ("Präsident Hovsepjan und Armenien").
    expect(mentionsOf("Außenminister Aram Hovsepjan und Armenien verhandeln.").filter((m) => m.kind === "person").map((m) => m.name)).toEqual(["Aram Hovsepjan"]);
  });
});

describe("findMentions: a demonym opening the sentence", () => {
  it("reads 'Iranische Behörden' at the start of a sentence as the state, as it reads 'die iranischen Behörden'", () => {
    const states = (text: string) => mentionsOf(text).filter((m) => m.key === "state:IR").map((m) => m.name);
    expect(states("Iranische Behörden verweigerten den Zugang.")).toEqual(["Iranische Behörden"]);
    expect(states("Zuvor: Iranische Behörden schwiegen.")).toEqual(["Iranische Behörden"]);
  });
});
