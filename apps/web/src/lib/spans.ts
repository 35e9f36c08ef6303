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

/** Builds the nesting of spans over `text`; returns the segments and how many spans had to be dropped. */
export function nestSpans(text: string, spans: readonly Span[]): { segments: Segment[]; dropped: number } {
  const seen = new Set<string>();
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length)
    .filter((s) => {
      const k = `${s.kind}:${s.start}:${s.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY[a.kind] - PRIORITY[b.kind]);

  interface Node {
    span: Span;
    kids: Node[];
  }
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

  function build(from: number, to: number, nodes: Node[]): Segment[] {
    const out: Segment[] = [];
    let at = from;
    for (const n of nodes) {
      if (n.span.start > at) out.push(text.slice(at, n.span.start));
      out.push({ span: n.span, children: build(n.span.start, n.span.end, n.kids) });
      at = n.span.end;
    }
    if (at < to) out.push(text.slice(at, to));
    return out;
  }
  return { segments: build(0, text.length, roots), dropped };
}
