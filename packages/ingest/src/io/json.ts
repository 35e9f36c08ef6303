/**
 * JSON readers: `.json` holds one article object, an array of them, or `{ "articles": [...] }`; `.jsonl` holds
 * one article object per line. Each object needs a non-empty `text`; metadata fields are the front-matter ones.
 */
import type { RawDocument } from "../pipeline/types.ts";
import { normaliseGiven } from "./given.ts";
import { normalizeText } from "./decode.ts";

export type RecordResult = { ok: true; doc: RawDocument; warnings: string[] } | { ok: false; file: string; error: string };

function fromRecord(record: unknown, label: string): RecordResult {
  if (!record || typeof record !== "object" || Array.isArray(record)) return { ok: false, file: label, error: "expected an object with a \"text\" field" };
  const r = record as Record<string, unknown>;
  if (typeof r.text !== "string") return { ok: false, file: label, error: "no \"text\" field" };
  const text = normalizeText(r.text);
  if (!text.trim()) return { ok: false, file: label, error: "empty \"text\" field" };
  const { given, warnings } = normaliseGiven(r);
  return { ok: true, doc: { file: label, text, given }, warnings };
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!;

export function readJson(text: string, file: string): RecordResult[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return [{ ok: false, file, error: `invalid JSON: ${firstLine(e)}` }];
  }
  if (data && typeof data === "object" && !Array.isArray(data) && Array.isArray((data as { articles?: unknown }).articles)) {
    data = (data as { articles: unknown[] }).articles;
  }
  if (Array.isArray(data)) {
    if (!data.length) return [{ ok: false, file, error: "empty JSON array: no articles" }];
    return data.map((record, i) => fromRecord(record, `${file}#${i + 1}`));
  }
  return [fromRecord(data, file)];
}

export function readJsonLines(text: string, file: string): RecordResult[] {
  const results: RecordResult[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const label = `${file}#${i + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (e) {
      results.push({ ok: false, file: label, error: `invalid JSON: ${firstLine(e)}` });
      continue;
    }
    results.push(fromRecord(data, label));
  }
  if (!results.length) return [{ ok: false, file, error: "no JSON lines" }];
  return results;
}
