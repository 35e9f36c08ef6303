import "server-only";

import { serverDb } from "../server/db.ts";
import { articleTitle } from "./format.ts";

/**
 * Labels for articles that some views receive without their file name (the actor page, the corroboration list,
 * position evidence): untitled articles are named after their file everywhere ("Untitled article (file.txt)"), so the
 * file names of the untitled ones among `articles` are looked up in one query by id. Titled articles cost nothing.
 *
 * Returns `label(article)` for use while rendering.
 */
export async function articleLabels(articles: Iterable<{ id: string; title: string | null | undefined }>): Promise<(a: { id: string; title: string | null | undefined }) => string> {
  const ids = new Set<string>();
  for (const a of articles) if (!a.title?.trim()) ids.add(a.id);
  const files = new Map<string, string>();
  if (ids.size > 0) {
    const rows = await serverDb().article.findMany({ where: { id: { in: [...ids] } }, select: { id: true, file: true } });
    for (const r of rows) files.set(r.id, r.file);
  }
  return (a) => articleTitle(a.title, files.get(a.id));
}
