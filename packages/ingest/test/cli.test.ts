// The CLI in process (main() with captured streams): argument handling, exit codes, output discipline.
// test/hostile.test.ts spawns the real process.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, parseArgs } from "../src/cli.ts";
import { createProgress } from "../src/progress.ts";

const sink = (isTTY = false) => {
  const chunks: string[] = [];
  return { write: (s: string) => chunks.push(s), isTTY, columns: 100, text: () => chunks.join("") };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lagebild-cli-unit-"));
  writeFileSync(join(dir, "one.txt"), "Gipfel in Genf\nStand: 05.03.2026\nDie Außenminister trafen sich am Mittwoch in Genf.");
  writeFileSync(join(dir, "two.md"), "---\ntitle: Zweiter Bericht\npublished: 2026-03-06\n---\nDie Gespräche in Genf gingen am Freitag weiter.");
  writeFileSync(join(dir, "bad.json"), "[1, 2");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (argv: string[]) => {
  const stdout = sink();
  const stderr = sink();
  const code = await main(argv, { stdout, stderr, cwd: dir });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
};

describe("parseArgs", () => {
  it("reads the command, paths and options", () => {
    expect(parseArgs(["extract", "a", "--dossier", "x", "b", "-q"])).toEqual({ command: "extract", paths: ["a", "b"], dossier: "x", quiet: true });
    expect(parseArgs(["ingest", "--dossier=y", "--", "--odd-name"])).toEqual({ command: "ingest", paths: ["--odd-name"], dossier: "y", quiet: false });
    expect(parseArgs([])).toBe("help");
    expect(parseArgs(["extract", "-h"])).toBe("help");
  });
  it("rejects unknown commands and options and a missing path", () => {
    expect(() => parseArgs(["frob"])).toThrow(/unknown command/);
    expect(() => parseArgs(["extract", "--x"])).toThrow(/unknown option/);
    expect(() => parseArgs(["extract"])).toThrow(/no files or directories/);
    expect(() => parseArgs(["extract", "a", "--dossier"])).toThrow(/needs an id/);
  });
});

describe("main", () => {
  it("extract prints only JSON on stdout and per-file lines plus a summary on stderr", async () => {
    const r = await run(["extract", "."]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { articles: { file: string; published: string | null }[] };
    expect(out.articles.map((a) => [a.file, a.published])).toEqual([["one.txt", "2026-03-05"], ["two.md", "2026-03-06"]]);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^error: bad\.json: invalid JSON/),
      expect.stringMatching(/^ok: one\.txt \(/),
      expect.stringMatching(/^ok: two\.md \(/),
      "extract: 3 files, 2 articles new, 0 unchanged, 1 failed",
    ]);
  });

  it("--quiet keeps errors and the summary", async () => {
    const r = await run(["extract", "-q", "one.txt", "bad.json"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([expect.stringMatching(/^error: bad\.json: /), "extract: 2 files, 1 article new, 0 unchanged, 1 failed"]);
  });

  it("exit code 0 when all inputs are fine; 1 when nothing was found", async () => {
    expect((await run(["extract", "one.txt"])).code).toBe(0);
    const missing = await run(["extract", "missing-dir"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: missing-dir: no such file or directory$/m);
  });

  it("usage errors and unknown dossiers exit with 2 and print nothing on stdout", async () => {
    for (const argv of [["extract"], ["frob", "x"], ["extract", "--bogus", "x"], ["extract", "--dossier", "nope", "x"]]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: /);
    }
  });

  it("--help prints the usage on stdout", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: lagebild <command>/);
  });
});

describe("progress", () => {
  it("writes one plain line per file when not on a terminal", () => {
    const s = sink(false);
    const p = createProgress(s);
    p.setTotal(2);
    p.step("a.txt", "new", "3 sentences");
    p.step("b.txt", "failed", "empty file");
    p.done();
    expect(s.text()).toBe("ok: a.txt (3 sentences)\nerror: b.txt: empty file\n");
  });

  it("draws a bar on a terminal for several files and prints errors above it", () => {
    const s = sink(true);
    const p = createProgress(s);
    p.setTotal(2);
    p.step("a.txt", "new");
    p.step("b.txt", "failed", "empty file");
    p.done();
    const text = s.text();
    expect(text).toContain("[############------------] 1/2 a.txt");
    expect(text).toContain("error: b.txt: empty file\n");
    expect(text).toContain("2/2 (1 failed)");
    expect(text.endsWith("\r\x1b[2K")).toBe(true);
  });

  it("uses plain lines on a terminal for a single file", () => {
    const s = sink(true);
    const p = createProgress(s);
    p.setTotal(1);
    p.step("a.txt", "new");
    expect(s.text()).toBe("ok: a.txt\n");
  });
});
