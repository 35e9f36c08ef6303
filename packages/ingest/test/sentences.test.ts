import { describe, expect, it } from "vitest";
import { splitSentences, tokenize } from "../src/stages/sentences.ts";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("gives exact offsets into the text", () => {
    const t = "Erster Satz.  Zweiter Satz!\n\nDritter Satz?";
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2]);
  });

  it("does not split after abbreviations, initials and multi-part abbreviations", () => {
    expect(texts("Er traf u.a. Dr. Müller und Nr. 5 der Liste. Danach reiste er ab.")).toEqual([
      "Er traf u.a. Dr. Müller und Nr. 5 der Liste.",
      "Danach reiste er ab.",
    ]);
    expect(texts("Es geht z. B. um Gas. Das ist neu.")).toEqual(["Es geht z. B. um Gas.", "Das ist neu."]);
    expect(texts("George W. Bush kam ca. 10 Min. später. Dann ging er.")).toEqual(["George W. Bush kam ca. 10 Min. später.", "Dann ging er."]);
  });

  it("ends a sentence after a one-letter name following a preposition (the platform X), not after an initial", () => {
    expect(splitSentences("Das schrieb er auf X. Jedes Abkommen sei schlecht.").map((x) => x.text)).toEqual(["Das schrieb er auf X.", "Jedes Abkommen sei schlecht."]);
    expect(splitSentences("Das sagte John F. Kennedy damals.").length).toBe(1);
  });

  it("keeps ordinals and numeric dates inside the sentence", () => {
    expect(texts("Am 2. Februar traf er ihn, am 06. Februar 2026 wieder. Die 6. Runde folgt am 06.02.2026 in Maskat.")).toEqual([
      "Am 2. Februar traf er ihn, am 06. Februar 2026 wieder.",
      "Die 6. Runde folgt am 06.02.2026 in Maskat.",
    ]);
  });

  it("splits after a year that ends a sentence", () => {
    expect(texts("Das war im Jahr 2025. Die Lage blieb angespannt.")).toEqual(["Das war im Jahr 2025.", "Die Lage blieb angespannt."]);
  });

  it("does not split inside an open quotation, in any quote style", () => {
    expect(texts("„Wir kommen. Wir bleiben“, sagte er. Dann ging er.")).toEqual(["„Wir kommen. Wir bleiben“, sagte er.", "Dann ging er."]);
    expect(texts("»Es reicht. Jetzt«, rief sie. Gut.")).toEqual(["»Es reicht. Jetzt«, rief sie.", "Gut."]);
    expect(texts("«Das ist gut. Sehr gut», sagte er. Ende.")).toEqual(["«Das ist gut. Sehr gut», sagte er.", "Ende."]);
    expect(texts('"Wir warten. Noch", hieß es. Schluss.')).toEqual(['"Wir warten. Noch", hieß es.', "Schluss."]);
  });

  it("splits after a closing quote that ends a sentence", () => {
    expect(texts("Er sagte: „Wir sind bereit.“ Dann schwieg er.")).toEqual(["Er sagte: „Wir sind bereit.“", "Dann schwieg er."]);
  });

  it("stops protecting a quotation that never closes", () => {
    const long = `„${"Das ist ein Satz ohne Ende. ".repeat(40)}`;
    expect(splitSentences(long).length).toBeGreaterThan(2);
  });

  it("treats a line without final punctuation as its own sentence (headlines)", () => {
    expect(texts("Trump droht dem Iran\nDer Präsident sprach am Montag.\nUneinigkeit über Atomprogramm\nMehr folgt.")).toEqual([
      "Trump droht dem Iran",
      "Der Präsident sprach am Montag.",
      "Uneinigkeit über Atomprogramm",
      "Mehr folgt.",
    ]);
  });

  it("joins a wrapped line that continues in lower case", () => {
    expect(texts("Die Delegationen kehrten nach den\nindirekten Verhandlungen zurück. Gut.")).toEqual([
      "Die Delegationen kehrten nach den\nindirekten Verhandlungen zurück.",
      "Gut.",
    ]);
  });

  it("keeps hyphenated compounds and lower-case continuations", () => {
    expect(texts("Der US-Sondergesandte kam. Was nun? fragte sie.")).toEqual(["Der US-Sondergesandte kam.", "Was nun? fragte sie."]);
  });

  it("cuts a text without any punctuation into bounded sentences", () => {
    const t = "wort ".repeat(2000).trim();
    const s = splitSentences(t, { maxLength: 500 });
    expect(s.length).toBeGreaterThan(10);
    for (const x of s) {
      expect(x.text.length).toBeLessThanOrEqual(510);
      expect(t.slice(x.start, x.end)).toBe(x.text);
    }
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("  \n\n ")).toEqual([]);
  });
});

describe("tokenize", () => {
  it("keeps compounds and dotted numbers whole and offsets exact", () => {
    const t = "Der US-Sondergesandte kam am 06.02.2026.";
    const tokens = tokenize(t, 100);
    expect(tokens.map((x) => x.text)).toEqual(["Der", "US-Sondergesandte", "kam", "am", "06.02.2026", "."]);
    for (const x of tokens) expect(t.slice(x.start - 100, x.end - 100)).toBe(x.text);
  });
});
