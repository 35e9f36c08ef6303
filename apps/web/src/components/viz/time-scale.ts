/**
 * Time axes for the timeline, pure functions on `YYYY-MM-DD` strings (UTC days).
 *
 * A crisis timeline has a long, thin background (2025: a few month- or year-precision events) and a dense present
 * (January–February 2026: several events a day). A linear axis makes one of them unreadable, so the detail axis is
 * *broken*: the time before the focus window is compressed into a narrow segment, a visible break separates it from
 * the focus window, and each segment gets its own ticks. The overview strip above it stays linear and honest.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → whole days since 1970-01-01 (UTC). */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Whole days since 1970-01-01 → `YYYY-MM-DD`. */
export function isoOfDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

export interface Segment {
  /** First day (inclusive) and end (exclusive) of the segment, as day numbers. */
  d0: number;
  d1: number;
  /** Pixel range. */
  x0: number;
  x1: number;
  compressed: boolean;
}

export interface BrokenScale {
  segments: Segment[];
  /** x of the *start* of a day (day number, may be fractional). Clamped to the domain. */
  x: (day: number) => number;
  /** x of the start of an ISO day. */
  xOf: (iso: string) => number;
  /** Pixel x of the break(s) between segments, for the zig-zag marker. */
  breaks: number[];
  width: number;
  domain: [string, string];
}

export interface BrokenScaleOptions {
  /** The focus window (e.g. the current crisis); the time before it is compressed. */
  focus?: [string, string] | null;
  /** Share of the width the compressed segment gets (default 0.26). */
  compressedShare?: number;
  /** Pixels between segments. */
  gap?: number;
  /** Compress only when the time before the focus is at least this many days (default 60). */
  minCompressedDays?: number;
}

/**
 * A piecewise-linear day → pixel scale over [from, to] (inclusive days). When `focus` starts well inside the
 * domain, [from, focus.start) is squeezed into `compressedShare` of the width, the rest is linear.
 */
export function brokenScale(from: string, to: string, width: number, opts: BrokenScaleOptions = {}): BrokenScale {
  const d0 = dayNumber(from);
  const d1 = Math.max(dayNumber(to) + 1, d0 + 1);
  const gap = opts.gap ?? 14;
  const share = opts.compressedShare ?? 0.26;
  const minDays = opts.minCompressedDays ?? 60;
  const f0 = opts.focus ? dayNumber(opts.focus[0]) : NaN;
  const before = f0 - d0;
  const after = d1 - f0;
  const segments: Segment[] = [];
  if (Number.isFinite(f0) && before >= minDays && after >= 7 && before / (d1 - d0) > share) {
    const split = Math.round((width - gap) * share);
    segments.push({ d0, d1: f0, x0: 0, x1: split, compressed: true });
    segments.push({ d0: f0, d1, x0: split + gap, x1: width, compressed: false });
  } else {
    segments.push({ d0, d1, x0: 0, x1: width, compressed: false });
  }
  const x = (day: number) => {
    const d = Math.min(Math.max(day, d0), d1);
    const seg = segments.find((s) => d < s.d1) ?? segments[segments.length - 1]!;
    return seg.x0 + ((d - seg.d0) / (seg.d1 - seg.d0)) * (seg.x1 - seg.x0);
  };
  return {
    segments,
    x,
    xOf: (iso) => x(dayNumber(iso)),
    breaks: segments.slice(1).map((s) => s.x0 - gap / 2),
    width,
    domain: [isoOfDay(d0), isoOfDay(d1 - 1)],
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface Tick {
  x: number;
  label: string;
  /** Month or year boundary (drawn stronger). */
  major: boolean;
}

function monthStarts(d0: number, d1: number, everyMonths: number): number[] {
  const out: number[] = [];
  const start = new Date(d0 * DAY_MS);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (start.getUTCDate() !== 1) m += 1;
  for (;;) {
    if (m > 11) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const n = Math.floor(Date.UTC(y, m, 1) / DAY_MS);
    if (n >= d1) break;
    if (m % everyMonths === 0) out.push(n);
    m += 1;
  }
  return out;
}

/** Ticks per segment, spaced for the pixels each segment has (years → quarters → months → weeks → days). */
export function ticks(scale: BrokenScale, minSpacing = 56): Tick[] {
  const out: Tick[] = [];
  for (const seg of scale.segments) {
    const pxPerDay = (seg.x1 - seg.x0) / (seg.d1 - seg.d0);
    if (pxPerDay * 7 >= minSpacing) {
      // Days or weeks: Mondays (or every day when there is room), month starts labelled with the month.
      const step = pxPerDay >= minSpacing ? 1 : 7;
      for (let d = seg.d0; d < seg.d1; d++) {
        const date = new Date(d * DAY_MS);
        const first = date.getUTCDate() === 1;
        const monday = date.getUTCDay() === 1;
        if (first) out.push({ x: scale.x(d), label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`, major: true });
        else if (step === 1 || monday) out.push({ x: scale.x(d), label: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`, major: false });
      }
    } else {
      const every = pxPerDay * 30 >= minSpacing ? 1 : pxPerDay * 91 >= minSpacing ? 3 : pxPerDay * 182 >= minSpacing ? 6 : 12;
      for (const d of monthStarts(seg.d0, seg.d1, every)) {
        const date = new Date(d * DAY_MS);
        const jan = date.getUTCMonth() === 0;
        const label = jan || every === 12 ? String(date.getUTCFullYear()) : MONTHS[date.getUTCMonth()]!;
        out.push({ x: scale.x(d), label, major: jan });
      }
    }
  }
  // Keep labels that do not collide (a label starts 3px right of its tick): month/year labels first, then the others.
  const kept: [number, number][] = [];
  const box = (t: Tick): [number, number] => [t.x + 3, t.x + 3 + t.label.length * (t.major ? 7.2 : 6.4) + 6];
  const fits = (b: [number, number]) => kept.every((k) => b[1] <= k[0] || b[0] >= k[1]);
  const labelled = new Set<Tick>();
  for (const pass of [true, false]) {
    for (const t of out) {
      if (!t.label || t.major !== pass) continue;
      const b = box(t);
      if (!fits(b)) continue;
      kept.push(b);
      labelled.add(t);
    }
  }
  return out.map((t) => (labelled.has(t) ? t : { ...t, label: "" }));
}

export interface Interval {
  x0: number;
  x1: number;
}

/**
 * Greedy interval packing into rows: each item goes into the first row whose last item ends `gap` pixels before it
 * starts. Items must be sorted by x0. Returns each item's row index and the number of rows used (≤ maxRows;
 * items that fit nowhere share the last row).
 */
export function packRows<T extends Interval>(items: T[], gap = 2, maxRows = 8): { rows: number[]; rowCount: number } {
  const ends: number[] = [];
  const rows = items.map((it) => {
    let r = ends.findIndex((end) => end + gap <= it.x0);
    if (r === -1) {
      if (ends.length < maxRows) {
        r = ends.length;
        ends.push(it.x1);
      } else {
        r = ends.indexOf(Math.min(...ends));
        ends[r] = Math.max(ends[r]!, it.x1);
      }
    } else ends[r] = it.x1;
    return r;
  });
  return { rows, rowCount: Math.max(1, ends.length) };
}
