import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ArticleGraph, Extraction } from "@lagebild/model";
import { readInputs } from "../src/io/index.ts";
import { anchorOf, createContext, extractArticle, extractBatch, toInterchange } from "../src/pipeline/index.ts";
import type { RawDocument } from "../src/pipeline/types.ts";

const ctx = createContext();
const doc = (file: string, text: string, given = {}): RawDocument => ({ file, text, given });
const TEXT = "Gipfel in Genf endet\nStand: 05.03.2026\nDie Außenminister trafen sich am Mittwoch in Genf. Weitere Treffen sind geplant.\nvor 2 Stunden";

describe("extractArticle", () => {
  it("chains the stages into a valid article graph whose identity is the hash of the cleaned text", () => {
    const g = extractArticle(doc("genf.txt", TEXT), ctx);
    expect(ArticleGraph.safeParse(g).success).toBe(true);
    expect(g.article.text).toBe("Gipfel in Genf endet\nDie Außenminister trafen sich am Mittwoch in Genf. Weitere Treffen sind geplant.");
    expect(g.article.contentHash).toBe(createHash("sha256").update(g.article.text).digest("hex"));
    expect(g.article).toMatchObject({ file: "genf.txt", title: "Gipfel in Genf endet", published: { value: "2026-03-05", source: "date-line" }, language: "de" });
    for (const s of g.sentences) expect(g.article.text.slice(s.start, s.end)).toBe(s.text);
  });

  it("gives the same identity to the same text with different furniture", () => {
    const a = extractArticle(doc("a.txt", TEXT), ctx);
    const b = extractArticle(doc("b.txt", `${TEXT}\n\n\n1\nEnglish (US) ·`), ctx);
    expect(b.article.contentHash).toBe(a.article.contentHash);
  });

  it("fails with a clear message when only furniture is left", () => {
    expect(() => extractArticle(doc("x.txt", "vor 1 Tag\n12\nEnglish (US) ·"), ctx)).toThrow(/no article text left/);
  });

  it("anchors relative dates on the publication day, or on the end of an inferred window", () => {
    expect(anchorOf({ published: { value: "2026-02-02", precision: "day", window: ["2026-02-02", "2026-02-02"], source: "date-line" } } as never)).toEqual({ value: "2026-02-02" });
    expect(anchorOf({ published: { value: "2026-02-02", precision: "day", window: ["2026-02-02", "2026-02-03"], source: "inferred" } } as never)).toEqual({ value: "2026-02-03" });
    expect(anchorOf({ published: null } as never)).toBeNull();
  });
});

describe("extractBatch", () => {
  it("goes on after a failing document, drops duplicates and reports both", () => {
    const seen: string[] = [];
    const batch = extractBatch([doc("a.txt", TEXT), doc("bad.txt", "vor 1 Tag"), doc("again.txt", `${TEXT}\n`), doc("c.txt", "Ein anderer Text über Genf.")], ctx, {
      onDocument: (file, o) => seen.push(`${file}:${o.status}`),
    });
    expect(batch.articles.map((g) => g.article.file)).toEqual(["a.txt", "c.txt"]);
    expect(batch.failures).toEqual([{ file: "bad.txt", error: "no article text left after removing page furniture" }]);
    expect(batch.duplicates).toEqual([{ file: "again.txt", of: "a.txt" }]);
    expect(seen).toEqual(["a.txt:new", "bad.txt:failed", "again.txt:duplicate", "c.txt:new"]);
    expect(Extraction.safeParse(batch).success).toBe(true);
    expect(batch.dossier).toBe(ctx.dossier.id);
  });

  it("gives day-month dates of an undated article the year of the batch's dated articles", () => {
    const dated = doc("dated.txt", "Gipfel in Brüssel\nStand: 27.02.2026, 08:15 Uhr\nDer Gipfel endete ohne Einigung.");
    const undated = doc("undated.txt", "Inspektoren dürfen nicht ins Land\nBei der Runde vom 17. Februar in Genf gab es keinen Durchbruch. Die Außenbeauftragte äußerte sich an diesem Donnerstag in Brüssel.");
    const batch = extractBatch([dated, undated], ctx);
    const published = batch.articles.find((g) => g.article.file === "undated.txt")?.article.published;
    expect(published).toEqual({ value: "2026-02-19", precision: "day", window: ["2026-02-19", "2026-02-20"], source: "inferred" });
    expect(batch.warnings).toEqual([{ file: "undated.txt", warning: expect.stringContaining("batch's year") }]);
    // Alone, the article has no year to go by.
    expect(extractBatch([undated], ctx).articles[0]!.article.published).toBeNull();
  });

  it("projects to the interchange JSON with one entry per article", () => {
    const out = toInterchange(extractBatch([doc("a.txt", TEXT)], ctx));
    expect(out.articles).toEqual([expect.objectContaining({ file: "a.txt", published: "2026-03-05", title: "Gipfel in Genf endet" })]);
  });
});

// Regression against the shared development set: publication dates inside the gold windows, outlets named.
const seeds = fileURLToPath(new URL("../../../../shared/corpus/seeds/", import.meta.url));
const goldPath = fileURLToPath(new URL("../../../../shared/gold/seeds.gold.json", import.meta.url));
describe.skipIf(!existsSync(seeds) || !existsSync(goldPath))("seed articles", () => {
  it("finds publication dates inside the gold windows and the gold outlets", () => {
    const gold = JSON.parse(readFileSync(goldPath, "utf8")) as { articles: { file: string; outlet: string[] | null; window: [string, string] }[] };
    const docs = readInputs([seeds]).flatMap((r) => (r.ok ? [r.doc] : []));
    const batch = extractBatch(docs, ctx);
    let dated = 0;
    for (const g of gold.articles) {
      const a = batch.articles.find((x) => x.article.file.endsWith(g.file))?.article;
      expect(a, g.file).toBeDefined();
      if (g.outlet) expect(g.outlet.map((o) => o.toLowerCase()), g.file).toContain(a!.outlet?.toLowerCase());
      else expect(a!.outlet ?? null, g.file).toBeNull();
      const p = a!.published?.value;
      if (p) {
        expect(p >= g.window[0] && p <= g.window[1], `${g.file}: ${p} not in ${g.window.join("..")}`).toBe(true);
        dated += 1;
      }
    }
    expect(dated).toBe(gold.articles.length);
  });
});
