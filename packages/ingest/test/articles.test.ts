// The three test articles under test/articles (Ukraine–Russia talks with front matter, Gaza ceasefire talks with a
// byline and date line, an EU summit without a date line) through the readers, metadata, sentences and dates.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ArticleGraph } from "@lagebild/model";
import { readInputs } from "../src/io/index.ts";
import { createContext, runArticle } from "../src/pipeline/index.ts";

const dir = fileURLToPath(new URL("./articles/", import.meta.url));
const run = (name: string) => {
  const [r] = readInputs([name], dir);
  if (!r?.ok) throw new Error(`cannot read ${name}: ${r?.ok === false ? r.error : "nothing"}`);
  return runArticle(r.doc, createContext());
};
const dateOf = (r: ReturnType<typeof run>, text: string) => {
  const d = r.dates.find((x) => x.text === text);
  if (!d) throw new Error(`no date "${text}" in ${JSON.stringify(r.dates.map((x) => x.text))}`);
  return { value: d.date.value, precision: d.date.precision, rule: d.date.resolution.rule };
};

describe("Ukraine–Russia talks (front matter)", () => {
  const r = run("ukraine-russland-istanbul.txt");

  it("takes metadata from the front matter", () => {
    expect(r.metadata).toMatchObject({
      title: "Ukraine und Russland verhandeln in Istanbul über Gefangenenaustausch",
      outlet: "Deutsche Welle",
      url: "https://www.dw.com/de/ukraine-russland-istanbul/a-76543210",
      agencies: ["dpa", "Reuters"],
      published: { value: "2026-03-04", source: "front-matter" },
    });
    expect(ArticleGraph.safeParse(r.graph).success).toBe(true);
  });

  it("splits sentences around abbreviations, ordinals and quotes", () => {
    const texts = r.graph.sentences.map((s) => s.text);
    expect(texts).toContain("Bereits am 16. Mai 2025 hatten sich beide Seiten in Istanbul erstmals seit 2022 direkt getroffen.");
    expect(texts).toContain("US-Außenminister Marco Rubio hatte vergangene Woche in Washington zu einer raschen Waffenruhe aufgerufen, z.B. entlang der derzeitigen Frontlinie.");
    expect(texts.find((t) => t.startsWith("Der ukrainische Delegationsleiter"))).toBe(
      "Der ukrainische Delegationsleiter Rustem Umjerow sagte vor Beginn des Treffens: „Wir sind nicht hier, um über eine Kapitulation zu sprechen. Wir sind hier, um den Krieg zu beenden.“",
    );
  });

  it("resolves dates against the publication day (Wednesday 4 March 2026)", () => {
    expect(dateOf(r, "am Dienstag")).toEqual({ value: "2026-03-03", precision: "day", rule: "weekday-before-publication" });
    expect(dateOf(r, "kommenden Montag")).toMatchObject({ value: "2026-03-09", rule: "weekday-next" });
    expect(dateOf(r, "vergangene Woche")).toMatchObject({ value: "2026-02", precision: "month", rule: "previous-week" });
    expect(dateOf(r, "am 16. Mai 2025")).toMatchObject({ value: "2025-05-16", precision: "day" });
    expect(dateOf(r, "Knapp zwei Wochen später")).toMatchObject({ value: "2025-05", rule: "relative-to-previous-date" });
  });
});

describe("Gaza ceasefire talks (byline and date line)", () => {
  const r = run("gaza-waffenruhe-kairo.txt");

  it("reads title, authors, agency and the date line; furniture is gone", () => {
    expect(r.metadata).toMatchObject({
      title: "Hamas und Israel ringen in Kairo um Verlängerung der Waffenruhe",
      outlet: "dpa",
      agencies: ["dpa"],
      authors: ["Anna Lehmann", "Jonas Becker"],
      published: { value: "2026-03-12", precision: "day", source: "date-line" },
    });
    expect(r.graph.article.text).not.toMatch(/Stand:|Mohammed Saber|Mehr zum Thema|\n3$/);
  });

  it("resolves reported and planned weekdays and the year of '19. Januar'", () => {
    expect(dateOf(r, "am Mittwochabend")).toMatchObject({ value: "2026-03-11", rule: "weekday-before-publication" });
    expect(dateOf(r, "Am Donnerstag")).toMatchObject({ value: "2026-03-12", rule: "weekday-planned-after-publication" });
    expect(dateOf(r, "am Wochenende")).toMatchObject({ value: "2026-03-14", rule: "weekend-after-publication" });
    expect(dateOf(r, "am 19. Januar")).toMatchObject({ value: "2026-01-19", precision: "day" });
    expect(r.dates.some((d) => d.text.includes("1900"))).toBe(false);
  });
});

describe("EU summit (no date line)", () => {
  const r = run("eu-gipfel-bruessel.txt");

  it("infers the publication window from the caption date and the weekdays", () => {
    expect(r.metadata.published).toEqual({ value: "2026-03-20", precision: "day", window: ["2026-03-20", "2026-03-21"], source: "inferred" });
    expect(r.metadata.outlet).toBe("Europa Aktuell");
    expect(r.cleaned.captions).toEqual([{ text: "Ratspräsident António Costa begrüßt die Staats- und Regierungschefs in Brüssel (19.3.2026).", date: "2026-03-19", place: "Brüssel" }]);
  });

  it("anchors relative dates on the end of the inferred window", () => {
    expect(dateOf(r, "am Donnerstagabend")).toMatchObject({ value: "2026-03-19" });
    expect(dateOf(r, "An diesem Freitag")).toMatchObject({ value: "2026-03-20", rule: "weekday-this-week" });
    expect(dateOf(r, "Ende April")).toMatchObject({ value: "2026-04", rule: "month-after-publication" });
    expect(dateOf(r, "im Dezember 2025")).toMatchObject({ value: "2025-12", rule: "explicit-month-year" });
  });

  it("keeps the ordinal '20. Sanktionspaket' inside its sentence", () => {
    expect(r.graph.sentences.some((s) => s.text.includes("auf ein 20. Sanktionspaket gegen Russland einigen können."))).toBe(true);
  });
});
