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
});
