/**
 * Data exports (CSV, JSON, GeoJSON) of the filtered views. Same `where` builders as the routers: filtering in SQL,
 * explicit selects, one flat row per record with the evidence and its source.
 */
import type { ViewFilter } from "@lagebild/model";
import type { Db, Prisma } from "./db.ts";
import { eventWhere, isoDay, positionWhere, quoteWhere } from "./where.ts";

/** Upper bound per export; the response says when it was reached. */
export const EXPORT_LIMIT = 50_000;

export type Row = Record<string, string | number | boolean | null>;

export async function exportEvents(db: Db, filter: ViewFilter): Promise<Row[]> {
  const rows = await db.event.findMany({
    where: eventWhere(filter),
    select: {
      id: true,
      kind: true,
      plover: true,
      status: true,
      summary: true,
      dateValue: true,
      datePrecision: true,
      dateFrom: true,
      dateTo: true,
      independentSources: true,
      participants: { select: { role: true, actor: { select: { key: true, name: true } } }, orderBy: [{ role: "asc" }, { actor: { name: "asc" } }] },
      places: { select: { place: { select: { key: true, name: true, lat: true, lon: true } } }, orderBy: { place: { name: "asc" } } },
      reports: {
        select: {
          triggerText: true,
          article: { select: { id: true, title: true, outlet: true, url: true, publishedValue: true } },
          mentions: { where: { kind: "evidence" }, select: { text: true }, orderBy: { start: "asc" }, take: 1 },
        },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: [{ dateFrom: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: EXPORT_LIMIT,
  });
  return rows.map((e) => ({
    id: e.id,
    date: e.dateValue,
    precision: e.datePrecision,
    date_from: isoDay(e.dateFrom),
    date_to: isoDay(e.dateTo),
    kind: e.kind,
    plover: e.plover,
    status: e.status,
    summary: e.summary,
    participants: e.participants.map((p) => `${p.actor.name} (${p.role})`).join("; "),
    participant_keys: e.participants.map((p) => p.actor.key).join("; "),
    places: e.places.map((p) => p.place.name).join("; "),
    place_keys: e.places.map((p) => p.place.key).join("; "),
    independent_sources: e.independentSources,
    reports: e.reports.length,
    outlets: [...new Set(e.reports.map((r) => r.article.outlet).filter(Boolean))].join("; "),
    article_ids: e.reports.map((r) => r.article.id).join("; "),
    article_urls: e.reports.map((r) => r.article.url).filter(Boolean).join("; "),
    trigger: e.reports[0]?.triggerText ?? null,
    evidence: e.reports[0]?.mentions[0]?.text ?? null,
  }));
}

export async function exportPositions(db: Db, filter: ViewFilter): Promise<Row[]> {
  const rows = await db.position.findMany({
    where: positionWhere(filter),
    select: {
      id: true,
      stance: true,
      modality: true,
      date: true,
      evidenceText: true,
      quoteId: true,
      actor: { select: { id: true, key: true, name: true } },
      issue: { select: { code: true, label: true } },
      article: { select: { id: true, title: true, outlet: true, url: true, publishedValue: true } },
    },
    orderBy: [{ dateFrom: { sort: "asc", nulls: "last" } }, { article: { publishedWindowFrom: { sort: "asc", nulls: "last" } } }, { id: "asc" }],
    take: EXPORT_LIMIT,
  });
  return rows.map((p) => ({
    id: p.id,
    date: p.date ?? p.article.publishedValue,
    date_is_publication: !p.date,
    actor: p.actor.name,
    actor_key: p.actor.key,
    actor_id: p.actor.id,
    issue: p.issue.code,
    issue_label: p.issue.label,
    stance: p.stance,
    modality: p.modality,
    evidence: p.evidenceText,
    quote_id: p.quoteId,
    article_id: p.article.id,
    article_title: p.article.title,
    outlet: p.article.outlet,
    published: p.article.publishedValue,
    url: p.article.url,
  }));
}

export async function exportQuotes(db: Db, filter: ViewFilter): Promise<Row[]> {
  const rows = await db.quote.findMany({
    where: quoteWhere(filter),
    select: {
      id: true,
      text: true,
      mode: true,
      saidOn: true,
      speakerLabel: true,
      speaker: { select: { id: true, key: true, name: true } },
      article: { select: { id: true, title: true, outlet: true, url: true, publishedValue: true } },
    },
    orderBy: [{ article: { publishedWindowFrom: { sort: "asc", nulls: "last" } } }, { articleId: "asc" }, { ordinal: "asc" }],
    take: EXPORT_LIMIT,
  });
  return rows.map((q) => ({
    id: q.id,
    said_on: q.saidOn ?? null,
    speaker: q.speaker?.name ?? null,
    speaker_key: q.speaker?.key ?? null,
    speaker_id: q.speaker?.id ?? null,
    speaker_label: q.speakerLabel,
    mode: q.mode,
    text: q.text,
    article_id: q.article.id,
    article_title: q.article.title,
    outlet: q.article.outlet,
    published: q.article.publishedValue,
    url: q.article.url,
  }));
}

/** Places of the filtered events as a GeoJSON FeatureCollection (WGS84 lon/lat), with event counts. */
export async function exportPlacesGeoJson(db: Db, filter: ViewFilter) {
  const where: Prisma.EventWhereInput = eventWhere(filter);
  const counts = await db.eventPlace.groupBy({ by: ["placeId"], where: { event: where }, _count: { _all: true } });
  const countOf = new Map(counts.map((c) => [c.placeId, c._count._all]));
  const places = await db.place.findMany({
    where: { id: { in: [...countOf.keys()] } },
    select: { id: true, key: true, name: true, lat: true, lon: true, country: true, precision: true },
    orderBy: { name: "asc" },
  });
  return {
    type: "FeatureCollection" as const,
    features: places.map((p) => ({
      type: "Feature" as const,
      id: p.id,
      geometry: { type: "Point" as const, coordinates: [p.lon, p.lat] },
      properties: { id: p.id, key: p.key, name: p.name, country: p.country, precision: p.precision, events: countOf.get(p.id) ?? 0 },
    })),
  };
}

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function cell(v: Row[string]): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+@\t\r]|^-[^\d\s]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row (the keys of the first row, or `columns`). */
export function toCsv(rows: Row[], columns?: string[]): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const lines = [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c] ?? null)).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export const COLUMNS = {
  events: ["id", "date", "precision", "date_from", "date_to", "kind", "plover", "status", "summary", "participants", "participant_keys", "places", "place_keys", "independent_sources", "reports", "outlets", "article_ids", "article_urls", "trigger", "evidence"],
  positions: ["id", "date", "date_is_publication", "actor", "actor_key", "actor_id", "issue", "issue_label", "stance", "modality", "evidence", "quote_id", "article_id", "article_title", "outlet", "published", "url"],
  quotes: ["id", "said_on", "speaker", "speaker_key", "speaker_id", "speaker_label", "mode", "text", "article_id", "article_title", "outlet", "published", "url"],
} as const;

export type Dataset = keyof typeof COLUMNS;
export const EXPORTERS: Record<Dataset, (db: Db, filter: ViewFilter) => Promise<Row[]>> = {
  events: exportEvents,
  positions: exportPositions,
  quotes: exportQuotes,
};
