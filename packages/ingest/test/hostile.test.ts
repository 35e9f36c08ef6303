// Hostile inputs: every bad file gets a clear one-line error naming it, every odd-but-readable file a valid result,
// and the rest of the batch goes on — in process and through the CLI (spawned with tsx on a temp dir).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleGraph, InterchangeExport } from "@lagebild/model";
import { readInputs, type ReadResult } from "../src/io/index.ts";
import { createContext, extractBatch, runArticle } from "../src/pipeline/index.ts";

const ctx = createContext();
const GOOD = [
  "Außenminister beraten in Genf",
  "Stand: 05.03.2026",
  "Die Außenminister der beiden Länder haben sich am Mittwoch in Genf getroffen. Der Präsident begrüßte das Treffen.",
  "„Es war ein offenes Gespräch“, sagte ein Sprecher. Weitere Treffen sind geplant.",
].join("\n");

/** A realistic German paragraph with a counter, so repeats are not identical. */
const paragraph = (i: number) =>
  `Am Montag trafen sich die Unterhändler zum ${i}. Mal in Genf. „Wir sind noch weit von einer Einigung entfernt“, sagte ein Diplomat. ` +
  `Die Gespräche sollen am Donnerstag fortgesetzt werden, teilte das Außenministerium mit.\n`;

let dir: string;
const path = (name: string) => join(dir, name);
const read = (name: string): ReadResult[] => readInputs([path(name)]);
const errorOf = (name: string) => {
  const [r] = read(name);
  if (!r || r.ok) throw new Error(`${name}: expected an error`);
  return r;
};
const docOf = (name: string) => {
  const [r] = read(name);
  if (!r?.ok) throw new Error(`${name}: ${r?.ok === false ? r.error : "nothing read"}`);
  return r.doc;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lagebild-hostile-"));
  writeFileSync(path("good.txt"), GOOD);
  writeFileSync(path("empty.txt"), "");
  writeFileSync(path("blank.txt"), "\n  \n\t\n");
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
  writeFileSync(path("binary.txt"), bin);
  // Windows-1252: ä = E4, „ = 84, “ = 93, ß = DF.
  writeFileSync(path("latin1.txt"), Buffer.concat([
    Buffer.from("Der Pr"), Buffer.from([0xe4]), Buffer.from("sident sagte am Montag: "), Buffer.from([0x84]),
    Buffer.from("Wir verhandeln weiter."), Buffer.from([0x93]), Buffer.from(" Die Stra"), Buffer.from([0xdf]), Buffer.from("e blieb gesperrt.\r\n"),
  ]));
  writeFileSync(path("scripts.html"), `<!doctype html><html><head><title>Gipfel</title><script>var SECRET_ONE = "geheim";</script>
    <style>body { font-family: STYLE_SECRET }</style></head><body>
    <article><h1>Gipfel in Genf</h1><p onclick="alert('HANDLER_SECRET')">Die Außenminister haben sich am Mittwoch in Genf getroffen und über eine Waffenruhe gesprochen.</p>
    <script>document.write("SECRET_TWO")</script><noscript>NOSCRIPT_SECRET</noscript>
    <p>Eine Einigung gab es nicht, die Gespräche sollen aber in der kommenden Woche weitergehen, wie beide Seiten mitteilten.</p>
    <p>Beobachter werteten das Treffen dennoch als Fortschritt, weil erstmals seit Monaten direkt verhandelt wurde.</p></article></body></html>`);
  writeFileSync(path("only-quotes.txt"), "„Wir werden nicht nachgeben.“\n„Niemals.“\n»Das ist unser letztes Wort.«\n\"Ende\"");
  writeFileSync(path("no-punctuation.txt"), `${"die gespräche gehen weiter und niemand weiß wohin sie führen ".repeat(400)}\nnoch eine zeile ohne punkt`);
  writeFileSync(path("broken-front-matter.md"), "---\ntitle: [kaputt\n---\nText.");
  writeFileSync(path("no-text.json"), JSON.stringify({ title: "Ohne Text", outlet: "Blatt" }));
  writeFileSync(path("furniture-only.txt"), "vor 1 Tag\n12\nEnglish (US) ·\n");
  writeFileSync(path("too-large.txt"), Buffer.alloc(11 * 1024 * 1024, 0x61));
  let big = "";
  for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += paragraph(i);
  writeFileSync(path("five-mb.txt"), big);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hostile files, one by one", () => {
  it("empty and blank files are errors naming the file", () => {
    expect(errorOf("empty.txt")).toEqual({ ok: false, file: path("empty.txt"), error: "empty file" });
    expect(errorOf("blank.txt").error).toMatch(/empty file/);
  });

  it("binary data is an error", () => {
    expect(errorOf("binary.txt").error).toMatch(/^binary data/);
  });

  it("a file over the size limit is rejected with its size", () => {
    expect(errorOf("too-large.txt").error).toBe("file too large: 11.0 MB (limit 10.0 MB)");
  });

  it("broken front matter and JSON without text are errors", () => {
    expect(errorOf("broken-front-matter.md").error).toMatch(/^broken front matter/);
    expect(errorOf("no-text.json").error).toBe('no "text" field');
  });

  it("a missing path is an error", () => {
    expect(readInputs([path("nowhere.txt")])).toEqual([{ ok: false, file: path("nowhere.txt"), error: "no such file or directory" }]);
  });

  it("decodes Windows-1252 text correctly", () => {
    const doc = docOf("latin1.txt");
    expect(doc.text).toBe("Der Präsident sagte am Montag: „Wir verhandeln weiter.“ Die Straße blieb gesperrt.\n");
    expect(doc.text).not.toContain("Ã");
  });

  it("never lets script, style or handler content into the text of an HTML file", () => {
    const run = runArticle(docOf("scripts.html"), ctx);
    expect(run.graph.article.text).toContain("Die Außenminister haben sich am Mittwoch in Genf getroffen");
    expect(run.graph.article.text).not.toMatch(/SECRET|geheim|alert|font-family/);
  });

  it("a file with only quotes and a file without punctuation give valid graphs", () => {
    for (const name of ["only-quotes.txt", "no-punctuation.txt"]) {
      const run = runArticle(docOf(name), ctx);
      expect(ArticleGraph.safeParse(run.graph).success, name).toBe(true);
      expect(run.graph.sentences.length, name).toBeGreaterThan(0);
      for (const s of run.graph.sentences) expect(run.graph.article.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(runArticle(docOf("only-quotes.txt"), ctx).graph.sentences.map((s) => s.text)).toEqual([
      "„Wir werden nicht nachgeben.“", "„Niemals.“", "»Das ist unser letztes Wort.«", '"Ende"',
    ]);
  });

  it("a document that is all page furniture fails clearly", () => {
    const batch = extractBatch([docOf("furniture-only.txt")], ctx);
    expect(batch.failures).toEqual([{ file: path("furniture-only.txt"), error: "no article text left after removing page furniture" }]);
  });

  it("a 5 MB file is processed in bounded time, with a warning that only its start was analysed", () => {
    const started = performance.now();
    const batch = extractBatch([docOf("five-mb.txt")], ctx);
    const seconds = (performance.now() - started) / 1000;
    expect(batch.failures).toEqual([]);
    expect(batch.articles).toHaveLength(1);
    expect(batch.articles[0]!.sentences.length).toBeGreaterThan(50_000);
    expect(batch.warnings).toEqual([{ file: path("five-mb.txt"), warning: expect.stringContaining("first 200,000 characters") }]);
    expect(seconds).toBeLessThan(45);
  });
});

describe("a batch mixing good and bad files", () => {
  it("extracts the good ones and names every bad one", () => {
    const results = readInputs([dir]).filter((r) => !(r.ok && r.doc.file.endsWith("five-mb.txt")));
    const docs = results.flatMap((r) => (r.ok ? [r.doc] : []));
    const readErrors = results.flatMap((r) => (r.ok ? [] : [r.file.slice(dir.length + 1)]));
    expect(readErrors.sort()).toEqual(["binary.txt", "blank.txt", "broken-front-matter.md", "empty.txt", "no-text.json", "too-large.txt"]);
    const batch = extractBatch(docs, ctx);
    expect(batch.articles.map((g) => g.article.file.slice(dir.length + 1)).sort()).toEqual(["good.txt", "latin1.txt", "no-punctuation.txt", "only-quotes.txt", "scripts.html"]);
    expect(batch.failures.map((f) => f.file.slice(dir.length + 1))).toEqual(["furniture-only.txt"]);
  });
});

// ------------------------------------------------------------------------------------------------ the CLI

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const cli = (args: string[], cwd = pkgDir) =>
  spawnSync(process.execPath, [tsxCli, join(pkgDir, "src", "cli.ts"), ...args], {
    cwd,
    env: { ...process.env, INIT_CWD: cwd, FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });

describe("the CLI, spawned", () => {
  let mixed: string;
  beforeAll(() => {
    mixed = mkdtempSync(join(tmpdir(), "lagebild-cli-"));
    writeFileSync(join(mixed, "a-good.txt"), GOOD);
    writeFileSync(join(mixed, "b-empty.txt"), "");
    writeFileSync(join(mixed, "c-binary.txt"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(join(mixed, "d-latin1.txt"), Buffer.concat([Buffer.from("Der Pr"), Buffer.from([0xe4]), Buffer.from("sident traf am Montag in Genf ein.")]));
    writeFileSync(join(mixed, "e-no-text.json"), "{}");
    writeFileSync(join(mixed, "f-records.jsonl"), `${JSON.stringify({ text: "Ein Bericht aus Wien über die Gespräche." })}\nkaputt\n`);
  });
  afterAll(() => rmSync(mixed, { recursive: true, force: true }));

  it("extract: JSON on stdout only, one error line per bad file on stderr, exit code 1", () => {
    const r = cli(["extract", "."], mixed);
    expect(r.status).toBe(1);
    const out = InterchangeExport.parse(JSON.parse(r.stdout));
    expect(out.articles.map((a) => a.file.replace(/#\d+$/, ""))).toEqual(["a-good.txt", "d-latin1.txt", "f-records.jsonl"]);
    expect(r.stderr).toMatch(/^error: b-empty\.txt: empty file$/m);
    expect(r.stderr).toMatch(/^error: c-binary\.txt: binary data/m);
    expect(r.stderr).toMatch(/^error: e-no-text\.json: no "text" field$/m);
    expect(r.stderr).toMatch(/^error: f-records\.jsonl#2: invalid JSON/m);
    expect(r.stderr).toMatch(/^extract: 6 files, 3 articles new, 0 unchanged, 4 failed$/m);
  });

  it("extract: exit code 0 when every input is fine, relative paths resolved against INIT_CWD", () => {
    const r = cli(["extract", "a-good.txt", "d-latin1.txt", "a-good.txt"], mixed);
    expect(r.status).toBe(0);
    const out = InterchangeExport.parse(JSON.parse(r.stdout));
    expect(out.articles.map((a) => a.file)).toEqual(["a-good.txt", "d-latin1.txt"]);
    expect(out.articles[0]).toMatchObject({ title: "Außenminister beraten in Genf", published: "2026-03-05" });
    expect(r.stderr).toMatch(/^extract: 2 files, 2 articles new, 0 unchanged, 0 failed$/m);
  });

  it("a usage error exits with 2 and prints the usage on stderr, nothing on stdout", () => {
    const r = cli(["extract", "--bogus", "x"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: unknown option: --bogus\n\nUsage: lagebild/);
  });
});
