import type { ReactNode } from "react";
import { nestSpansBySentence, spanHref, type Segment, type SentenceRange, type Span } from "../lib/spans.ts";

const KIND_NAME: Record<Span["kind"], string> = { actor: "actor", place: "place", date: "date", quote: "quote", trigger: "event trigger" };

function render(segments: Segment[], keyPrefix: string): ReactNode[] {
  return segments.map((seg, i) => {
    if (typeof seg === "string") return seg;
    const { span, children } = seg;
    const key = `${keyPrefix}${i}`;
    const inner = render(children, `${key}.`);
    const title = `${KIND_NAME[span.kind]}: ${span.label}`;
    const className = `span span--${span.kind}`;
    // A span that contains other links cannot itself be a link (no nested <a>): it stays a marked span.
    const hasLinkInside = children.some((c) => typeof c !== "string");
    if (hasLinkInside) {
      return (
        <span key={key} className={className} title={title} data-kind={span.kind} id={span.kind === "quote" ? `q-${span.refId}` : undefined}>
          {inner}
        </span>
      );
    }
    return (
      <a key={key} className={className} href={spanHref(span)} title={title} data-kind={span.kind}>
        {inner}
      </a>
    );
  });
}

/**
 * An article's cleaned text with its extracted spans highlighted and linked (server-rendered). Each sentence is an
 * anchor (`#s-<index>`, 0-based like the model's sentence indexes), so evidence elsewhere can link to it.
 */
export function HighlightedText({ text, spans, sentences, lang }: { text: string; spans: Span[]; sentences: SentenceRange[]; lang?: string }) {
  const { segments, dropped } = nestSpansBySentence(text, spans, sentences);
  return (
    <>
      <div className="reader" lang={lang} style={{ whiteSpace: "pre-wrap" }}>
        {segments.map((seg, i) =>
          typeof seg !== "string" && "sentence" in seg ? (
            <span key={`s${seg.sentence}`} id={`s-${seg.sentence}`} className="sentence">
              {render(seg.children, `s${i}.`)}
            </span>
          ) : (
            render([seg], `g${i}.`)
          ),
        )}
      </div>
      {dropped > 0 && <p className="meta">{dropped} overlapping highlights are not shown.</p>}
    </>
  );
}
