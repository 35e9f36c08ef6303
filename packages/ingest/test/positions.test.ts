import { describe, expect, it } from "vitest";
import { Dossier } from "@lagebild/model";
import { loadDossier } from "@lagebild/model/node";
import { lexicon } from "../src/gazetteer.ts";
import { findMentions } from "../src/stages/mentions.ts";
import { extractPositions } from "../src/stages/positions.ts";
import { extractQuotes } from "../src/stages/quotes.ts";
import { resolveEntities } from "../src/stages/resolve.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const usIran = loadDossier("us-iran-2026");
function positions(text: string, dossier: Dossier = usIran) {
  const lex = lexicon(dossier);
  const sentences = splitSentences(text);
  const resolution = resolveEntities({ mentions: findMentions({ text, sentences, lexicon: lex }), lexicon: lex });
  const quotes = extractQuotes({ text, sentences, resolution });
  return extractPositions({ sentences, resolution, quotes, dossier, demonyms: lex.demonyms }).map((p) => `${p.actor} ${p.issue} ${p.stance} ${p.modality}`);
}

describe("extractPositions", () => {
  it("reads stance toward the proposition as stated, with opposite cues and scopes", () => {
    expect(positions("Die USA forderten eine vollständige Einstellung der Urananreicherung, während der Iran maximal dazu bereit war, das Atomprogramm zu begrenzen.")).toEqual([
      "state:US enrichment support demand", "state:IR enrichment oppose offer",
    ]);
    expect(positions("Teheran will dagegen nur über das Atomprogramm verhandeln.")).toEqual(["state:IR scope support offer"]);
    expect(positions("Israel warnte wiederholt vor einem Abkommen, das sich nur auf das Atomprogramm beschränkt.")).toEqual(["state:IL scope oppose reject"]);
  });

  it("handles refusals, negation and 'vom Tisch'", () => {
    expect(positions("Iran lehnt Diskussionen über Begrenzungen des Raketenprogramms ab.")).toEqual(["state:IR missiles oppose reject"]);
    expect(positions("„Wir werden keine Verhandlungen über andere Themen als das Atomprogramm akzeptieren“, sagte ein iranischer Beamter.")).toEqual(["state:IR scope support reject"]);
    expect(positions("Reuters zitierte einen hochrangigen iranischen Beamten mit den Worten, Beschränkungen des Raketenprogramms seien „vom Tisch“.")).toEqual(["state:IR missiles oppose reject"]);
  });

  it("finds the holder of a nominal attitude and counts an official's position for the state too", () => {
    expect(positions("Das Beharren der USA auf einer Ausweitung des Verhandlungsspielraums sei riskant.")).toEqual(["state:US scope oppose demand"]);
    expect(positions("Der Sprecher des Außenministeriums von Katar, Majed Al Ansari, drängte auf Verhandlungen, die alle Themen abdecken.")).toEqual([
      "person:majed-al-ansari scope oppose demand", "state:QA scope oppose demand",
    ]);
  });

  it("matches cues as word patterns: inflections, compounds, articles and possessives between words", () => {
    expect(positions("Teheran werde allein über sein Nuklearprogramm verhandeln, sagte Außenminister Abbas Araghtschi.")).toContain("state:IR scope support offer");
    expect(positions("Die US-Regierung dringt auf eine umfassende Vereinbarung.")).toEqual(["state:US scope oppose demand"]);
  });

  it("reads a negated cue as its opposite and counts a shared negation once", () => {
    expect(positions("Die USA fordern keine Anreicherung.")).toEqual(["state:US enrichment support reject"]);
    expect(positions("Israel nannte jede Einigung ohne vollständiges Ende der Urananreicherung inakzeptabel.")).toEqual(["state:IL enrichment support reject"]);
    expect(positions("Der Iran verzichtet nach Angaben aus Teheran nicht auf die Anreicherung.")).toEqual(["state:IR enrichment oppose concede"]);
  });

  it("reads a verb that ends what a cue names, and a negated noun a relative clause belongs to", () => {
    expect(positions("Frankreich verlangte, Iran müsse jede Anreicherung aufgeben.")).toEqual(["state:FR enrichment support demand"]);
    expect(positions("Frankreich erklärte, man werde kein Abkommen unterzeichnen, das dem Iran die Anreicherung erlaubt.")).toContainEqual(expect.stringMatching(/^state:FR enrichment support/));
    expect(positions("Frankreich erklärte, man werde ein Abkommen unterzeichnen, das dem Iran die Anreicherung erlaubt.")).toContainEqual(expect.stringMatching(/^state:FR enrichment oppose/));
  });

  it("does not take whom a demand addresses, or the subject of its condition, for the holder", () => {
    expect(positions("Ein Abkommen sei nur denkbar, wenn der Iran die Anreicherung einstelle, erklärte Frankreich.")).toEqual(["state:FR enrichment support offer"]);
    const morel = positions("Der französische Außenminister Jean Morel forderte, jedes Abkommen müsse Irans Raketenprogramm einschließen.");
    expect(morel).toContain("state:FR missiles support demand");
    expect(morel.filter((x) => x.startsWith("state:IR"))).toEqual([]);
  });

  it("takes the cited source as the holder of reported speech", () => {
    expect(positions("Sollte Teheran die Anreicherung fortsetzen, seien Angriffe möglich, so Trump.")).toContain("person:donald-trump military support demand");
    expect(positions("US-Präsident Donald Trump schloss militärische Gewalt erneut nicht aus.")).toContain("state:US military support threat");
  });

  it("works with any dossier given as data, with no issue id in code", () => {
    const dossier = Dossier.parse({
      id: "test-arctic", name: "Arctic fishing", issues: [
        { id: "quota", label: "Fishing quotas", proposition: "Catch quotas should be cut.", cues: ["fangquoten zu senken", "senkung der fangquoten", "!erhöhung der fangquoten"] },
      ],
    });
    expect(positions("Norwegen fordert, die Fangquoten zu senken. Island lehnt eine Senkung der Fangquoten ab.", dossier)).toEqual([
      "state:NO quota support demand", "state:IS quota oppose reject",
    ]);
    expect(positions("Dänemark warnte vor einer Erhöhung der Fangquoten.", dossier)).toEqual(["state:DK quota support reject"]);
  });
});

describe("extractPositions: compounds and continued reported speech", () => {
  it("reads 'Null-Anreicherung' as the cue it spells, not the 'Anreicherung' inside it", () => {
    expect(positions("Iran lehnt eine Null-Anreicherung ab.")).toEqual(["state:IR enrichment oppose reject"]);
  });

  it("gives a stance in reported speech to the speaker its quote continues, not to a state named in between", () => {
    const found = positions("Israel werde »erneut handeln«, sagte Verteidigungsminister Avi Dror am Dienstag. Sollte Iran sein Atomprogramm wieder aufbauen, werde Israel »militärisch handeln«. Ein Deal, der Raketen ausklammere, sei »wertlos«.");
    const missiles = found.filter((p) => p.includes(" missiles "));
    expect(missiles.map((p) => p.split(" ")[0])).toEqual(["person:avi-dror"]);
  });
});

describe("extractPositions: a threat named as a noun", () => {
  it("reads 'seine Drohung mit einem Militärschlag' as the speaker's support of the military option, and a refused 'Drohung mit Gewalt' as opposition", () => {
    expect(positions("US-Präsident Donald Trump bekräftigte am Montag seine Drohung mit einem Militärschlag.")).toContain("person:donald-trump military support threat");
    expect(positions("China lehnt jede Drohung mit Gewalt gegen den Iran ab.")).toEqual(["state:CN military oppose reject"]);
  });
});

describe("extractPositions: saying something helps no one", () => {
  it("reads 'Ein neuer Krieg würde niemandem nützen' as opposing the military option", () => {
    expect(positions("Ein neuer Krieg würde niemandem in der Region nützen, sagte Außenminister Omar Said.")).toContain("person:omar-said military oppose reject");
  });
});

describe("extractPositions: interference in internal affairs", () => {
  it("reads calling a demand 'eine Einmischung in innere Angelegenheiten' as refusing it", () => {
    expect(positions("Außenamtssprecher Esmail Baghaei nannte die Forderung, über den Umgang mit Demonstranten zu sprechen, eine Einmischung in innere Angelegenheiten.")).toContain("state:IR protesters oppose reject");
  });
});

describe("extractPositions: acting militarily, reserved or conditional", () => {
  it("reads 'behalte sich vor, militärisch zu handeln' as support, and a 'Sollte X …' condition does not make X the holder", () => {
    expect(positions("Israel behalte sich vor, militärisch zu handeln, sagte Ministerpräsident Avi Dror.").some((p) => p.endsWith("military support threat"))).toBe(true);
    const conditional = positions("Präsident Tom Miller lobte die Gespräche am Montag. Sollte Teheran aber auf Zeit spielen, werde er «nicht zögern», militärisch zu handeln.");
    expect(conditional.filter((p) => p.includes(" military support"))).not.toContainEqual(expect.stringMatching(/^state:IR /));
  });
});

describe("extractPositions: nothing but the nuclear file", () => {
  it("reads 'über nichts anderes reden als über seine Nuklearanlagen' and 'ein Mandat für das Atomdossier' as nuclear-only talks", () => {
    expect(positions("Teheran wolle über nichts anderes reden als über seine Nuklearanlagen, sagte die Expertin Mirjam Kessler.")).toContain("state:IR scope support offer");
    expect(positions("„Unsere Unterhändler haben ein Mandat für das Atomdossier“, sagte der Abgeordnete Abolfazl Sarrafi.").some((p) => p.includes(" scope support"))).toBe(true);
  });
});
