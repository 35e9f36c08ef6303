/**
 * Behaviour guard for performance work: saves the extraction output of fixed input sets ("goldens") and later
 * checks that the current code produces byte-identical output.
 *
 *   pnpm --filter @lagebild/ingest exec tsx bench/golden-check.ts save  /tmp/golden   (before changing anything)
 *   pnpm --filter @lagebild/ingest exec tsx bench/golden-check.ts check /tmp/golden   (after each change; exit 1 on a diff)
 *
 * Keep the directory outside the repo. Two kinds of output are compared:
 * - `cli-<set>.json`: `pnpm --silent extract <files>` for each set separately (seeds, each held-out set, demo, test articles),
 *   i.e. the interchange JSON a user sees;
 * - `batch-<set>.json`: the full `extractBatch` result (every article graph with mentions, offsets and evidence,
 *   merged events, warnings), in-process, for a mixed batch of everything plus the seeds repeated as in the bench
 *   (`GOLDEN_COPIES`, default 300), so merging and re-dating across a large batch are covered too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInputs } from "../src/io/index.ts";
import { createContext, extractBatch } from "../src/pipeline/index.ts";
import type { RawDocument } from "../src/pipeline/types.ts";

const [mode, dir] = process.argv.slice(2);
if ((mode !== "save" && mode !== "check") || !dir) {
  process.stderr.write("usage: tsx bench/golden-check.ts save|check <dir outside the repo>\n");
  process.exit(2);
}

const pkg = fileURLToPath(new URL("..", import.meta.url));
const repo = join(pkg, "../..");
const seedsDir = process.env.SEEDS ?? join(repo, "../shared/corpus/seeds");
const copies = Number(process.env.GOLDEN_COPIES ?? 300);

const filesIn = (d: string, pattern: RegExp) =>
  readdirSync(d)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(d, f));
const heldout = join(pkg, "test/heldout");
// Each held-out set (h01…, g01…, k01…, b01…: one letter per set) separately, as the tests score them.
const heldoutSets = Object.fromEntries(
  [...new Set(filesIn(heldout, /^[a-z]\d.*\.txt$/).map((f) => f.split("/").pop()![0]!))].map((letter) => [letter, filesIn(heldout, new RegExp(`^${letter}\\d.*\\.txt$`))]),
);
const sets: Record<string, string[]> = {
  seeds: filesIn(seedsDir, /\.txt$/),
  ...heldoutSets,
  demo: filesIn(join(repo, "demo/corpus"), /./),
  articles: filesIn(join(pkg, "test/articles"), /\.txt$/),
};

const outputs = new Map<string, string>();

for (const [name, files] of Object.entries(sets)) {
  const run = spawnSync("pnpm", ["--silent", "extract", ...files], { cwd: repo, encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.error) throw run.error;
  outputs.set(`cli-${name}.json`, run.stdout);
}

// One in-process batch of everything, with the seeds repeated (distinct closing lines, as in the bench).
const docs = (paths: string[]) => readInputs(paths).flatMap((r) => (r.ok ? [r.doc] : []));
const seeds = docs(sets.seeds!);
const repeated: RawDocument[] = Array.from({ length: copies }, (_, i) => {
  const seed = seeds[i % seeds.length]!;
  return { ...seed, file: `copy-${i}-${seed.file.split("/").pop()}`, text: `${seed.text}\n\nBenchmark-Kopie ${i}.` };
});
const everything = docs(Object.values(sets).flat());
const batch = extractBatch([...everything, ...repeated], createContext());
outputs.set("batch-mixed.json", `${JSON.stringify(batch, null, 1)}\n`);

mkdirSync(dir, { recursive: true });
let differing = 0;
for (const [file, text] of outputs) {
  const path = join(dir, file);
  if (mode === "save") {
    writeFileSync(path, text);
    process.stdout.write(`saved ${path} (${text.length} chars)\n`);
    continue;
  }
  if (!existsSync(path)) {
    process.stdout.write(`MISSING ${path}\n`);
    differing++;
    continue;
  }
  if (readFileSync(path, "utf8") === text) process.stdout.write(`same    ${file}\n`);
  else {
    differing++;
    const got = join(dir, `${file}.new`);
    writeFileSync(got, text);
    process.stdout.write(`DIFFERS ${file}: diff ${path} ${got}\n`);
  }
}
if (mode === "check") {
  process.stdout.write(differing ? `${differing} output(s) differ\n` : "all outputs identical\n");
  process.exit(differing ? 1 : 0);
}
