import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBytes, expandPaths, readBytes, readInputs, type ReadResult } from "../src/io/index.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const ok = (r: ReadResult[]) => {
  expect(r).toHaveLength(1);
  const first = r[0]!;
  if (!first.ok) throw new Error(`expected a document, got ${first.error}`);
  return first;
};
const failure = (r: ReadResult[]) => {
  const first = r[0]!;
  if (first.ok) throw new Error("expected a failure");
  return first;
};

describe("decodeBytes", () => {
  it("decodes UTF-8, strips the BOM and normalises line ends", () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("Präsident\r\nGespräch\rEnde")]));
    expect(d).toEqual({ ok: true, text: "Präsident\nGespräch\nEnde", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 for invalid UTF-8", () => {
    const bytes = new Uint8Array([...enc("Pr"), 0xe4, ...enc("sident "), 0x84, ...enc("Zitat"), 0x93, ...enc(" Stra"), 0xdf, 0x65]);
    const d = decodeBytes(bytes);
    expect(d).toEqual({ ok: true, text: "Präsident „Zitat“ Straße", encoding: "windows-1252" });
  });

  it("decodes UTF-16 with a byte-order mark", () => {
    const body = Buffer.from("Gespräch", "utf16le");
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...body]))).toMatchObject({ ok: true, text: "Gespräch" });
  });

  it("rejects empty, whitespace-only and binary input", () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, error: "empty file" });
    expect(decodeBytes(enc(" \n\t\n"))).toMatchObject({ ok: false, error: expect.stringContaining("empty") });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({ ok: false, error: expect.stringContaining("binary") });
    const controls = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeBytes(controls)).toMatchObject({ ok: false, error: expect.stringContaining("control characters") });
  });

  it("removes soft hyphens and composes umlauts (NFC)", () => {
    const d = decodeBytes(enc("Außen\u00administer Pra\u0308sident"));
    expect(d).toMatchObject({ ok: true, text: "Außenminister Präsident" });
  });
});

describe("front matter", () => {
  it("reads metadata fields and leaves the body", () => {
    const r = ok(readBytes(enc("---\ntitle: Gipfel in Genf\npublished: 2026-03-04T10:00:00+01:00\noutlet: Beispiel-Zeitung\nurl: https://example.org/a\nauthors: Anna Beispiel, Max Muster\nagencies: [dpa, AFP]\n---\nDer Text beginnt hier."), "a.txt"));
    expect(r.doc).toEqual({
      file: "a.txt",
      text: "Der Text beginnt hier.",
      given: { title: "Gipfel in Genf", published: "2026-03-04", outlet: "Beispiel-Zeitung", url: "https://example.org/a", authors: ["Anna Beispiel", "Max Muster"], agencies: ["dpa", "AFP"] },
    });
  });

  it("accepts German dates and warns about unusable values instead of failing", () => {
    const r = ok(readBytes(enc("---\ndate: 6. Februar 2026\nurl: not a url\n---\nText."), "b.md"));
    expect(r.doc.given).toEqual({ published: "2026-02-06" });
    expect(r.warnings).toEqual([expect.stringContaining("ignored url")]);
  });

  it("reports broken front matter", () => {
    expect(failure(readBytes(enc("---\ntitle: x\nText ohne Ende"), "c.txt")).error).toMatch(/broken front matter.*closing/);
    expect(failure(readBytes(enc("---\ntitle: [unclosed\n---\nText."), "d.txt")).error).toMatch(/^broken front matter: /);
    expect(failure(readBytes(enc("---\n- a\n- b\n---\nText."), "e.txt")).error).toMatch(/key: value/);
    expect(failure(readBytes(enc("---\ntitle: nur Kopf\n---\n\n"), "f.txt")).error).toMatch(/no text/);
  });

  it("strips light Markdown in .md files", () => {
    const r = ok(readBytes(enc("# Gipfel in **Genf**\n\nDer [Minister](https://x.org) kam. ![Bild](a.png)\n\n> Zitat *hier*"), "g.md"));
    expect(r.doc.text).toBe("Gipfel in Genf\n\nDer Minister kam. \n\nZitat hier");
  });
});

describe("HTML", () => {
  const page = (body: string) => `<!doctype html><html lang="de"><head><title>Seite</title>
    <meta property="og:title" content="Gipfel endet ohne Einigung">
    <meta property="og:site_name" content="Beispiel Online">
    <meta property="article:published_time" content="2026-03-19T22:10:00+01:00">
    <script>window.tracking = "SCRIPT_SECRET";</script><style>.x { content: "STYLE_SECRET" }</style></head>
    <body><nav>Startseite | Politik</nav>${body}<footer>Impressum</footer></body></html>`;
  const article = `<article><h1>Gipfel endet ohne Einigung</h1>
    <p>Die Staats- und Regierungschefs der EU haben sich am Donnerstag nicht auf neue Sanktionen geeinigt. <script>document.write("INLINE_SECRET")</script>Das teilten Diplomaten mit.</p>
    <p>Ungarn blockierte die Entscheidung erneut, wie mehrere Teilnehmer bestätigten. Die Gespräche sollen im April weitergehen.</p>
    <p>Die Kommission will bis dahin einen neuen Vorschlag vorlegen, der die Bedenken berücksichtigt. Eine Einigung gilt dennoch als schwierig.</p></article>`;

  it("extracts the main text with paragraphs and metadata, never script or style content", () => {
    const r = ok(readBytes(enc(page(article)), "p.html"));
    expect(r.doc.text).not.toMatch(/SECRET|tracking|content:/);
    expect(r.doc.text.split("\n")[0]).toBe("Gipfel endet ohne Einigung");
    expect(r.doc.text).toContain("nicht auf neue Sanktionen geeinigt. Das teilten Diplomaten mit.\nUngarn blockierte");
    expect(r.doc.given).toMatchObject({ title: "Gipfel endet ohne Einigung", outlet: "Beispiel Online", published: "2026-03-19", language: "de" });
  });

  it("falls back to the body of a short page and still drops scripts", () => {
    const r = ok(readBytes(enc(page("<p>Kurzmeldung: Der Gipfel ist vorbei.</p><script>var SCRIPT_TWO = 1;</script>")), "short.htm"));
    expect(r.doc.text).toContain("Kurzmeldung: Der Gipfel ist vorbei.");
    expect(r.doc.text).not.toMatch(/SECRET|SCRIPT_TWO/);
  });
});

describe("JSON and JSONL", () => {
  it("reads an object, an array and an { articles } wrapper", () => {
    expect(ok(readBytes(enc(JSON.stringify({ text: "Ein Text.", title: "T", published: "2026-02-06" })), "one.json")).doc).toEqual({ file: "one.json", text: "Ein Text.", given: { title: "T", published: "2026-02-06" } });
    const many = readBytes(enc(JSON.stringify([{ text: "Erster." }, { title: "ohne Text" }, { text: "Dritter." }])), "many.json");
    expect(many.map((r) => (r.ok ? r.doc.file : `${r.file}: ${r.error}`))).toEqual(["many.json#1", 'many.json#2: no "text" field', "many.json#3"]);
    expect(readBytes(enc(JSON.stringify({ articles: [{ text: "A." }] })), "w.json")).toHaveLength(1);
  });

  it("reports JSON without text and invalid JSON", () => {
    expect(failure(readBytes(enc('{"title":"x"}'), "x.json")).error).toBe('no "text" field');
    expect(failure(readBytes(enc("{nope"), "y.json")).error).toMatch(/^invalid JSON/);
  });

  it("reads JSONL line by line, labelling each record with its line", () => {
    const r = readBytes(enc('{"text":"Eins."}\n\nkaputt\n{"text":"Vier.","outlet":"Blatt"}\n'), "l.jsonl");
    expect(r.map((x) => (x.ok ? `${x.doc.file} ${x.doc.given.outlet ?? ""}`.trim() : `${x.file}: ${x.error.slice(0, 12)}`))).toEqual([
      "l.jsonl#1",
      "l.jsonl#3: invalid JSON",
      "l.jsonl#4 Blatt",
    ]);
  });
});

describe("paths", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "lagebild-io-"));
    mkdirSync(join(dir, "sub", "deeper"), { recursive: true });
    mkdirSync(join(dir, ".hidden"));
    writeFileSync(join(dir, "b.txt"), "Text B.");
    writeFileSync(join(dir, "a.md"), "Text A.");
    writeFileSync(join(dir, "sub", "deeper", "c.html"), "<p>Text C.</p>");
    writeFileSync(join(dir, "sub", "notes.pdf"), "ignored");
    writeFileSync(join(dir, ".hidden", "d.txt"), "hidden");
    symlinkSync(dir, join(dir, "sub", "loop"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("expands directories recursively, sorted, only supported files, no hidden entries or loops", () => {
    const { files, failures } = expandPaths([dir]);
    expect(failures).toEqual([]);
    expect(files.map((f) => f.file.slice(dir.length + 1))).toEqual(["a.md", "b.txt", join("sub", "deeper", "c.html")]);
  });

  it("resolves relative paths against the given directory and reports missing ones", () => {
    const r = readInputs(["b.txt", "missing.txt"], dir);
    expect(r[0]).toMatchObject({ ok: true, doc: { file: "b.txt", text: "Text B." } });
    expect(r[1]).toEqual({ ok: false, file: "missing.txt", error: "no such file or directory" });
  });
});
