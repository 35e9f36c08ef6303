import { describe, expect, it } from "vitest";
import { FuzzyDate } from "@lagebild/model";
import { findDates, type FoundDate } from "../src/stages/dates.ts";
import { splitSentences } from "../src/stages/sentences.ts";

// 2026-02-02 is a Monday, 2026-02-06 a Friday.
const find = (text: string, anchor: string | null = "2026-02-06") => findDates(splitSentences(text), anchor ? { value: anchor } : null);
const one = (text: string, anchor: string | null = "2026-02-06"): FoundDate => {
  const found = find(text, anchor);
  expect(found, `dates in ${JSON.stringify(text)}: ${JSON.stringify(found.map((d) => d.text))}`).toHaveLength(1);
  return found[0]!;
};
const brief = (d: FoundDate) => ({ text: d.text, value: d.date.value, precision: d.date.precision, rule: d.date.resolution.rule });

describe("absolute dates", () => {
  it("reads day month year in words and numbers, with exact offsets", () => {
    const text = "Das Treffen am 2. Februar 2026 folgte auf Gespräche vom 06.02.2026 und ein Foto (1.2.2026).";
    const found = find(text, null);
    expect(found.map(brief)).toEqual([
      { text: "am 2. Februar 2026", value: "2026-02-02", precision: "day", rule: "explicit-day-month-year" },
      { text: "vom 06.02.2026", value: "2026-02-06", precision: "day", rule: "explicit-numeric-date" },
      { text: "1.2.2026", value: "2026-02-01", precision: "day", rule: "explicit-numeric-date" },
    ]);
    for (const d of found) {
      expect(text.slice(d.start, d.end)).toBe(d.text);
      expect(FuzzyDate.safeParse(d.date).success).toBe(true);
      expect(d.date.resolution.kind).toBe("absolute");
    }
  });

  it("reads day ranges as their first day with the range as window", () => {
    const d = one("Der Gipfel ist für den 19. und 20. März 2026 angesetzt.", null);
    expect(brief(d)).toEqual({ text: "den 19. und 20. März 2026", value: "2026-03-19", precision: "day", rule: "explicit-day-range" });
    expect(d.window).toEqual(["2026-03-19", "2026-03-20"]);
    expect(one("Am 19./20. März tagt der Rat.", "2026-02-27").window).toEqual(["2026-03-19", "2026-03-20"]);
    expect(one("Vom 23. bis 24. Februar wurde verhandelt.", "2026-02-27").date.value).toBe("2026-02-23");
  });

  it("keeps a weekday apposition with its date", () => {
    expect(brief(one(", Freitag, 06. Februar 2026", null))).toMatchObject({ value: "2026-02-06", rule: "explicit-day-month-year" });
  });

  it("reads months and years with month or year precision", () => {
    expect(brief(one("Die Lage eskalierte im Juni 2025.", null))).toEqual({ text: "im Juni 2025", value: "2025-06", precision: "month", rule: "explicit-month-year" });
    const y = one("Das Abkommen stammt aus dem Jahr 2015 und wurde im Jahr 2018 gekündigt.".replace(" und wurde im Jahr 2018 gekündigt", ""), null);
    expect(brief(y)).toMatchObject({ value: "2015", precision: "year" });
  });

  it("reads English dates of embedded posts", () => {
    expect(brief(one("— Jane Doe (@jdoe) February 4, 2026", null))).toMatchObject({ value: "2026-02-04", precision: "day" });
  });

  it("does not take counts or ages for years", () => {
    expect(find("Knapp 1900 Häftlinge und rund 2000 Soldaten wurden genannt.", null)).toEqual([]);
  });

  it("narrows Anfang/Mitte/Ende of a month in the window", () => {
    const d = one("Die Präsenz wurde seit Anfang Januar 2026 ausgebaut.", null);
    expect(d.date).toMatchObject({ value: "2026-01", precision: "month" });
    expect(d.window).toEqual(["2026-01-01", "2026-01-10"]);
  });

  it("dates the noun 'N Tage nach' governs before its reference, and 'N Tage später' after it", () => {
    const governed = find("Zwei Tage nach den Gesprächen in Istanbul tauschten beide Seiten am Samstag Gefangene aus.", "2026-04-18");
    expect(governed.map(brief).find((d) => d.text === "Zwei Tage nach")).toMatchObject({ value: "2026-04-16" });
    const later = find("Am Samstag trafen sie sich, zwei Tage später reisten sie ab.", "2026-04-18");
    expect(later.map(brief).find((d) => d.text === "zwei Tage später")).toMatchObject({ value: "2026-04-20" });
  });

  it("rejects impossible dates", () => {
    expect(find("Am 31.02.2026 geschah nichts.", null)).toEqual([]);
    // "30. Februar 2026" is no day; only the month stands.
    expect(find("Am 30. Februar 2026 geschah nichts.", null).map((d) => d.date.precision)).toEqual(["month"]);
  });
});

describe("dates relative to the publication date", () => {
  it("resolves a reported weekday to the latest such day on or before publication", () => {
    expect(brief(one("Das sagte ein Sprecher am Montag."))).toEqual({ text: "am Montag", value: "2026-02-02", precision: "day", rule: "weekday-before-publication" });
    expect(one("Das sagte ein Sprecher am Freitag.").date.value).toBe("2026-02-06");
    expect(one("Medien berichteten am Mittwochabend darüber.").date.value).toBe("2026-02-04");
    expect(one("So das Portal am Sonntag abend.").date.value).toBe("2026-02-01");
  });

  it("resolves planned weekdays forward", () => {
    expect(brief(one("Die Gespräche sind für Freitag geplant.", "2026-02-04"))).toMatchObject({ value: "2026-02-06", rule: "weekday-planned-after-publication" });
    expect(one("Am Donnerstag soll der Rat entscheiden.", "2026-02-02").date.value).toBe("2026-02-05");
    expect(one("Er wird am Montag nach Paris reisen.", "2026-02-04").date.value).toBe("2026-02-09");
  });

  it("puts a plan reported in the past on the nearest such weekday", () => {
    expect(brief(one("Die für Freitag geplanten Gespräche wurden abgesagt.", "2026-02-04"))).toMatchObject({ value: "2026-02-06", rule: "weekday-nearest-publication" });
    expect(one("Der Iran hat einen für Mittwoch vorgesehenen Besuch abgesagt.", "2026-02-19").date.value).toBe("2026-02-18");
  });

  it("reads 'sollen … haben' as hearsay about the past", () => {
    expect(one("Am Montag sollen Tausende demonstriert haben.", "2026-02-04").date.value).toBe("2026-02-02");
  });

  it("resolves 'an diesem Dienstag' inside the publication week and 'kommenden'/'vergangenen' strictly", () => {
    expect(brief(one("An diesem Dienstag wird er Israel besuchen.", "2026-02-02"))).toMatchObject({ value: "2026-02-03", rule: "weekday-this-week" });
    expect(one("Am kommenden Freitag beginnt der Gipfel.", "2026-02-06").date.value).toBe("2026-02-13");
    expect(one("Am vergangenen Freitag begann der Gipfel.", "2026-02-06").date.value).toBe("2026-01-30");
  });

  it("represents 'am Wochenende' by its Saturday with a two-day window", () => {
    const d = one("Beide Seiten hatten am Wochenende Bereitschaft signalisiert.", "2026-02-02");
    expect(brief(d)).toMatchObject({ value: "2026-01-31", precision: "day", rule: "weekend-before-publication" });
    expect(d.window).toEqual(["2026-01-31", "2026-02-01"]);
    expect(one("Er wird am Wochenende erwartet.", "2026-02-04").date.value).toBe("2026-02-07");
  });

  it("represents 'vergangene Woche' honestly: month precision and a Monday–Sunday window", () => {
    const d = one("Die Gespräche hatten vergangene Woche begonnen.", "2026-02-11");
    expect(brief(d)).toMatchObject({ value: "2026-02", precision: "month", rule: "previous-week" });
    expect(d.window).toEqual(["2026-02-02", "2026-02-08"]);
  });

  it("resolves months without a year to the latest such month not after publication", () => {
    expect(one("Die Proteste im Januar wurden niedergeschlagen.", "2026-02-02").date).toMatchObject({ value: "2026-01", precision: "month", resolution: { rule: "month-before-publication", anchor: "2026-02-02" } });
    expect(one("Die Proteste im Oktober wurden niedergeschlagen.", "2026-02-02").date.value).toBe("2025-10");
    expect(one("Die Wahl soll im Juni stattfinden.", "2026-02-02").date.value).toBe("2026-06");
    expect(one("Sie vereinbarten, Anfang März erneut zu verhandeln.", "2026-02-19").date).toMatchObject({ value: "2026-03", resolution: { rule: "month-after-publication" } });
    expect(one("Im März hatte es bereits Proteste gegeben.", "2026-02-19").date.value).toBe("2025-03");
  });

  it("resolves years, days and spans relative to publication", () => {
    expect(one("Bereits im vergangenen Jahr stockten die Gespräche.", "2026-02-02").date).toMatchObject({ value: "2025", precision: "year", resolution: { rule: "previous-year" } });
    expect(one("Das meldete die Agentur gestern.", "2026-02-02").date.value).toBe("2026-02-01");
    expect(one("Die Gespräche beginnen morgen.", "2026-02-02").date.value).toBe("2026-02-03");
    const soon = one("In den kommenden Tagen ist ein Treffen geplant.", "2026-02-02");
    expect(soon.window).toEqual(["2026-02-03", "2026-02-09"]);
    expect(soon.date.precision).toBe("month");
  });

  it("gives nothing for words without a date", () => {
    expect(find("Trump hatte jüngst gedroht und sich zuletzt zuversichtlich geäußert.")).toEqual([]);
  });

  it("skips relative expressions without an anchor but keeps absolute ones", () => {
    expect(find("Am Montag und am 2. Februar 2026 sowie im Januar.", null).map((d) => d.text)).toEqual(["am 2. Februar 2026"]);
  });

  it("completes a day and month without a year from the publication year", () => {
    expect(one("Die Waffenruhe trat am 19. Januar in Kraft.", "2026-03-12").date).toMatchObject({ value: "2026-01-19", resolution: { rule: "day-month-year-from-publication" } });
    expect(one("Die Waffenruhe trat am 19. Dezember in Kraft.", "2026-03-12").date.value).toBe("2025-12-19");
  });
});

describe("dates relative to another date", () => {
  it("uses a date in the previous sentence, keeping its precision", () => {
    const found = find("Die Lage eskalierte im Juni 2025. Einen Tag vor Beginn griff Israel an. Knapp eine Woche später bombardierten die USA.", null);
    expect(found.map(brief)).toEqual([
      { text: "im Juni 2025", value: "2025-06", precision: "month", rule: "explicit-month-year" },
      { text: "Einen Tag vor", value: "2025-06", precision: "month", rule: "relative-to-previous-date" },
      { text: "Knapp eine Woche später", value: "2025-06", precision: "month", rule: "relative-to-previous-date" },
    ]);
    expect(found[1]!.date.resolution.anchor).toBe("2025-06");
  });

  it("shifts a day-precise reference by exact amounts", () => {
    const found = find("Am 3. März 2026 begann die Runde. Zwei Tage später endete sie.", null);
    expect(brief(found[1]!)).toEqual({ text: "Zwei Tage später", value: "2026-03-05", precision: "day", rule: "relative-to-previous-date" });
  });

  it("prefers the most precise date of the previous sentence", () => {
    const found = find("Am 16. Mai 2025 trafen sie sich erstmals seit 2022. Zwei Tage später folgte Runde zwei.", null);
    expect(found.at(-1)!.date.value).toBe("2025-05-18");
  });

  it("needs a reference", () => {
    expect(find("Zwei Tage später folgte Runde zwei.", null)).toEqual([]);
  });
});

describe("a weekday with its week after it", () => {
  it("'am Mittwoch vergangener Woche' is the Wednesday of the week before; 'am Freitag nächster Woche' the Friday after", () => {
    // Anchor Friday 6 Feb 2026: that week runs from Monday 2 Feb.
    expect(one("Die Schüsse fielen am Mittwoch vergangener Woche.").date).toMatchObject({ value: "2026-01-28", resolution: { rule: "weekday-last-week" } });
    expect(one("Die Sitzung ist für Freitag nächster Woche angesetzt.").date).toMatchObject({ value: "2026-02-13", resolution: { rule: "weekday-next-week" } });
  });
});

describe("a day without a year after its month with a year", () => {
  it("'im Juni 2025 … am 13. Juni' is 13 June 2025, also when publication is in May 2026; 'neun Tage später' follows it", () => {
    const found = find("Der Konflikt war im Juni 2025 eskaliert: Israel griff am 13. Juni Ziele im Iran an, neun Tage später bombardierten US-Kampfflugzeuge die Anlagen.", "2026-05-21");
    expect(found.map((d) => d.date.value)).toEqual(["2025-06", "2025-06-13", "2025-06-22"]);
    // Without the month named with its year, the publication year stands.
    expect(one("Am 13. Juni griff Israel Ziele an.", "2026-07-01").date.value).toBe("2026-06-13");
  });
});
