/**
 * Readers: turn paths into `RawDocument`s. Every problem is a value — `{ ok: false, file, error }` with a
 * one-line message naming the file — never an exception, so one bad file does not stop a batch.
 *
 * Supported: `.txt` (optional YAML front matter), `.md` (front matter, light Markdown), `.html`/`.htm`
 * (Readability), `.json` (object, array or `{ articles }`), `.jsonl`. Directories are expanded recursively
 * (hidden entries and node_modules skipped); a file named explicitly with another extension is read as text.
 * Files larger than `MAX_FILE_BYTES` (10 MB) are rejected before reading.
 */
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { RawDocument } from "../pipeline/types.ts";
import { decodeBytes } from "./decode.ts";
import { markdownToText, readFrontMatter } from "./frontmatter.ts";
import { readHtml } from "./html.ts";
import { readJson, readJsonLines, type RecordResult } from "./json.ts";

export { decodeBytes, normalizeText } from "./decode.ts";
export { readFrontMatter, markdownToText } from "./frontmatter.ts";
export { readHtml } from "./html.ts";
export { readJson, readJsonLines } from "./json.ts";
export { normaliseGiven, normaliseDate } from "./given.ts";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"];

export type ReadResult = RecordResult;
export interface ReadFailure {
  file: string;
  error: string;
}

/** A file to read: `file` is the label shown to users (the path as given), `path` the absolute path. */
export interface InputFile {
  file: string;
  path: string;
}

/** Expands files and directories (recursively) into input files; missing paths are failures. */
export function expandPaths(inputs: string[], cwd: string = process.cwd()): { files: InputFile[]; failures: ReadFailure[] } {
  const files: InputFile[] = [];
  const failures: ReadFailure[] = [];
  const seen = new Set<string>();
  const add = (file: string, path: string) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // keep the path
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ file, path });
  };
  const walk = (label: string, dir: string, depth: number, visited: Set<string>) => {
    if (depth > 32) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      failures.push({ file: label, error: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      const childLabel = join(label, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(path);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          failures.push({ file: childLabel, error: "broken symbolic link" });
          continue;
        }
      }
      if (isDir) {
        let real = path;
        try {
          real = realpathSync(path);
        } catch {
          // ignore
        }
        if (visited.has(real)) continue;
        walk(childLabel, path, depth + 1, new Set([...visited, real]));
      } else if (isFile && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) {
        add(childLabel, path);
      }
    }
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      failures.push({ file: input, error: code === "ENOENT" ? "no such file or directory" : `cannot access: ${code ?? String(e)}` });
      continue;
    }
    if (st.isDirectory()) walk(input, path, 0, new Set([realpathSync(path)]));
    else add(input, path);
  }
  return { files, failures };
}

function megabytes(n: number) {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads one file into zero or more documents (JSON arrays and JSONL give several). */
export function readInput(input: InputFile): ReadResult[] {
  const { file, path } = input;
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return [{ ok: false, file, error: "is a directory" }];
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return [{ ok: false, file, error: code === "ENOENT" ? "no such file or directory" : `cannot access: ${code ?? String(e)}` }];
  }
  if (size > MAX_FILE_BYTES) return [{ ok: false, file, error: `file too large: ${megabytes(size)} (limit ${megabytes(MAX_FILE_BYTES)})` }];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return [{ ok: false, file, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }];
  }
  return readBytes(bytes, file);
}

/** Reads already loaded bytes; the extension of `file` picks the format. */
export function readBytes(bytes: Uint8Array, file: string): ReadResult[] {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return [{ ok: false, file, error: decoded.error }];
  const ext = extname(file.replace(/#\d+$/, "")).toLowerCase();
  const text = decoded.text;
  if (ext === ".json") return readJson(text, file);
  if (ext === ".jsonl") return readJsonLines(text, file);
  if (ext === ".html" || ext === ".htm") {
    const html = readHtml(text);
    if ("error" in html) return [{ ok: false, file, error: html.error }];
    return [{ ok: true, doc: { file, text: html.text, given: html.given }, warnings: html.warnings }];
  }
  const fm = readFrontMatter(text);
  if (!fm.ok) return [{ ok: false, file, error: fm.error }];
  const body = ext === ".md" || ext === ".markdown" ? markdownToText(fm.body) : fm.body;
  if (!body.trim()) return [{ ok: false, file, error: "no text after the front matter" }];
  const doc: RawDocument = { file, text: body, given: fm.given };
  return [{ ok: true, doc, warnings: fm.warnings }];
}

/** Expands and reads every input, in order. */
export function readInputs(inputs: string[], cwd?: string): ReadResult[] {
  const results: ReadResult[] = [];
  for (const input of inputs) {
    const { files, failures } = expandPaths([input], cwd);
    results.push(...failures.map((f) => ({ ok: false as const, ...f })));
    for (const f of files) results.push(...readInput(f));
  }
  return results;
}

/** One line naming the file: `file: message`. */
export function formatError(f: ReadFailure): string {
  return `${f.file}: ${f.error.replace(/\s*\n\s*/g, " ")}`;
}
