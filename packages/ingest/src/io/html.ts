/**
 * HTML reader: the main text is picked by @mozilla/readability running over a linkedom document; metadata comes
 * from meta tags and JSON-LD. Scripts, styles and other non-text elements are removed before anything is read,
 * so their content never reaches the text.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { normaliseGiven, type Normalised } from "./given.ts";
import { normalizeText } from "./decode.ts";

const DROP = "script, style, noscript, template, iframe, svg, object, embed, canvas, audio, video, button, select, textarea, input";
const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3",
  "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "TD", "TH", "UL", "BODY", "HTML",
]);
const SKIP = new Set(DROP.toUpperCase().split(/\s*,\s*/));

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with block elements on their own lines. */
function textOf(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) parts.push("\n");
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) parts.push("\n");
  };
  walk(root);
  return parts
    .join("")
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

type Doc = ReturnType<typeof parseHTML>["document"];

function meta(document: Doc, ...selectors: string[]): string | undefined {
  for (const s of selectors) {
    const el = document.querySelector(s);
    const v = el?.getAttribute("content") ?? el?.getAttribute("datetime") ?? el?.getAttribute("href");
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

/** The first NewsArticle-like JSON-LD object in the page, if any. */
function jsonLd(document: Doc): Record<string, unknown> {
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"]')) as { textContent: string | null }[]) {
    try {
      const data: unknown = JSON.parse(el.textContent ?? "");
      const items = (Array.isArray(data) ? data : [data]).flatMap((d) => (d && typeof d === "object" && "@graph" in d && Array.isArray(d["@graph"]) ? d["@graph"] : [d]));
      const article = items.find((d) => d && typeof d === "object" && typeof d["@type"] === "string" && /Article|Posting|Report/.test(d["@type"]));
      if (article) return article as Record<string, unknown>;
    } catch {
      // broken JSON-LD is common; ignore it
    }
  }
  return {};
}

export interface HtmlArticle extends Normalised {
  text: string;
}

export function readHtml(html: string): HtmlArticle | { error: string } {
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const record: Record<string, unknown> = {
    title: meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? ld.headline,
    url: meta(document, 'meta[property="og:url"]', 'link[rel="canonical"]') ?? ld.url,
    published: meta(document, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="publish-date"]', 'meta[itemprop="datePublished"]', "time[datetime]") ?? ld.datePublished,
    outlet: meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]') ?? ld.publisher,
    authors: meta(document, 'meta[name="author"]', 'meta[property="article:author"]') ?? ld.author,
    language: document.documentElement?.getAttribute("lang")?.slice(0, 2).toLowerCase() || undefined,
  };
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];

  for (const el of Array.from(document.querySelectorAll(DROP)) as { remove(): void }[]) el.remove();
  const documentTitle = document.querySelector("title")?.textContent?.trim();
  let text = "";
  let title: string | undefined;
  try {
    const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    if (parsed?.content) {
      text = textOf(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document as unknown as DomNode);
      title = parsed.title?.trim() || undefined;
      if (!record.outlet && parsed.siteName) record.outlet = parsed.siteName;
      if (!record.authors && parsed.byline) record.authors = parsed.byline;
    }
  } catch {
    text = "";
  }
  if (text.length < 200) {
    // Readability gives up on short pages: fall back to the whole body (scripts and styles already removed).
    const body = document.querySelector("body") ?? document.documentElement;
    const fallback = body ? textOf(body as unknown as DomNode) : "";
    if (fallback.length > text.length) text = fallback;
  }
  record.title ??= title ?? documentTitle;
  const normalised = normaliseGiven(record);
  text = normalizeText(text);
  const headline = normalised.given.title;
  // Keep the headline in the text: it may hold facts, and the title guess reads the first line.
  if (headline && !text.slice(0, 400).includes(headline)) text = `${headline}\n${text}`;
  if (!text.trim()) return { error: "no readable text in the HTML" };
  return { text, ...normalised };
}
