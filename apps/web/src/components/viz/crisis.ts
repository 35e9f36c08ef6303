/**
 * The "current crisis" window per dossier: the focus of the timeline's broken axis and of the "current crisis"
 * preset. Dossier data files carry no dates, so the window is kept here; unknown dossiers fall back to the last
 * 60 days of the data.
 */
import { addDays } from "./time-scale.ts";

const WINDOWS: Record<string, { from: string; to: string; label: string }> = {
  "us-iran-2026": { from: "2026-01-01", to: "2026-02-28", label: "Current crisis (Jan–Feb 2026)" },
};

export function crisisWindow(dossier: string | null | undefined, dataMax?: string | null): { from: string; to: string; label: string } | null {
  const known = dossier ? WINDOWS[dossier] : WINDOWS["us-iran-2026"];
  if (known) return known;
  if (!dataMax) return null;
  return { from: addDays(dataMax, -59), to: dataMax, label: "Last 60 days" };
}

/** Where a link to an article's sentence points (the article page marks sentences with these anchors). */
export function sentenceHref(articleId: string, sentence: number): string {
  return `/articles/${articleId}#s-${sentence}`;
}
