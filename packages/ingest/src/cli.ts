/**
 * Command line: `lagebild extract|ingest <files|dirs…>` (run as `pnpm extract …` / `pnpm ingest …` from the repo root).
 *
 * - `extract` prints the interchange JSON on stdout and nothing else; progress, errors and the summary go to stderr.
 *   It needs no database.
 * - `ingest` extracts and stores the articles with @lagebild/db (DATABASE_URL, else the embedded Postgres).
 *
 * Relative paths are resolved against INIT_CWD (set by pnpm to the directory it was started from, since
 * `pnpm --filter` runs scripts in the package directory), else the current directory.
 * Exit codes: 0 all ok, 1 some inputs failed (the others are still processed), 2 usage error.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ArticleGraph } from "@lagebild/model";
import { expandPaths, readInput, type ReadFailure } from "./io/index.ts";
import { createContext, extractBatch, toInterchange, type BatchResult, type ExtractContext, type RawDocument } from "./pipeline/index.ts";
import { createProgress, type Progress } from "./progress.ts";

export const USAGE = `Usage: lagebild <command> [options] <files|directories…>

Commands:
  extract   Extract articles and print the interchange JSON on stdout (no database needed)
  ingest    Extract articles and store them in the database (DATABASE_URL, else the embedded Postgres)

Inputs: .txt and .md (optional YAML front matter: url, title, published, outlet, authors, agencies),
.html/.htm, .json (an object or an array of objects with "text") and .jsonl; directories are read recursively.

Options:
  --dossier <id>   Dossier whose issue codebook and known actors to use (default: us-iran-2026)
  -q, --quiet      Only errors and the summary on stderr
  -h, --help       Show this help

Exit codes: 0 all inputs ok, 1 some inputs failed (the others are still processed), 2 usage error.
`;

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
}

interface ParsedArgs {
  command: "extract" | "ingest";
  paths: string[];
  dossier?: string;
  quiet: boolean;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs | "help" {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") return "help";
  if (command !== "extract" && command !== "ingest") throw new UsageError(`unknown command: ${command}`);
  const paths: string[] = [];
  let dossier: string | undefined;
  let quiet = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--") {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") return "help";
    if (arg === "-q" || arg === "--quiet") quiet = true;
    else if (arg === "--dossier" || arg.startsWith("--dossier=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : rest[++i];
      if (!value) throw new UsageError("--dossier needs an id");
      dossier = value;
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option: ${arg}`);
    else paths.push(arg);
  }
  if (!paths.length) throw new UsageError(`${command}: no files or directories given`);
  return { command, paths, dossier, quiet };
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");

interface Extracted {
  batch: BatchResult;
  readFailures: ReadFailure[];
  files: number;
}

/** Reads and extracts every input; reports each document through `onDocument`. */
function extractInputs(args: ParsedArgs, ctx: ExtractContext, io: CliIo, progress: Progress | null, warn: (line: string) => void): Extracted {
  const readFailures: ReadFailure[] = [];
  let files = 0;
  let steps = 0;
  // One expansion for all inputs: a file named twice (or inside two given directories) is read once.
  const expanded = [expandPaths(args.paths, io.cwd)];
  const total = expanded.reduce((n, e) => n + e.files.length + e.failures.length, 0);
  progress?.setTotal(total);
  steps = total;

  const shown = new Set<string>();
  function* documents(): Generator<RawDocument> {
    for (const { files: inputs, failures } of expanded) {
      for (const f of failures) {
        readFailures.push(f);
        progress?.step(f.file, "failed", f.error);
      }
      for (const input of inputs) {
        files += 1;
        const results = readInput(input);
        if (results.length > 1) {
          steps += results.length - 1;
          progress?.setTotal(steps);
        }
        for (const r of results) {
          if (!r.ok) {
            readFailures.push({ file: r.file, error: r.error });
            progress?.step(r.file, "failed", r.error);
            continue;
          }
          for (const w of r.warnings) warn(`warning: ${r.doc.file}: ${w}`);
          yield r.doc;
        }
      }
    }
  }

  const batch = extractBatch(documents(), ctx, {
    onDocument(file, outcome) {
      if (outcome.status === "failed") progress?.step(file, "failed", outcome.error);
      else if (outcome.status === "duplicate") progress?.step(file, "unchanged", `same text as ${outcome.of}`);
      else {
        for (const w of outcome.warnings) {
          shown.add(`${file}\t${w}`);
          warn(`warning: ${file}: ${w}`);
        }
        progress?.step(file, "new", describe(outcome.graph));
      }
    },
  });
  // Notes from the batch-level steps (e.g. dates inferred from other articles' reports).
  for (const w of batch.warnings) if (!shown.has(`${w.file}\t${w.warning}`)) warn(`note: ${w.file}: ${w.warning}`);
  return { batch, readFailures, files };
}

function describe(g: ArticleGraph): string {
  const parts = [`${g.sentences.length} sentences`];
  if (g.article.published) parts.push(`published ${g.article.published.value}${g.article.published.source === "inferred" ? " (inferred)" : ""}`);
  if (g.events.length) parts.push(`${g.events.length} events`);
  return parts.join(", ");
}

function summary(command: string, files: number, counts: { new: number; unchanged: number; failed: number }): string {
  return `${command}: ${files} file${files === 1 ? "" : "s"}, ${counts.new} article${counts.new === 1 ? "" : "s"} new, ${counts.unchanged} unchanged, ${counts.failed} failed`;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: ParsedArgs | "help";
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`error: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  let ctx: ExtractContext;
  try {
    ctx = createContext(args.dossier);
  } catch (e) {
    io.stderr.write(`error: ${oneLine(e)}\n`);
    return 2;
  }

  const progress = args.quiet ? null : createProgress(io.stderr);
  const warn = (line: string) => (progress ? progress.message(line) : undefined);
  const startedAt = new Date();

  if (args.command === "extract") {
    const { batch, readFailures, files } = extractInputs(args, ctx, io, progress, warn);
    progress?.done();
    if (args.quiet) for (const f of [...readFailures, ...batch.failures]) io.stderr.write(`error: ${f.file}: ${f.error}\n`);
    io.stdout.write(`${JSON.stringify(toInterchange(batch), null, 2)}\n`);
    const failed = readFailures.length + batch.failures.length;
    io.stderr.write(`${summary("extract", files, { new: batch.articles.length, unchanged: batch.duplicates.length, failed })}\n`);
    if (!files && !failed) {
      io.stderr.write("error: no article files found in the given paths\n");
      return 1;
    }
    return failed ? 1 : 0;
  }

  // ingest
  const quietProgress = args.quiet ? null : createProgress(io.stderr, { bar: false });
  const { batch, readFailures, files } = extractInputs(args, ctx, io, null, warn);
  const preFailures = [...readFailures, ...batch.failures];
  for (const f of preFailures) io.stderr.write(`error: ${f.file}: ${f.error}\n`);
  if (!files && !preFailures.length) {
    io.stderr.write("error: no article files found in the given paths\n");
    return 1;
  }
  let persisted: { new: number; unchanged: number; failed: number };
  try {
    const db = await import("@lagebild/db");
    const handle = await db.ensureDatabaseUrl();
    try {
      await db.migrateDeploy(handle.url);
      const client = db.createDb(handle.url);
      try {
        const bar = progress && batch.articles.length > 1 && io.stderr.isTTY ? progress : quietProgress;
        bar?.setTotal(batch.articles.length);
        const result = await db.persistExtraction(client, batch, {
          dossier: ctx.dossier,
          onArticle(o) {
            bar?.step(o.file, o.status, o.status === "failed" ? o.error : o.eventsCreated !== undefined ? `${o.eventsCreated} events created, ${o.eventsAttached ?? 0} attached` : undefined);
          },
        });
        bar?.done();
        if (args.quiet) for (const o of result.articles) if (o.status === "failed") io.stderr.write(`error: ${o.file}: ${o.error ?? "failed"}\n`);
        for (const d of batch.duplicates) quietProgress?.step(d.file, "unchanged", `same text as ${d.of}`);
        await db.recordIngestRun(client, {
          origin: "cli",
          startedAt,
          result,
          articlesUnchanged: result.unchanged + batch.duplicates.length,
          failures: preFailures.map((f) => ({ file: f.file, error: f.error })),
        });
        persisted = { new: result.new, unchanged: result.unchanged + batch.duplicates.length, failed: result.failed + preFailures.length };
      } finally {
        await client.$disconnect();
      }
    } finally {
      await handle.stop();
    }
  } catch (e) {
    io.stderr.write(`error: database: ${oneLine(e)}\n`);
    return 1;
  }
  io.stderr.write(`${summary("ingest", files, persisted)}\n`);
  return persisted.failed ? 1 : 0;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const cwd = process.env.INIT_CWD || process.cwd();
  // `extract … | head`: a reader that stops early is not an error of ours.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    throw e;
  });
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd }).then(
    (code) => {
      // Exit explicitly once stdout is flushed: the embedded database's exit hooks would otherwise end the
      // process with code 0.
      process.exitCode = code;
      process.stdout.write("", () => process.exit(code));
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
