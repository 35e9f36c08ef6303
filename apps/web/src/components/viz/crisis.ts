/**
 * The "current crisis" window: the focus of the timeline's broken axis and of the "current crisis" preset. It comes from
 * the dossier's data file (`window`, optional); a dossier without one falls back to the last 60 days of the data.
 */
import { rangeLabel } from "./format.ts";
import { addDays } from "./time-scale.ts";

export type CrisisWindow = { from: string; to: string; label: string };

export function crisisWindow(window: { from: string; to: string; label?: string } | null | undefined, dataMax?: string | null): CrisisWindow | null {
  if (window) return { from: window.from, to: window.to, label: window.label ?? `Current crisis (${rangeLabel(window.from, window.to)})` };
  if (!dataMax) return null;
  return { from: addDays(dataMax, -59), to: dataMax, label: "Last 60 days" };
}

/** Where a link to an article's sentence points (the article page marks sentences with these anchors). */
export function sentenceHref(articleId: string, sentence: number): string {
  return `/articles/${articleId}#s-${sentence}`;
}
