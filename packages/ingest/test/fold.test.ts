import { describe, expect, it } from "vitest";
import { FOLD_TABLE_END, fold, foldSlowly } from "../src/text.ts";

/** The characters `fold` folds one by one (see FOLD_TABLE in src/text.ts). */
const tabled: string[] = [];
for (let c = 0; c < FOLD_TABLE_END; c++) if (c < 0x250 || (c >= 0x300 && c < 0x370) || c >= 0x2000) tabled.push(String.fromCharCode(c));

describe("fold", () => {
  it("folds case, accents, ß and typographic apostrophes", () => {
    expect(fold("Außenminister Araghtschi’s Gespräche")).toBe("aussenminister araghtschi's gesprache");
    expect(fold("Ｉｒａｎ")).toBe("iran"); // full-width letters: the normalising path
  });

  it("folds every pair of tabled characters as the definition does (the table path is exact)", () => {
    const differing: string[] = [];
    for (const a of tabled) {
      for (const b of tabled) {
        // Long enough to skip the memo and the ASCII path, so the table path is what is tested.
        const s = `ä${a}${b}`;
        if (fold(s) !== foldSlowly(s)) differing.push(s);
      }
    }
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it("folds long mixed text as the definition does", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      let s = "";
      for (let k = 0; k < 60; k++) s += random() < 0.7 ? String.fromCharCode(97 + Math.floor(random() * 26)) : tabled[Math.floor(random() * tabled.length)];
      expect(fold(s)).toBe(foldSlowly(s));
    }
  });
});
