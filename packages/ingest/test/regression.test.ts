/**
 * Regression: the whole pipeline on short agency-style articles about other crises (test/articles/x-*.txt),
 * checked against hand-written facts (test/articles-expected/x-*.json): persons no lexicon knows, places,
 * dated events with places and participants, quotes with their speakers, and positions under a second
 * dossier that exists only as a data file (test/dossiers/x-europe-test.json).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InterchangeExport } from "@lagebild/model";
import { loadDossier, loadDossierFile } from "@lagebild/model/node";
import { extractBatch, toInterchange } from "../src/pipeline/index.ts";

const dir = fileURLToPath(new URL("./", import.meta.url));

interface Expected {
  article: string;
  dossier: string | null;
  published: string;
  persons: { name: string; role?: string; affiliation?: string }[];
  notPersons: string[];
  places: string[];
  events: { kind: string; date?: string; places?: string[]; actors?: string[]; mediator?: string; figure?: string }[];
  quotes: { speaker: string; contains: string; mode: string }[];
  positions: { actor: string; issue: string; stance: string }[];
}

const cases = readdirSync(`${dir}articles-expected`).filter((f) => f.startsWith("x-") && f.endsWith(".json")).sort();

describe.each(cases)("regression %s", (file) => {
  const exp = JSON.parse(readFileSync(`${dir}articles-expected/${file}`, "utf8")) as Expected;
  const dossier = exp.dossier ? loadDossierFile(`${dir}articles-expected/${exp.dossier}`) : loadDossier();
  const batch = extractBatch([{ file: exp.article, text: readFileSync(`${dir}articles/${exp.article}`, "utf8"), given: {} }], { dossier });
  const out = toInterchange(batch);
  const graph = batch.articles[0]!;
  /** The exported actor a name stands for (its name or one of its spellings). */
  const actorNamed = (name: string) => out.actors.find((a) => a.name === name || a.aliases.includes(name));
  const sameActor = (exported: string, expected: string) => exported === expected || actorNamed(expected)?.name === exported;

  it("extracts a valid export for the article", () => {
    expect(batch.failures).toEqual([]);
    expect(InterchangeExport.safeParse(out).success).toBe(true);
    expect(out.articles[0]).toMatchObject({ file: exp.article, published: exp.published });
  });

  it("finds every person, with role and affiliation, and no junk", () => {
    const persons = out.actors.filter((a) => a.kind === "person");
    for (const p of exp.persons) {
      const found = persons.filter((a) => a.name === p.name || a.aliases.includes(p.name));
      expect(found, p.name).toHaveLength(1);
      if (p.role) expect(found[0]!.role, `${p.name} role`).toBe(p.role);
      if (p.affiliation) expect(found[0]!.affiliation, `${p.name} affiliation`).toBe(p.affiliation);
    }
    expect(persons).toHaveLength(exp.persons.length);
    for (const junk of exp.notPersons) expect(persons.some((a) => a.name === junk || a.aliases.includes(junk)), junk).toBe(false);
  });

  it("places every place mentioned, with coordinates", () => {
    for (const name of exp.places) {
      const p = out.places.find((x) => x.name === name);
      expect(p, name).toBeDefined();
      expect(Number.isFinite(p!.lat) && Number.isFinite(p!.lon)).toBe(true);
    }
  });

  it("finds the dated events with their places and participants", () => {
    for (const e of exp.events) {
      const match = out.events.find((x) => x.kind === e.kind && (!e.date || x.date === e.date)
        && (e.places ?? []).every((p) => x.places.includes(p)) && (e.actors ?? []).every((a) => x.actors.some((n) => sameActor(n, a))));
      expect(match, JSON.stringify(e)).toBeDefined();
      if (e.mediator) {
        const merged = batch.events[out.events.indexOf(match!)]!;
        const mediator = merged.participants.find((p) => p.role === "mediator");
        expect(graph.actors.find((a) => a.key === mediator?.actor)?.name, "mediator").toBe(e.mediator);
      }
      if (e.figure) {
        const merged = batch.events[out.events.indexOf(match!)]!;
        const figures = merged.reports.flatMap((r) => graph.events[r.event]!.figures ?? []);
        expect(figures.map((f) => f.value)).toContain(e.figure);
      }
    }
  });

  it("attributes the quotes to their speakers", () => {
    for (const q of exp.quotes) {
      expect(out.quotes.some((x) => sameActor(x.speaker, q.speaker) && x.text.includes(q.contains) && x.mode === q.mode), `${q.speaker}: ${q.contains}`).toBe(true);
    }
  });

  it("reads the positions the dossier's codebook applies to", () => {
    for (const p of exp.positions) {
      expect(out.positions.some((x) => sameActor(x.actor, p.actor) && x.issue === p.issue && x.stance === p.stance), `${p.actor} ${p.issue} ${p.stance}`).toBe(true);
    }
    const opposite = (s: string) => (s === "support" ? "oppose" : "support");
    for (const p of exp.positions) expect(out.positions.some((x) => sameActor(x.actor, p.actor) && x.issue === p.issue && x.stance === opposite(p.stance)), `no contrary ${p.actor} ${p.issue}`).toBe(false);
  });
});
