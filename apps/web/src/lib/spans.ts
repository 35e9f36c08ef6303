/**
 * Highlighted spans of an article's cleaned text, nested for rendering.
 * Spans may nest (an actor inside a quote) but HTML cannot express partial overlaps: a span that crosses the end of an
 * enclosing one is dropped (and counted), never cut, so a highlight always covers exactly the words it came from.
 */
export type SpanKind = "actor" | "place" | "date" | "quote" | "trigger";

export interface Span {
  kind: SpanKind;
  /** Offsets into the cleaned text, end exclusive. */
  start: number;
  end: number;
  /** The entity the span refers to: actor, place or quote id; for triggers and dates the event id. */
  refId: string;
  /** For triggers and dates: the event report id (an anchor on the event page). */
  anchor?: string;
  /** Human-readable explanation (tooltip / accessible description). */
  label: string;
}

export interface SpanNode {
  span: Span;
  children: Segment[];
}
export type Segment = string | SpanNode;

/** Outer kinds first when two spans cover the same words. */
const PRIORITY: Record<SpanKind, number> = { quote: 0, trigger: 1, date: 2, actor: 3, place: 4 };

export function spanHref(s: Span): string {
  switch (s.kind) {
    case "actor":
      return `/actors/${s.refId}`;
    case "place":
      return `#place-${s.refId}`;
    case "quote":
      return `#quote-${s.refId}`;
    case "date":
    case "trigger":
      return `/events/${s.refId}${s.anchor ? `#report-${s.anchor}` : ""}`;
  }
}

export interface SentenceRange {
  index: number;
  start: number;
  end: number;
}

/** A sentence of the text (an anchor target `#s-<index>`), holding its nested spans. */
export interface SentenceNode {
  sentence: number;
  children: Segment[];
}

interface Node {
  span: Span;
  kids: Node[];
}

function dedupeAndSort(text: string, spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length)
    .filter((s) => {
      const k = `${s.kind}:${s.start}:${s.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort(bySpanOrder);
}

function bySpanOrder(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || PRIORITY[a.kind] - PRIORITY[b.kind];
}

/** Nests sorted spans lying within [from, to); returns segments covering exactly text[from, to). */
function nestRange(text: string, from: number, to: number, sorted: Span[]): { segments: Segment[]; dropped: number } {
  const roots: Node[] = [];
  const stack: Node[] = [];
  let dropped = 0;
  for (const span of sorted) {
    while (stack.length && stack[stack.length - 1]!.span.end <= span.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && span.end > top.span.end) {
      dropped++;
      continue;
    }
    const node: Node = { span, kids: [] };
    (top ? top.kids : roots).push(node);
    stack.push(node);
  }
  function build(a: number, b: number, nodes: Node[]): Segment[] {
    const out: Segment[] = [];
    let at = a;
    for (const n of nodes) {
      if (n.span.start > at) out.push(text.slice(at, n.span.start));
      out.push({ span: n.span, children: build(n.span.start, n.span.end, n.kids) });
      at = n.span.end;
    }
    if (at < b) out.push(text.slice(at, b));
    return out;
  }
  return { segments: build(from, to, roots), dropped };
}

/** Builds the nesting of spans over `text`; returns the segments and how many spans had to be dropped. */
export function nestSpans(text: string, spans: readonly Span[]): { segments: Segment[]; dropped: number } {
  return nestRange(text, 0, text.length, dedupeAndSort(text, spans));
}

/**
 * Like `nestSpans`, grouped by sentence: each sentence becomes a node (anchor `#s-<index>`), and a span running over
 * a sentence boundary (a quote of several sentences) is split into one fragment per sentence instead of being dropped.
 */
export function nestSpansBySentence(
  text: string,
  spans: readonly Span[],
  sentences: readonly SentenceRange[],
): { segments: (Segment | SentenceNode)[]; dropped: number } {
  const sorted = dedupeAndSort(text, spans);
  const ordered = [...sentences].filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length).sort((a, b) => a.start - b.start);
  const out: (Segment | SentenceNode)[] = [];
  let dropped = 0;
  let at = 0;
  for (const s of ordered) {
    if (s.start < at) continue; // overlapping sentence ranges: keep the first
    if (s.start > at) {
      const gap = nestRange(text, at, s.start, sorted.filter((x) => x.start >= at && x.end <= s.start));
      out.push(...gap.segments);
      dropped += gap.dropped;
    }
    const inside = sorted
      .filter((x) => x.start < s.end && x.end > s.start)
      .map((x) => (x.start >= s.start && x.end <= s.end ? x : { ...x, start: Math.max(x.start, s.start), end: Math.min(x.end, s.end) }))
      .sort(bySpanOrder);
    const nested = nestRange(text, s.start, s.end, inside);
    dropped += nested.dropped;
    out.push({ sentence: s.index, children: nested.segments });
    at = s.end;
  }
  if (at < text.length) {
    const tail = nestRange(text, at, text.length, sorted.filter((x) => x.start >= at));
    out.push(...tail.segments);
    dropped += tail.dropped;
  }
  return { segments: out, dropped };
}
