/**
 * YAML front matter for .txt and .md files:
 *
 *     ---
 *     title: …
 *     published: 2026-02-06
 *     ---
 *     body
 */
import { parse } from "yaml";
import { normaliseGiven, type Normalised } from "./given.ts";

export type FrontMatter = { ok: true; body: string } & Normalised | { ok: false; error: string };

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

export function hasFrontMatter(text: string): boolean {
  return OPEN.test(text);
}

/** Splits off and reads the front matter; text without one comes back unchanged with no metadata. */
export function readFrontMatter(text: string): FrontMatter {
  if (!OPEN.test(text)) return { ok: true, body: text, given: {}, warnings: [] };
  const rest = text.replace(OPEN, "");
  const close = CLOSE.exec(rest);
  if (!close || close.index > 64 * 1024) return { ok: false, error: "broken front matter: opening --- without a closing --- line" };
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\n/, "");
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return { ok: false, error: `broken front matter: ${message}` };
  }
  if (data === null || data === undefined) return { ok: true, body, given: {}, warnings: [] };
  if (typeof data !== "object" || Array.isArray(data)) return { ok: false, error: "broken front matter: expected key: value pairs" };
  return { ok: true, body, ...normaliseGiven(data as Record<string, unknown>) };
}

/** Light Markdown to text: headings, emphasis, links and images, block quotes, rules. */
export function markdownToText(md: string): string {
  return md
    .split("\n")
    .filter((l) => !/^\s*(?:[-*_]\s*){3,}$/.test(l))
    .map((l) =>
      l
        .replace(/^\s{0,3}#{1,6}\s+/, "")
        .replace(/\s+#+\s*$/, "")
        .replace(/^\s{0,3}>\s?/, "")
        .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
        .replace(/(?<![\p{L}\p{N}*_])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}*_])/gu, "$2")
        .replace(/`([^`]+)`/g, "$1"),
    )
    .join("\n");
}
