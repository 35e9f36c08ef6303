import { describe, expect, it } from "vitest";
import { InterchangeExport } from "@lagebild/model";
import { createContext, extractBatch } from "../src/pipeline/index.ts";
import { toInterchange } from "../src/export.ts";

const ctx = createContext();
const batch = extractBatch([
  { file: "/tmp/in/a-1.txt", text: "Stand: 02.02.2026\nDas politische Oberhaupt, Ajatollah Ali Chamenei, warnte am Sonntag in Teheran vor einem Krieg.", given: {} },
  { file: "b-2.md", text: "Stand: 05.02.2026\n„Wir sind bereit“, sagte Khamenei am Mittwoch in Teheran. Die USA lehnten das ab.", given: {} },
], ctx);
const out = toInterchange(batch);

describe("toInterchange", () => {
  it("produces the interchange format with file base names", () => {
    expect(InterchangeExport.safeParse(out).success).toBe(true);
    expect(out.articles.map((a) => [a.file, a.published])).toEqual([["a-1.txt", "2026-02-02"], ["b-2.md", "2026-02-05"]]);
    for (const e of out.events) for (const f of e.files) expect(["a-1.txt", "b-2.md"]).toContain(f);
  });

  it("has one actor per real-world actor, with every spelling as an alias, and names instead of keys", () => {
    const ali = out.actors.filter((a) => [a.name, ...a.aliases].some((n) => /hamenei/.test(n)));
    expect(ali).toHaveLength(1);
    expect(ali[0]).toMatchObject({ name: "Ali Chamenei", kind: "person", affiliation: "Iran" });
    expect(ali[0]!.aliases).toEqual(expect.arrayContaining(["Khamenei"]));
    expect(out.quotes).toContainEqual({ speaker: "Ali Chamenei", text: "Wir sind bereit", file: "b-2.md", mode: "direct" });
    for (const e of out.events) for (const a of e.actors) expect(a).not.toMatch(/^[a-z]+:/);
  });

  it("lists places with coordinates and country, once", () => {
    const tehran = out.places.filter((p) => p.name === "Teheran");
    expect(tehran).toHaveLength(1);
    expect(tehran[0]).toMatchObject({ country: "IR", aliases: expect.arrayContaining(["Tehran"]) });
    expect(tehran[0]!.lat).toBeCloseTo(35.69, 1);
  });
});
