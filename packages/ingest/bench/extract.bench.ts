/**
 * Extraction throughput: the seed corpus repeated to 1,000 articles through the whole pipeline
 * (`extractBatch`: clean → metadata → sentences → dates → mentions → resolve → events → quotes → positions,
 * then merge across the batch), in one thread; plus peak memory and a per-stage breakdown.
 *
 *   pnpm --filter @lagebild/ingest bench            (writes <repo>/bench/extract.json and prints it)
 *   SEEDS=<dir> ARTICLES=2000 pnpm --filter @lagebild/ingest bench
 *
 * Each copy gets a distinct closing line so the batch does not drop it as a duplicate (same content hash).
 * The pipeline is synchronous (one JavaScript thread, no workers); on Linux the bench re-runs itself under
 * `taskset -c 0` so the garbage collector's helper threads share that one core too (BENCH_NO_PIN=1 to skip).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname } from "node:path";
import { resourceUsage } from "node:process";
import { fileURLToPath } from "node:url";
import { analyseArticle } from "../src/intelligence.ts";
import { readInputs } from "../src/io/index.ts";
import { anchorOf, createContext, extractBatch, sha256 } from "../src/pipeline/index.ts";
import type { RawDocument } from "../src/pipeline/types.ts";
import { clean } from "../src/stages/clean.ts";
import { findDates } from "../src/stages/dates.ts";
import { extractMetadata } from "../src/stages/metadata.ts";
import { mergeEvents } from "../src/stages/merge.ts";
import { splitSentences } from "../src/stages/sentences.ts";

// Pin to one core: re-run under taskset unless already pinned (or taskset is missing).
if (process.platform === "linux" && !process.env.BENCH_PINNED && !process.env.BENCH_NO_PIN) {
  const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_PINNED: "1" },
  });
  if (!child.error) process.exit(child.status ?? 1);
}

const seedsDir = process.env.SEEDS ?? fileURLToPath(new URL("../../../../shared/corpus/seeds/", import.meta.url));
const total = Number(process.env.ARTICLES ?? 1000);
const target = 300;
const outFile = fileURLToPath(new URL("../../../bench/extract.json", import.meta.url));

const seeds = readInputs([seedsDir]).flatMap((r) => (r.ok ? [r.doc] : []));
if (!seeds.length) {
  process.stderr.write(`bench: no seed articles in ${seedsDir}\n`);
  process.exit(1);
}
const copies = (n: number, tag: string): RawDocument[] =>
  Array.from({ length: n }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    return { file: `${tag}-${i}-${seed.file.split("/").pop()}`, text: `${seed.text}\n\nBenchmark-Kopie ${tag} ${i}.`, given: seed.given };
  });

const ctx = createContext();
let peakRss = process.memoryUsage().rss;
const sample = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
};

// Warm-up: lexicons load, the JIT compiles the hot paths.
extractBatch(copies(50, "warmup"), ctx);
sample();

const docs = copies(total, "run");

const started = performance.now();
const cpuStart = process.cpuUsage();
const batch = extractBatch(docs, ctx, { onDocument: sample });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
sample();
const merged = batch.events.length;
if (batch.failures.length || batch.articles.length !== total) {
  process.stderr.write(`bench: ${batch.failures.length} failures, ${batch.articles.length}/${total} articles: ${JSON.stringify(batch.failures.slice(0, 3))}\n`);
  process.exit(1);
}

// Merge alone, over the graphs of the timed batch.
const mergeStarted = performance.now();
mergeEvents(batch.articles);
const mergeSeconds = (performance.now() - mergeStarted) / 1000;

// Per-stage breakdown on a smaller sample (same stage functions the orchestrator chains).
const stageMs = { clean: 0, sentences: 0, metadata: 0, dates: 0, intelligence: 0 };
const sampleDocs = copies(Math.min(total, 250), "stages");
for (const doc of sampleDocs) {
  let t = performance.now();
  const lap = (k: keyof typeof stageMs) => {
    const now = performance.now();
    stageMs[k] += now - t;
    t = now;
  };
  const cleaned = clean(doc.text);
  lap("clean");
  const sentences = splitSentences(cleaned.text);
  lap("sentences");
  const metadata = extractMetadata(cleaned, doc.given, { sentences });
  lap("metadata");
  const dates = findDates(sentences, anchorOf(metadata));
  lap("dates");
  analyseArticle({ text: cleaned.text, sentences, dates, published: metadata.published, authors: metadata.authors, captions: cleaned.captions, dossier: ctx.dossier, article: sha256(cleaned.text) });
  lap("intelligence");
}
sample();

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const result = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  logicalCpus: cpus().length,
  threads: "one (the pipeline is synchronous; no workers)",
  pinnedToOneCore: process.env.BENCH_PINNED === "1",
  corpus: { seeds: seeds.length, articles: total, warmup: 50 },
  seconds: round(seconds, 3),
  articlesPerSecond: round(total / seconds, 1),
  msPerArticle: round((seconds * 1000) / total, 3),
  // CPU time of this process for the same batch: comparable across runs on a busy machine.
  cpuSeconds: round(cpuSeconds, 3),
  articlesPerCpuSecond: round(total / cpuSeconds, 1),
  loadAverage1m: round(loadavg()[0] ?? 0, 2),
  mergedEvents: merged,
  stageMsPerArticle: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, round(v / sampleDocs.length, 3)])),
  mergeSecondsForBatch: round(mergeSeconds, 3),
  memory: {
    peakRssMB: mb(peakRss),
    maxRssMB: mb(resourceUsage().maxRSS * 1024),
    heapUsedMB: mb(process.memoryUsage().heapUsed),
  },
  target: { articlesPerSecond: target, met: total / seconds >= target },
};

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
