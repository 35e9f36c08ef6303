import { describe, expect, it } from "vitest";
import { Published } from "@lagebild/model";
import { clean } from "../src/stages/clean.ts";
import { extractMetadata, guessTitle, inferPublished } from "../src/stages/metadata.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const meta = (text: string, given = {}) => extractMetadata(clean(text), given);
const BODY = "Die Außenminister beider Länder haben sich in Genf getroffen. Weitere Treffen sind geplant.";

describe("outlet, agencies and authors", () => {
  it("reads a 'Quelle:' list: outlet, agencies, and no author initials", () => {
    const m = meta(`Überschrift zum Treffen\nAktualisiert am 2. Februar 2026, 15:16 Uhr Quelle: DIE ZEIT, AFP, dpa, jse , mga\n${BODY}`);
    expect(m.outlet).toBe("DIE ZEIT");
    expect(m.agencies).toEqual(["AFP", "dpa"]);
    expect(m.authors).toEqual([]);
  });

  it("takes an unknown outlet from a source list too", () => {
    expect(meta(`Quelle: Tiroler Tageszeitung, APA\n${BODY}`)).toMatchObject({ outlet: "Tiroler Tageszeitung", agencies: ["APA"] });
  });

  it("reads authors and the agency from a byline; an agency story's outlet is the agency", () => {
    const m = meta(`USA und Iran lassen Gespräche offen\nAutor: Anna Beispiel, Max Muster und Erika Probe, dpa\n, Freitag, 06. Februar 2026\n${BODY}`);
    expect(m.authors).toEqual(["Anna Beispiel", "Max Muster", "Erika Probe"]);
    expect(m.agencies).toEqual(["dpa"]);
    expect(m.outlet).toBe("dpa");
  });

  it("reads an outlet from 'Quelle: ntv.de, mli/dpa' and from a first-published note", () => {
    expect(meta(`${BODY}\nQuelle: ntv.de, mli/dpa`)).toMatchObject({ outlet: "n-tv", agencies: ["dpa"], authors: [] });
    expect(meta(`${BODY}\nDieser Artikel erschien zuerst bei der Frankfurter Rundschau.`).outlet).toBe("Frankfurter Rundschau");
  });

  it("reads a correspondent byline and a site header", () => {
    expect(meta(`ZEIT ONLINE\nVon unserem Korrespondenten Max Muster, Washington\n${BODY}`)).toMatchObject({ outlet: "DIE ZEIT", authors: ["Max Muster"] });
  });

  it("reads the outlet from a site header with sections and drops a breadcrumb over the headline", () => {
    const fr = meta(`Frankfurter Rundschau › Politik › Ausland\n\nGipfel in Brüssel endet ohne Einigung\n\n${BODY}`);
    expect(fr.outlet).toBe("Frankfurter Rundschau");
    expect(fr.title).toBe("Gipfel in Brüssel endet ohne Einigung");
    expect(meta(`DW – Deutsche Welle | Europa\nGipfel in Brüssel endet ohne Einigung\n${BODY}`).outlet).toBe("Deutsche Welle");
    expect(meta(`RND RedaktionsNetzwerk Deutschland\nPolitik › Europa › Gipfel\nGipfel in Brüssel endet ohne Einigung\n${BODY}`)).toMatchObject({ outlet: "RND", title: "Gipfel in Brüssel endet ohne Einigung" });
    // Below the first lines an outlet's name is text, not a header.
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\n${BODY}\nMehr dazu am Abend.\nHandelsblatt\n`).outlet).toBeNull();
  });

  it("reads a byline closed by an agency credit, with or without 'Von', and no place as author", () => {
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\nVon Anna Kessler (mit dpa/AFP)\n${BODY}`)).toMatchObject({ authors: ["Anna Kessler"], agencies: ["dpa", "AFP"] });
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\nJakob Reinders, Brüssel (mit Reuters, AP)\n${BODY}`)).toMatchObject({ authors: ["Jakob Reinders"], agencies: ["Reuters", "AP"] });
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\nVon Lea Sommer, Tel Aviv\n${BODY}`).authors).toEqual(["Lea Sommer"]);
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\nVon Jonas Weil, mit Material von Reuters und dpa\n${BODY}`)).toMatchObject({ authors: ["Jonas Weil"], agencies: ["Reuters", "dpa"] });
  });

  it("reads a correspondent's line (name and place) and a lower-case 'von' byline, and removes share bars", () => {
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\nJana Lindqvist, Kairo\n${BODY}`).authors).toEqual(["Jana Lindqvist"]);
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\nvon Paul Ostermann\n${BODY}`).authors).toEqual(["Paul Ostermann"]);
    // A line naming two places is no byline.
    expect(clean(`Gipfel in Brüssel\nBerlin, Paris\n${BODY}`).text).toContain("Berlin, Paris");
    expect(meta(`Gipfel in Brüssel endet ohne Einigung\n${BODY}\nDW Deutsch folgen`).outlet).toBe("Deutsche Welle");
    const shared = clean(`${BODY}\nTeilen auf Facebook | Teilen auf X | Per E-Mail versenden\nFacebook X Instagram`);
    expect(shared.text).toBe(BODY);
  });

  it("reads the outlet from a team credit line and agencies from 'Mit Material von'", () => {
    expect(meta(`${BODY}\nMit Material von Reuters und AFP\nDie Mitarbeiter von Beispiel News sind ein Team von Journalisten in Genf.`)).toMatchObject({
      outlet: "Beispiel News",
      agencies: ["Reuters", "AFP"],
    });
  });

  it("reads the agency of a lead dateline and maps a URL host to its outlet", () => {
    const m = meta(`Genf (AFP) - ${BODY}`, { url: "https://www.tagesschau.de/ausland/genf-100.html" });
    expect(m.agencies).toEqual(["AFP"]);
    expect(m.outlet).toBe("tagesschau.de");
  });

  it("lets given metadata win", () => {
    const m = meta(`Quelle: DIE ZEIT, dpa\n${BODY}`, { outlet: "Mein Blatt", agencies: ["AP"], authors: ["Eva Beispiel"], title: "Gegeben", published: "2026-03-01" });
    expect(m).toMatchObject({ outlet: "Mein Blatt", agencies: ["AP"], authors: ["Eva Beispiel"], title: "Gegeben" });
    expect(m.published).toEqual({ value: "2026-03-01", precision: "day", window: ["2026-03-01", "2026-03-01"], source: "front-matter" });
  });
});

describe("title", () => {
  it("takes a headline-like first line", () => {
    expect(guessTitle(`USA und Iran lassen künftige Gespräche offen\n${BODY}`)).toBe("USA und Iran lassen künftige Gespräche offen");
  });
  it("does not take a first line that is a sentence, a single word or the whole text", () => {
    expect(guessTitle(`${BODY}\nNoch ein Absatz.`)).toBeNull();
    expect(guessTitle(`Eilmeldung\n${BODY}`)).toBeNull();
    expect(guessTitle("Nur eine Zeile ohne Punkt")).toBeNull();
    expect(guessTitle(`Trump droht. Iran antwortet\n${BODY}`)).toBeNull();
  });
  it("takes the line under a short kicker as the title", () => {
    expect(guessTitle(`Atomstreit mit dem Iran\nZweite Gesprächsrunde soll am Dienstag in Genf stattfinden\n${BODY}`)).toBe("Zweite Gesprächsrunde soll am Dienstag in Genf stattfinden");
    expect(guessTitle(`Nahost\nVermittler ringen in Kairo um eine zweite Phase der Waffenruhe\n${BODY}`)).toBe("Vermittler ringen in Kairo um eine zweite Phase der Waffenruhe");
    // A long first headline stays the title even when a subtitle follows.
    expect(guessTitle(`Iran lehnt Gespräche über Raketen und Verbündete in der Region ab\nRubio: Kein Abkommen ohne Raketen\n${BODY}`)).toBe("Iran lehnt Gespräche über Raketen und Verbündete in der Region ab");
  });

  it("skips a leading photo caption", () => {
    expect(guessTitle(`Protest vor der Botschaft in Ankara\nGipfel endet ohne Einigung\n${BODY}`, [{ text: "Protest vor der Botschaft in Ankara" }])).toBe("Gipfel endet ohne Einigung");
  });
});

describe("publication date", () => {
  it("reads date lines; 'Veröffentlicht' beats 'Aktualisiert'", () => {
    expect(meta(`Stand: 05.02.2026 14:30 Uhr\n${BODY}`).published).toEqual({ value: "2026-02-05", precision: "day", window: ["2026-02-05", "2026-02-05"], source: "date-line" });
    const m = meta(`Aktualisiert am 7. Februar 2026, 09:00 Uhr\nVeröffentlicht am 6. Februar 2026, 18:00 Uhr\n${BODY}`);
    expect(m.published?.value).toBe("2026-02-06");
  });

  it.each([
    "Stand: 12.03.2026 18:04 Uhr",
    "12.03.2026, 18.04 Uhr",
    "Aktualisiert am 12.03.2026-18:04",
    "Veröffentlicht am 12.03.2026 | Lesedauer: 3 Minuten",
    "Datum: 12.03.2026 18:04 Uhr",
    "Donnerstag, 12. März 2026",
    "12. März 2026 um 18:04 Uhr",
    "Do 12.03.2026 - 18:04 Uhr",
    "12.03.26, 18:04",
  ])("reads the date line %j and removes it from the text", (line) => {
    const cleaned = clean(`Überschrift des Artikels\n${line}\n${BODY}`);
    expect(cleaned.text).toBe(`Überschrift des Artikels\n${BODY}`);
    expect(extractMetadata(cleaned, {}).published).toMatchObject({ value: "2026-03-12", source: "date-line" });
  });

  it("infers a window from the latest dated mention and the weekdays around it", () => {
    // Caption dated Sunday 1 Feb; "am Montag" reported, "an diesem Dienstag" still ahead: published Mon or Tue.
    const text = [
      "»Protest«: Kundgebung vor dem Konsulat in Istanbul (1.2.2026)",
      "Das Ministerium prüfe die Bedingungen, sagte ein Sprecher am Montag.",
      "An diesem Dienstag wird der Gesandte zunächst Israel besuchen.",
      "Das Portal meldete das am Sonntag abend.",
    ].join("\n");
    const p = inferPublished(splitSentences(text));
    expect(p).toEqual({ value: "2026-02-02", precision: "day", window: ["2026-02-02", "2026-02-03"], source: "inferred" });
    expect(Published.safeParse(p).success).toBe(true);
  });

  it("uses the dates of removed embedded posts as a lower bound", () => {
    const text = `Die Gespräche scheiterten, wie Medien am Mittwochabend berichteten.\nGood point. pic.twitter.com/x1\n— Jane Doe (@jdoe) February 4, 2026\n${BODY}`;
    const m = meta(text);
    expect(m.published?.source).toBe("inferred");
    expect(m.published?.value).toBe("2026-02-04");
  });

  it("gives a week-long window when there is no weekday to narrow it", () => {
    expect(inferPublished(splitSentences("Am 3. März 2026 begann in Genf eine neue Runde."))).toEqual({
      value: "2026-03-03", precision: "day", window: ["2026-03-03", "2026-03-09"], source: "inferred",
    });
  });

  it("does not anchor on a historical day when a later month or year is mentioned", () => {
    expect(inferPublished(splitSentences("Seit dem Angriff am 7. Oktober 2023 herrscht Krieg. Im Januar 2026 begannen am Montag neue Gespräche."))).toBeNull();
  });

  it("invents nothing without an absolute day", () => {
    expect(meta(`Am Mittwoch traf Trump Netanjahu. Die Gespräche hatten vergangene Woche begonnen.`).published).toBeNull();
  });

  it("ignores dates in clauses about the future as lower bounds", () => {
    const p = inferPublished(splitSentences("Am 2. März 2026 trafen sie sich. Die nächste Runde soll am 20. März 2026 stattfinden."));
    expect(p?.value).toBe("2026-03-02");
  });
});

describe("language", () => {
  it("defaults to German and recognises English text", () => {
    expect(meta(BODY).language).toBe("de");
    expect(meta("The ministers of both countries met in Geneva and said that the talks with the delegation were useful for the region.").language).toBe("en");
  });
});

describe("datelines, wire ids and mastheads of unseen outlets", () => {
  it("dates a dpa wire story by its story id and names dpa as the outlet of its own copy", () => {
    const m = meta(`Gespräche ohne Durchbruch\nAlmaty (dpa) - Die Außenminister trafen sich am Mittwoch.\n${BODY}\n© dpa-infocom, dpa:260212-930-412587/2`);
    expect(m.published).toMatchObject({ value: "2026-02-12", source: "date-line" });
    expect(m.outlet).toBe("dpa");
  });

  it("reads the date of a masthead line and a site name before its sections (not the 'Welt' section)", () => {
    expect(meta(`Stuttgarter Zeitung | Politik | 27.01.2026 - 18:05 Uhr\nÜberschrift zum Treffen\n${BODY}`)).toMatchObject({ outlet: "Stuttgarter Zeitung", published: { value: "2026-01-27" } });
    expect(meta(`BEISPIELRADIO.DE › Nachrichten › Welt\nÜberschrift zum Treffen\n${BODY}`).outlet).toBe("BEISPIELRADIO.DE");
  });

  it("takes the broadcaster from a programme note and drops comment counters", () => {
    const cleaned = clean(`Überschrift zum Treffen\n${BODY}\nDieses Thema im Programm: Das Erste, tagesschau, 17. Februar 2026, 20:00 Uhr\nKommentare (14)`);
    expect(cleaned.text).not.toMatch(/Programm|Kommentare/);
    expect(extractMetadata(cleaned).outlet).toBe("tagesschau.de");
  });

  it("pins the year of a day named with its weekday, and 'vergangener Woche' puts publication in the week after", () => {
    const text = "Am Samstag kreuzte ein Boot vor der Küste. Schon am Mittwoch vergangener Woche, dem 11. Februar, fielen Schüsse. Im Dezember 2023 hatten beide Seiten verhandelt. Die Regierung protestierte an diesem Montag.";
    const p = inferPublished(splitSentences(text));
    expect(p).not.toBeNull();
    expect(p!.value).toBe("2026-02-16");
  });
});

