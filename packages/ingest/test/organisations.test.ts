import { describe, expect, it } from "vitest";
import { lexicon } from "../src/gazetteer.ts";
import { findMentions } from "../src/stages/mentions.ts";
import { resolveEntities } from "../src/stages/resolve.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const lex = lexicon();
const orgsOf = (text: string) => {
  const mentions = findMentions({ text, sentences: splitSentences(text), lexicon: lex });
  const { actors } = resolveEntities({ mentions, lexicon: lex });
  return actors.filter((a) => a.kind === "organisation").map((a) => ({ key: a.key, name: a.name, aliases: a.aliases.map((x) => x.name).sort(), mentions: a.mentions.length }));
};

describe("organisations no lexicon lists", () => {
  it("takes an acronym defined after its expansion as one organisation, also where it is used before the definition", () => {
    const text = "Die LRF-Miliz rückt vor. In Lomé verhandeln Vertreter der malischen Streitkräfte (MSF) und der Lomé Resistance Front (LRF). Die LRF wies das zurück.";
    const orgs = orgsOf(text);
    const lrf = orgs.find((o) => o.key === "org:lrf")!;
    expect(lrf).toMatchObject({ name: "Lomé Resistance Front", mentions: 4 });
    expect(lrf.aliases).toEqual(expect.arrayContaining(["LRF", "LRF-Miliz", "Lomé Resistance Front"]));
    expect(orgs.find((o) => o.aliases.includes("MSF"))).toMatchObject({ name: "Malische Streitkräfte" });
  });

  it("keys an acronym for a state's armed forces as that state's body: 'Malis Armee' later is the same actor", () => {
    const orgs = orgsOf("Vertreter der malischen Streitkräfte (MSF) verhandeln. Später griff Malis Armee ein Lager an.");
    const forces = orgs.filter((o) => /streitkr/i.test(o.key));
    expect(forces).toHaveLength(1);
    expect(forces[0]!.aliases).toEqual(expect.arrayContaining(["MSF", "Armee"]));
  });

  it("does not take a treaty or other non-body before an acronym for an organisation", () => {
    expect(orgsOf("Iran droht mit dem Austritt aus dem Atomwaffensperrvertrag (NPT).")).toEqual([]);
  });

  it("takes an organisation noun before an acronym as its definition (Schutztruppe KFOR)", () => {
    const orgs = orgsOf("Die Nato-geführte Schutztruppe KFOR warnte. Später sprach die KFOR von Ruhe.");
    expect(orgs).toEqual([expect.objectContaining({ key: "org:kfor", mentions: 2 })]);
  });

  it("keeps a state's parliament, senate or police apart from the state and links the bare noun to it", () => {
    const orgs = orgsOf("Streit im Senat. Eine Anhörung im Ausschuss des US-Senats zeigte das. Irans Parlament zieht rote Linien; das Parlament tagt. Die kosovarische Polizei nahm ihn fest.");
    expect(orgs.map((o) => o.name).sort()).toEqual(["Parlament (Iran)", "Polizei (Kosovo)", "Senat (USA)"]);
    expect(orgs.find((o) => o.name === "Senat (USA)")).toMatchObject({ mentions: 2, aliases: expect.arrayContaining(["US-Senat", "Senat"]) });
    expect(orgs.find((o) => o.name === "Parlament (Iran)")).toMatchObject({ mentions: 2 });
  });

  it("leaves a bare body noun alone when the article names two owners for it", () => {
    const orgs = orgsOf("Das US-Parlament und das iranische Parlament stritten. Das Parlament schwieg.");
    expect(orgs.map((o) => o.mentions).sort()).toEqual([1, 1]);
  });

  it("takes a single name after a compound organisation noun, but not a word shaped like a noun", () => {
    expect(orgsOf("Die kurdische Menschenrechtsorganisation Lavan meldete 60 Festnahmen.")).toEqual([expect.objectContaining({ name: "Lavan" })]);
    expect(orgsOf("Die Hilfsorganisation Versorgung verteilte Brot.")).toEqual([]);
  });

  it("finds an English organisation name around its head noun, without a German city adjective before it", () => {
    const orgs = orgsOf("Das sagte ein Experte vom Londoner International Institute for Strategic Studies.");
    expect(orgs).toEqual([expect.objectContaining({ name: "International Institute for Strategic Studies" })]);
  });
});

describe("organisationSpans: craft are not bodies", () => {
  it("takes no aircraft ('Air Force One') for an organisation, but keeps an English body name", () => {
    expect(orgsOf("Er sprach an Bord der Air Force One mit Reportern.")).toEqual([]);
    expect(orgsOf("Die Rapid Reaction Force wurde verlegt.").map((o) => o.name)).toEqual(["Rapid Reaction Force"]);
  });
});

