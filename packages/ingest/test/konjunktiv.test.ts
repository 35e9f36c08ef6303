import type { Sentence } from "@lagebild/model";
import { describe, expect, it } from "vitest";
import { isKonjunktiv, wordsOf } from "../src/text.ts";

const konj = (text: string) => {
  const s: Sentence = { index: 0, start: 0, end: text.length, text };
  const words = wordsOf(s);
  return words.filter((w) => isKonjunktiv(words, w.i)).map((w) => w.text);
};

describe("isKonjunktiv: reported speech by the verb's form", () => {
  it("finds the -e forms of verbs the old list lacked", () => {
    expect(konj("Laut De Wever dürfe Belgien nicht allein das Risiko tragen.")).toEqual(["dürfe"]);
    expect(konj("Das Ministerium prüfe den Vorschlag, sagte ein Sprecher.")).toEqual(["prüfe"]);
    expect(konj("Teheran werde nur über sein Nuklearprogramm verhandeln.")).toEqual(["werde"]);
  });

  it("ignores articles, adjectives, conjunctions and past tenses ending in -e", () => {
    expect(konj("Die neue Runde sowie eine weitere Sitzung wurden geplant, sagte der Sprecher.")).toEqual([]);
    expect(konj("Er sagte, die Gespräche seien gut verlaufen.")).toEqual(["seien"]);
  });
});
