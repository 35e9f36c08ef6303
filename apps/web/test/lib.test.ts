import { describe, expect, it } from "vitest";
import { filterQuery, filterToSearchParams, parseFilter, safeParseFilter } from "../src/lib/filters.ts";
import { nestSpans, nestSpansBySentence, spanHref, type Segment, type SentenceNode, type Span } from "../src/lib/spans.ts";

describe("filters in the URL", () => {
  it("round-trips a filter through search params (shareable link)", () => {
    const f = { from: "2026-01-01", to: "2026-02-28", actors: ["ck1", "ck2"], issues: ["enrichment"], kinds: ["negotiate" as const, "threaten" as const], outlets: ["Zeit, Online"] };
    const qs = filterToSearchParams(f).toString();
    expect(qs).toBe("from=2026-01-01&to=2026-02-28&actors=ck1&actors=ck2&issues=enrichment&kinds=negotiate&kinds=threaten&outlets=Zeit%2C+Online");
    expect(parseFilter(qs)).toEqual(f);
    expect(parseFilter(new URLSearchParams(qs))).toEqual(f);
  });

  it("reads Next's searchParams records and comma lists, keeps outlets whole", () => {
    expect(parseFilter({ kinds: "negotiate,threaten", actors: ["a", "b"], outlets: "Zeit, Online" })).toEqual({
      actors: ["a", "b"],
      kinds: ["negotiate", "threaten"],
      outlets: ["Zeit, Online"],
    });
  });

  it("lenient parse drops invalid values; strict parse reports them", () => {
    expect(parseFilter("from=yesterday&kinds=invade&kinds=agree&actors=bad id")).toEqual({ kinds: ["agree"] });
    const strict = safeParseFilter("from=yesterday");
    expect(strict.success).toBe(false);
    expect(strict.error?.issues[0]?.path).toEqual(["from"]);
  });

  it("swaps a reversed range and builds links with extra params", () => {
    expect(parseFilter("from=2026-03-01&to=2026-01-01")).toEqual({ from: "2026-01-01", to: "2026-03-01" });
    expect(filterQuery({ kinds: ["agree"] }, { cursor: 50 })).toBe("?kinds=agree&cursor=50");
    expect(filterQuery({})).toBe("");
  });
});

describe("span nesting", () => {
  const text = "„Es war gut“, sagte Araghtschi in Maskat.";
  const s = (kind: Span["kind"], needle: string, refId = "x"): Span => {
    const start = text.indexOf(needle);
    return { kind, start, end: start + needle.length, refId, label: needle };
  };

  it("nests contained spans and keeps every character exactly once", () => {
    const { segments, dropped } = nestSpans(text, [s("actor", "Araghtschi", "a1"), s("quote", "„Es war gut“, sagte Araghtschi"), s("place", "Maskat", "p1")]);
    expect(dropped).toBe(0);
    const flat = (segs: typeof segments): string => segs.map((x) => (typeof x === "string" ? x : flat(x.children))).join("");
    expect(flat(segments)).toBe(text);
    const quote = segments.find((x) => typeof x !== "string" && x.span.kind === "quote");
    expect(quote && typeof quote !== "string" && quote.children.some((c) => typeof c !== "string" && c.span.kind === "actor")).toBe(true);
  });

  it("drops a span that crosses another's end instead of cutting it", () => {
    const { dropped, segments } = nestSpans(text, [s("quote", "Es war gut"), { kind: "actor", start: text.indexOf("gut"), end: text.indexOf("sagte"), refId: "a", label: "" }]);
    expect(dropped).toBe(1);
    expect(segments.filter((x) => typeof x !== "string")).toHaveLength(1);
  });

  it("links actors to their page and triggers to the event evidence", () => {
    expect(spanHref({ kind: "actor", start: 0, end: 1, refId: "a1", label: "" })).toBe("/actors/a1");
    expect(spanHref({ kind: "trigger", start: 0, end: 1, refId: "e1", anchor: "r1", label: "" })).toBe("/events/e1#report-r1");
  });
});

describe("span nesting by sentence", () => {
  const text = "„Wir verhandeln. Aber nicht über Raketen“, sagte Araghtschi. Trump drohte.";
  const sentences = [
    { index: 0, start: 0, end: text.indexOf(" Aber") },
    { index: 1, start: text.indexOf("Aber"), end: text.indexOf(" Trump") },
    { index: 2, start: text.indexOf("Trump"), end: text.length },
  ];
  const flat = (segs: (Segment | SentenceNode)[]): string =>
    segs.map((x) => (typeof x === "string" ? x : "sentence" in x ? flat(x.children) : flat(x.children))).join("");

  it("wraps every sentence (anchor #s-N) and splits a quote over two sentences into fragments", () => {
    const quote: Span = { kind: "quote", start: 0, end: text.indexOf(",") , refId: "q1", label: "" };
    const actor: Span = { kind: "actor", start: text.indexOf("Trump"), end: text.indexOf("Trump") + 5, refId: "a1", label: "" };
    const { segments, dropped } = nestSpansBySentence(text, [quote, actor], sentences);
    expect(dropped).toBe(0);
    expect(flat(segments)).toBe(text);
    const nodes = segments.filter((x): x is SentenceNode => typeof x !== "string" && "sentence" in x);
    expect(nodes.map((n) => n.sentence)).toEqual([0, 1, 2]);
    const quoteFragments = nodes.flatMap((n) => n.children.filter((c) => typeof c !== "string" && c.span.kind === "quote"));
    expect(quoteFragments).toHaveLength(2);
  });
});
