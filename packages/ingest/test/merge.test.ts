import { describe, expect, it } from "vitest";
import type { ArticleGraph } from "@lagebild/model";
import { createContext, extractArticle } from "../src/pipeline/index.ts";
import { mergeEvents, unifyActors } from "../src/stages/merge.ts";

const ctx = createContext();
const graph = (file: string, text: string, over: Partial<ArticleGraph["article"]> = {}): ArticleGraph => {
  const g = extractArticle({ file, text, given: {} }, ctx);
  return { ...g, article: { ...g.article, ...over } };
};

describe("unifyActors", () => {
  it("merges one person across articles by key, transliteration and surname", () => {
    const a = graph("a.txt", "Stand: 02.02.2026\nDas Oberhaupt des Landes, Ajatollah Ali Rahbari, warnte die Nachbarn.");
    const b = graph("b.txt", "Stand: 03.02.2026\nDie Rede von Ajatollah Ali Rahbary wurde live übertragen. Rahbary sprach eine Stunde.");
    const c = graph("c.txt", "Stand: 04.02.2026\n„Wir sind bereit“, sagte Rahbari am Dienstag.");
    const u = unifyActors([a, b, c]);
    const persons = [...u.actors.values()].filter((x) => x.kind === "person");
    expect(persons).toHaveLength(1);
    expect(persons[0]!.aliases.map((x) => x.name)).toEqual(expect.arrayContaining(["Ali Rahbari", "Ali Rahbary", "Rahbari"]));
  });

  it("joins a surname with its particle (Ag Mossa) to the full name another article gives", () => {
    const a = graph("a.txt", "Stand: 02.02.2026\nDie Delegation leitet ihr Sprecher Ibrahim Ag Tamal.");
    const b = graph("b.txt", "Stand: 09.02.2026\n„Wir bleiben“, sagte Ag Tamal am Montag.");
    const persons = [...unifyActors([a, b]).actors.values()].filter((x) => x.kind === "person");
    expect(persons.map((p) => p.name)).toEqual(["Ibrahim Ag Tamal"]);
  });
});

describe("mergeEvents", () => {
  const text1 = "Stand: 06.02.2026\nVertreter Serbiens und des Kosovo haben am Freitag in Brüssel unter Vermittlung der EU neue Verhandlungen begonnen.";
  const text2 = "Stand: 07.02.2026\nIn Brüssel haben Serbien und der Kosovo am Freitag neue Verhandlungen begonnen, wie die Nachrichtenagentur AFP meldete.";

  it("merges one happening reported by several articles and counts independent sources", () => {
    const a = graph("a.txt", text1, { agencies: ["dpa"] });
    const b = graph("b.txt", text2, { agencies: ["AFP"] });
    const merged = mergeEvents([a, b]).filter((e) => e.kind === "negotiate");
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ date: { value: "2026-02-06" }, places: ["place:brussel"], independentSources: 2 });
    expect(merged[0]!.reports.map((r) => r.article)).toEqual([a.article.contentHash, b.article.contentHash]);
  });

  it("counts one wire printed by two outlets as one source", () => {
    const a = graph("a.txt", text1, { agencies: ["dpa"], outlet: "Zeitung A" });
    const b = graph("b.txt", `${text1}\nMehr dazu später.`, { agencies: ["dpa"], outlet: "Zeitung B" });
    const [e] = mergeEvents([a, b]).filter((x) => x.kind === "negotiate");
    expect(e!.reports).toHaveLength(2);
    expect(e!.independentSources).toBe(1);
  });

  it("keeps two attacks by different initiators apart and flags differing figures", () => {
    const a = graph("a.txt", "Stand: 02.02.2026\nIm Juni 2025 griff Israel den Iran an. Knapp eine Woche später bombardierte das US-Militär Atomanlagen im Iran.\nBei den landesweiten Massenprotesten im Januar gingen die Sicherheitskräfte brutal gegen Demonstrierende vor. Dabei sollen Tausende, wenn nicht sogar Zehntausende Menschen getötet worden sein.");
    const b = graph("b.txt", "Stand: 06.02.2026\nIm Juni 2025 griff Israel den Iran an, kurz darauf bombardierte das US-Militär iranische Atomanlagen.\nBei den landesweiten Massenprotesten im Januar gingen die Sicherheitskräfte im Iran brutal gegen Demonstranten vor. Dabei sollen Tausende Menschen getötet worden sein.");
    const merged = mergeEvents([a, b]);
    const attacks = merged.filter((e) => e.kind === "attack");
    expect(attacks).toHaveLength(2);
    for (const e of attacks) expect(e.reports).toHaveLength(2);
    expect(attacks.map((e) => e.participants.find((p) => p.role === "initiator")?.actor).sort()).toEqual(["state:IL", "state:US"]);
    const protest = merged.find((e) => e.kind === "protest" || e.kind === "crackdown")!;
    expect(protest.reports).toHaveLength(2);
    expect(protest.conflicts.map((f) => f.value).sort()).toEqual(["Tausende", "Tausende, wenn nicht sogar Zehntausende"]);
  });

  it("merges talks told with their date and, two weeks later, only as 'vor eineinhalb Wochen' or in the pluperfect", () => {
    const a = graph("a.txt", "Stand: 03.03.2026\nDie erste Gesprächsrunde hatte am 2. März in Belgrad stattgefunden.");
    const b = graph("b.txt", "Stand: 14.03.2026\nDie erste Gesprächsrunde hatte vor eineinhalb Wochen in Belgrad stattgefunden.");
    const merged = mergeEvents([a, b]).filter((e) => e.kind === "negotiate");
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ date: { value: "2026-03-02" }, places: ["place:belgrad"] });
    // Told in the present tense, a report dated only by its day does not reach back two weeks.
    const c = graph("c.txt", "Stand: 14.03.2026\nIn Belgrad gibt es eine erste Gesprächsrunde.");
    expect(mergeEvents([a, c]).filter((e) => e.kind === "negotiate").length).not.toBe(1);
  });

  it("merges talks told as 'vergangene Woche' in a relative clause with the day another article gives them", () => {
    const a = graph("a.txt", "Stand: 03.03.2026\nDie Außenminister Serbiens und des Kosovo kamen am Dienstag in Belgrad zusammen.");
    const b = graph("b.txt", "Stand: 11.03.2026\nDie Gespräche, die vergangene Woche in Belgrad fortgesetzt worden waren, sollen weitergehen.");
    const merged = mergeEvents([a, b]).filter((e) => e.kind === "consult" || e.kind === "negotiate");
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ date: { value: "2026-03-03" }, places: ["place:belgrad"] });
    // The week before is not the week before that: a day outside it stays apart.
    const c = graph("c.txt", "Stand: 18.03.2026\nDie Gespräche, die vergangene Woche in Belgrad fortgesetzt worden waren, sollen weitergehen.");
    expect(mergeEvents([a, c]).filter((e) => e.kind === "consult" || e.kind === "negotiate")).toHaveLength(2);
  });

  it("dates talks told as 'vergangene Woche' to the day another report gives them, when that day lies in the week", () => {
    // a is dated only by its publication day (Friday 6 March); b states the week. The day fits the week: day precision.
    const a = graph("a.txt", "Freitag, 06. März 2026\nNun verhandelten Vertreter Serbiens und des Kosovo in Belgrad.");
    const b = graph("b.txt", "Stand: 11.03.2026\nDie Gespräche zwischen Serbien und dem Kosovo, die vergangene Woche in Belgrad stattgefunden hatten, sollen weitergehen.");
    const [talks] = mergeEvents([a, b]).filter((e) => e.kind === "consult" || e.kind === "negotiate");
    expect(talks!.reports).toHaveLength(2);
    expect(talks!.date).toMatchObject({ value: "2026-03-06", precision: "day" });
    // Alone, the stated week stays a week: no day is invented.
    const [alone] = mergeEvents([b]).filter((e) => e.kind === "consult" || e.kind === "negotiate");
    expect(alone!.date!.precision).not.toBe("day");
  });

  it("merges one article's headline and body telling the same attack, and 'Anfang der Woche' with its Tuesday", () => {
    const a = graph("a.txt", "Stand: 16.04.2026\nAngriff auf Charkiw überschattet Treffen\nDie Stimmung ist gedrückt, weil Russland kurz zuvor Charkiw angegriffen hat. In der Nacht zu Dienstag hatte Russland zwanzig Raketen abgefeuert.");
    const attacks = mergeEvents([a]).filter((e) => e.kind === "attack");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]).toMatchObject({ date: { value: "2026-04-14" }, places: ["place:charkiw"] });
    const b = graph("b.txt", "Stand: 18.04.2026\nRussland habe erst Anfang der Woche Charkiw mit Drohnen und Raketen überzogen, sagte er.");
    expect(mergeEvents([a, b]).filter((e) => e.kind === "attack")).toHaveLength(1);
  });

  it("does not merge a cancelled meeting with one that took place", () => {
    const a = graph("a.txt", "Stand: 04.02.2026\nDie für Freitag geplanten Verhandlungen zwischen Serbien und dem Kosovo in Brüssel wurden abgesagt.");
    const b = graph("b.txt", text2);
    const merged = mergeEvents([a, b]).filter((e) => e.kind === "negotiate");
    expect(merged.map((e) => e.status).sort()).toEqual(["cancelled", "reported"]);
  });
});
