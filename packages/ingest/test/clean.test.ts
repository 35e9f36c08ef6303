import { describe, expect, it } from "vitest";
import { clean } from "../src/stages/clean.ts";

const BODY = [
  "Außenminister treffen sich in Genf",
  "Die Außenminister beider Länder haben sich am Montag in Genf getroffen. „Es war ein offenes Gespräch“, sagte ein Sprecher.",
  "Weitere Treffen sind geplant.",
];

describe("clean", () => {
  it("keeps body text, headlines and subheads byte-identical", () => {
    const text = BODY.join("\n");
    const c = clean(text);
    expect(c.text).toBe(text);
    expect(c.removed).toEqual([]);
  });

  it("removes relative timestamps, counters and language selectors", () => {
    const c = clean([...BODY, "", "vor 1 Tag", "1", "", "", "", "English (US) ·"].join("\n"));
    expect(c.text).toBe(BODY.join("\n"));
    expect(c.removed.map((r) => r.reason)).toEqual(["relative-timestamp", "counter", "language-selector"]);
  });

  it("collapses only runs of blank lines", () => {
    const c = clean(`${BODY[0]}\n\n\n\n${BODY[1]}\n   \n${BODY[2]}\n\n`);
    expect(c.text).toBe(`${BODY[0]}\n\n${BODY[1]}\n\n${BODY[2]}`);
  });

  it("takes the credit off a photo caption and keeps the caption with its date and place as a hint", () => {
    const c = clean(`Max Mustermann/REUTERS »Nieder mit den Sanktionen«: Protest vor der Botschaft in Ankara (3.3.2026)\n\n${BODY[1]}`);
    expect(c.text.split("\n")[0]).toBe("»Nieder mit den Sanktionen«: Protest vor der Botschaft in Ankara (3.3.2026)");
    expect(c.captions).toEqual([{ text: "»Nieder mit den Sanktionen«: Protest vor der Botschaft in Ankara (3.3.2026)", date: "2026-03-03", place: "Ankara" }]);
    expect(c.removed).toEqual([{ line: "Max Mustermann/REUTERS", reason: "photo-credit" }]);
  });

  it("removes caption labels, trailing credits and credit-only lines", () => {
    const c = clean([BODY[1], "Legende: Der Minister begrüßte seinen Amtskollegen am Mittwoch in Rom. IMAGO/Anna Beispiel – Pool", "Foto: Mohammed Beispiel/EPA", BODY[2]].join("\n"));
    expect(c.text).toBe([BODY[1], "Der Minister begrüßte seinen Amtskollegen am Mittwoch in Rom.", BODY[2]].join("\n"));
    expect(c.removed.map((r) => r.reason)).toEqual(["caption-label", "photo-credit", "photo-credit"]);
    expect(c.captions[0]!.text).toBe("Der Minister begrüßte seinen Amtskollegen am Mittwoch in Rom.");
  });

  it("removes screenshots notes and related-content teasers but keeps sentences that start alike", () => {
    const c = clean([BODY[1], "Legende: Screenshot Truth Social", "Passend zum Thema Gipfel in Genf – was auf dem Spiel steht", "Mehr zum Thema", "Zum Thema Energie sagte der Minister nichts.", BODY[2]].join("\n"));
    expect(c.text).toBe([BODY[1], "Zum Thema Energie sagte der Minister nichts.", BODY[2]].join("\n"));
    expect(c.removed.map((r) => r.reason)).toEqual(["screenshot", "related-content", "related-content"]);
  });

  it("removes a teaser block: the label line and the teased headlines under it", () => {
    const c = clean([BODY[1], "", "Mehr zum Thema", "Gipfel in Genf: Kein Durchbruch, aber eine dritte Runde", "Quelle: dpa", "", BODY[2]].join("\n"));
    expect(c.text).toBe([BODY[1], "", BODY[2]].join("\n"));
    expect(c.removed.map((r) => r.reason)).toEqual(["related-content", "related-content", "source-line"]);
  });

  it("marks the line under a credit-only line as a caption and keeps it", () => {
    const c = clean([BODY[1], "Foto: Joe Beispiel/AFP", "Das Hauptquartier der Behörde in Wien", BODY[2]].join("\n"));
    expect(c.text).toBe([BODY[1], "Das Hauptquartier der Behörde in Wien", BODY[2]].join("\n"));
    expect(c.captions).toEqual([{ text: "Das Hauptquartier der Behörde in Wien", place: "Wien" }]);
  });

  it("removes an embedded social post: its text and its attribution line", () => {
    const c = clean([BODY[1], "Good answer. pic.twitter.com/AbCdEf123", "— Jane Doe (@JaneDoe) February 4, 2026", BODY[2]].join("\n"));
    expect(c.text).toBe([BODY[1], BODY[2]].join("\n"));
    expect(c.removed).toEqual([
      { line: "Good answer. pic.twitter.com/AbCdEf123", reason: "social-post" },
      { line: "— Jane Doe (@JaneDoe) February 4, 2026", reason: "social-post" },
    ]);
    const noLink = clean([BODY[1], "This is the post text without a link", "— Jane Doe (@JaneDoe) March 1, 2026", BODY[2]].join("\n"));
    expect(noLink.text).toBe([BODY[1], BODY[2]].join("\n"));
  });

  it("moves datelines, bylines, source and credit lines to `removed` for the metadata stage", () => {
    const c = clean([
      BODY[0],
      "Aktualisiert am 2. Februar 2026, 15:16 Uhr Quelle: DIE ZEIT, AFP, dpa, jse , mga",
      "Autor: Anna Beispiel und Max Muster, dpa",
      ", Freitag, 06. Februar 2026",
      "Stand: 05.02.2026 14:30 Uhr",
      BODY[1],
      "Quelle: dpa",
      "Die Mitarbeiter von Beispiel News sind ein Team von Journalisten in Genf.",
    ].join("\n"));
    expect(c.text).toBe([BODY[0], BODY[1]].join("\n"));
    expect(c.removed.map((r) => r.reason)).toEqual(["dateline", "byline", "dateline", "dateline", "source-line", "credit-line"]);
  });

  it("keeps body lines that merely start with a byline word or mention a date", () => {
    const lines = [
      "Von der Leyen warnte am 2. Februar 2026 vor einer Eskalation.",
      "Von Teheran nach Washington",
      "Stand der Gespräche ist offen, hieß es am Montag.",
      "Am 2. Februar 2026 trafen sich die Delegationen in Maskat.",
      "(c) die Freilassung aller Geiseln",
      "12 Staaten stimmten zu, 3 dagegen.",
    ];
    const c = clean(lines.join("\n"));
    expect(c.text).toBe(lines.join("\n"));
  });

  it("removes site headers, abbreviated-weekday datelines and correspondent bylines, but not a plain word", () => {
    const c = clean(["ZEIT ONLINE", "Fr, 06.02.2026 | 14:30 Uhr", "Von unserem Korrespondenten Max Muster, Washington", BODY[1], "Stern"].join("\n"));
    expect(c.text).toBe([BODY[1], "Stern"].join("\n"));
    expect(c.removed.map((r) => r.reason)).toEqual(["outlet-line", "dateline", "byline"]);
  });

  it("normalises CRLF line ends", () => {
    expect(clean(`${BODY[0]}\r\n${BODY[1]}\r\n`).text).toBe(`${BODY[0]}\n${BODY[1]}`);
  });
});
