/** Small text helpers for the analyst views (pure). */
import { EVENT_KINDS } from "@lagebild/model";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const KIND_LABEL = new Map<string, string>(EVENT_KINDS.map((k) => [k.kind, k.label]));

/** Short kind label ("Negotiate", "Meet, visit, call"). */
export function kindName(kind: string): string {
  return KIND_LABEL.get(kind) ?? kind;
}

/** `2026-02-06` → `6 Feb 2026`. */
export function dayLabel(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** A date as precisely as it is known: `6 Feb 2026`, `Feb 2026`, `2026`. */
export function fuzzyLabel(value: string | null | undefined, fallback = "undated"): string {
  if (!value) return fallback;
  if (value.length >= 10) return dayLabel(value.slice(0, 10));
  if (value.length >= 7) return `${MONTHS[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;
  return value.slice(0, 4);
}

/** Inclusive day range as text: `6 Feb 2026`, `3 Jan – 12 Feb 2026`, `Dec 2025 – Feb 2026` style where it helps. */
export function rangeLabel(from: string | null, to: string | null): string {
  if (!from || !to) return "undated";
  if (from === to) return dayLabel(from);
  const [fy, fm, fd] = from.split("-");
  const [ty] = to.split("-");
  const start = fy === ty ? `${Number(fd)} ${MONTHS[Number(fm) - 1]}` : dayLabel(from);
  return `${start} – ${dayLabel(to)}`;
}

export function countLabel(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/**
 * Splits a lane name into lines of at most `n` characters, at spaces where possible (a longer word is split
 * without a hyphen). Joined, the lines give back the name: each line but the last keeps the space it broke at, so
 * the drawn text reads as the whole name.
 */
export function wrapLabel(label: string, n: number): string[] {
  const words = label.trim().split(/\s+/);
  const lines: string[] = [];
  let cur = "";
  for (let w of words) {
    if (cur && cur.length + 1 + w.length <= n) {
      cur += ` ${w}`;
      continue;
    }
    if (cur) lines.push(`${cur} `);
    while (w.length > n) {
      lines.push(w.slice(0, n));
      w = w.slice(n);
    }
    cur = w;
  }
  if (cur || lines.length === 0) lines.push(cur);
  return lines;
}
