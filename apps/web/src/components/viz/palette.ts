/**
 * Colours and glyphs of the analyst views. Pure data, safe for server and client components.
 *
 * Event kinds are coloured by their family (packages/model/src/ontology.ts): 20 kinds cannot get 20 colours that
 * people with a colour-vision deficiency tell apart, 11 families can (Paul Tol's "muted" scheme plus a dark and a
 * pale grey).
 * Colour never carries meaning alone: every legend, tooltip and list names the kind in text.
 */
import { EVENT_KINDS, type EventKindName } from "@lagebild/model";

export interface FamilyStyle {
  family: string;
  label: string;
  color: string;
  /** Text colour readable on `color`. */
  ink: string;
}

export const FAMILY_STYLES: readonly FamilyStyle[] = [
  { family: "meeting", label: "Meetings & talks", color: "#332288", ink: "#ffffff" },
  { family: "agreement", label: "Agreement & cooperation", color: "#117733", ink: "#ffffff" },
  { family: "request", label: "Demands & appeals", color: "#88CCEE", ink: "#1b1f24" },
  { family: "accusation", label: "Accusations", color: "#999933", ink: "#1b1f24" },
  { family: "rejection", label: "Rejections", color: "#AA4499", ink: "#ffffff" },
  { family: "threat", label: "Threats & warnings", color: "#DDCC77", ink: "#1b1f24" },
  { family: "protest", label: "Protest & crackdown", color: "#44AA99", ink: "#1b1f24" },
  { family: "coercion", label: "Sanctions", color: "#CC6677", ink: "#1b1f24" },
  { family: "mobilization", label: "Military build-up", color: "#555555", ink: "#ffffff" },
  { family: "attack", label: "Attacks", color: "#882255", ink: "#ffffff" },
  { family: "statement", label: "Statements", color: "#DDDDDD", ink: "#1b1f24" },
];

const UNKNOWN: FamilyStyle = { family: "other", label: "Other", color: "#bbbbbb", ink: "#1b1f24" };
const byFamily = new Map(FAMILY_STYLES.map((f) => [f.family, f]));
const kindInfo = new Map<string, (typeof EVENT_KINDS)[number]>(EVENT_KINDS.map((k) => [k.kind, k]));

export function familyOf(kind: string): string {
  return kindInfo.get(kind)?.family ?? "other";
}

export function kindStyle(kind: string): FamilyStyle {
  return byFamily.get(familyOf(kind)) ?? UNKNOWN;
}

export function kindColor(kind: string): string {
  return kindStyle(kind).color;
}

/** Legend rows: each family with the kinds it covers, in ontology order. Restrict to `present` kinds when given. */
export function kindLegend(present?: Iterable<string>): { style: FamilyStyle; kinds: { kind: EventKindName; label: string }[] }[] {
  const only = present ? new Set(present) : null;
  return FAMILY_STYLES.map((style) => ({
    style,
    kinds: EVENT_KINDS.filter((k) => k.family === style.family && (!only || only.has(k.kind))).map((k) => ({ kind: k.kind, label: k.label })),
  })).filter((row) => row.kinds.length > 0);
}

/** Stance: colour (Okabe–Ito) AND a glyph AND a word, so it is never colour alone. */
export const STANCES = ["support", "oppose", "neutral", "ambiguous"] as const;
export type StanceName = (typeof STANCES)[number];

export const STANCE_STYLE: Record<StanceName, { glyph: string; label: string; color: string; bg: string; ink: string }> = {
  support: { glyph: "✓", label: "supports", color: "#0072B2", bg: "#d7e9f5", ink: "#003b5c" },
  oppose: { glyph: "✕", label: "opposes", color: "#D55E00", bg: "#f9dfcc", ink: "#6b2f00" },
  neutral: { glyph: "○", label: "neutral", color: "#6b7480", bg: "#eceef2", ink: "#1b1f24" },
  ambiguous: { glyph: "?", label: "ambiguous", color: "#b07800", bg: "#fdf1d6", ink: "#5a3d00" },
};

export function stanceStyle(stance: string) {
  return STANCE_STYLE[(STANCES as readonly string[]).includes(stance) ? (stance as StanceName) : "ambiguous"];
}

/**
 * Agreement share 0…1 → a sequential blue scale (light = little agreement, dark = much), readable in greyscale too.
 * The cell always prints the share and the counts as text.
 */
export function agreementColor(share: number): { bg: string; ink: string } {
  const steps = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"];
  const i = Math.max(0, Math.min(steps.length - 1, Math.round(share * (steps.length - 1))));
  return { bg: steps[i]!, ink: i >= 6 ? "#ffffff" : "#1b1f24" };
}
