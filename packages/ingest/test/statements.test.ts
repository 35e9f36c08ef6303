import { describe, expect, it } from "vitest";
import type { Published } from "@lagebild/model";
import { loadDossier } from "@lagebild/model/node";
import { analyseArticle } from "../src/intelligence.ts";
import { findDates } from "../src/stages/dates.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const dossier = loadDossier("us-iran-2026");
function analyse(text: string, published = "2026-03-17") {
  const sentences = splitSentences(text);
  const pub: Published = { value: published, precision: "day", window: [published, published], source: "front-matter" };
  const dates = findDates(sentences, { value: published });
  return analyseArticle({ text, sentences, dates, published: pub, authors: [], dossier });
}

describe("statementEvents", () => {
  it("makes a dated statement of a stance an event of its holder, at its date and place", () => {
    const { events, positions } = analyse("Ajatollah Ali Chamenei bezeichnete das Raketenarsenal am Sonntag bei einer Rede in Maschhad als »rote Linie«.");
    expect(positions.map((p) => `${p.actor} ${p.issue} ${p.stance}`)).toContain("person:ali-chamenei missiles oppose");
    const statement = events.find((e) => e.kind === "reject");
    expect(statement).toMatchObject({ date: { value: "2026-03-15" }, places: ["place:maschhad"], status: "reported", trigger: { text: "bezeichnete" } });
    expect(statement!.participants.map((p) => p.actor)).toContain("person:ali-chamenei");
  });

  it("makes no event of an undated stance, and none where the sentence already tells an event", () => {
    expect(analyse("Ajatollah Ali Chamenei bezeichnete das Raketenarsenal als »rote Linie«.").events).toEqual([]);
    const { events } = analyse("Israel drohte am Sonntag mit einem Militärschlag gegen Iran.");
    expect(events.filter((e) => e.kind === "threaten")).toHaveLength(1);
  });

  it("keeps the dated statement as a position's evidence over an undated headline saying the same", () => {
    const { positions } = analyse("Chamenei: Raketen sind »rote Linie«\nAjatollah Ali Chamenei bezeichnete das Raketenarsenal am Sonntag als »rote Linie«.");
    const mine = positions.filter((p) => p.actor === "person:ali-chamenei" && p.issue === "missiles");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.evidence.text).toMatch(/^Ajatollah/);
  });

  it("makes a dated quote of a named speaker a statement event; an undated one or an agency's report none", () => {
    const { events } = analyse("„Die Tür bleibt offen“, sagte die Außenministerin Mira Valtonen am Montag in Helsinki. „Wir warten“, sagte Valtonen.");
    const statements = events.filter((e) => e.kind === "statement");
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ date: { value: "2026-03-16" }, places: ["place:helsinki"], participants: [{ role: "initiator" }] });
    expect(statements[0]!.participants[0]!.actor).toMatch(/valtonen/);
    expect(analyse("„Die Tür bleibt offen“, sagte die Außenministerin Mira Valtonen.").events.filter((e) => e.kind === "statement")).toEqual([]);
  });

  it("gives a refusal told in reported speech its speaker, not only the state the speaker names", () => {
    const { events } = analyse("Parlamentspräsident Ali Rahmani sagte am Sonntag, die Islamische Republik werde unter keinen Umständen auf die Anreicherung verzichten.");
    const refusal = events.find((e) => e.kind === "reject");
    expect(refusal).toBeDefined();
    expect(refusal!.participants.map((p) => p.actor)).toEqual(expect.arrayContaining([expect.stringMatching(/rahmani/)]));
  });
});

describe("bodies of a state in events", () => {
  it("makes the army or ministry an actor of its own and lets its state take part in what it does", () => {
    const { events, actors } = analyse("Die malische Armee griff am Samstag ein Lager im Norden an. Das armenische Verteidigungsministerium wies dies am Sonntag zurück.");
    const army = actors.find((a) => a.kind === "organisation" && /Armee|Streitkräfte/.test(a.name));
    expect(army).toBeDefined();
    const attack = events.find((e) => e.kind === "attack")!;
    expect(attack.participants.map((p) => p.actor)).toEqual(expect.arrayContaining([army!.key, "state:ML"]));
    const refusal = events.find((e) => e.kind === "reject")!;
    expect(refusal.participants.map((p) => p.actor)).toContain("state:AM");
    expect(actors.some((a) => a.kind === "organisation" && /Verteidigungsministerium/.test(a.name))).toBe(true);
  });
});
