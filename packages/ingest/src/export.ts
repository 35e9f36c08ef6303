/**
 * The interchange JSON (version 1, ../shared/eval/FORMAT.md): a projection of an Extraction with names
 * instead of keys and file base names instead of content hashes. Actors are merged across articles
 * (unifyActors), so one real-world actor is one entry with every spelling seen as an alias.
 */
import type { Extraction, InterchangeExport } from "@lagebild/model";
import { unifyActors } from "./stages/merge.ts";

const basename = (file: string) => file.split(/[\\/]/).pop()!.replace(/#.*$/, "");

export function toInterchange(extraction: Extraction): InterchangeExport {
  const graphs = extraction.articles;
  const unified = unifyActors(graphs);
  const fileOf = new Map(graphs.map((g) => [g.article.contentHash, basename(g.article.file)]));
  const nameOf = (article: string, key: string) => unified.actors.get(unified.globalKey(article, key))?.name ?? null;
  const placeName = new Map<string, string>();
  const places = new Map<string, InterchangeExport["places"][number]>();
  for (const g of graphs) {
    for (const p of g.places) {
      placeName.set(p.key, p.name);
      const prev = places.get(p.key);
      const aliases = new Set([...(prev?.aliases ?? []), ...p.aliases.map((a) => a.name)]);
      aliases.delete(p.name);
      places.set(p.key, { name: p.name, aliases: [...aliases], lat: p.lat, lon: p.lon, country: p.country ?? null });
    }
  }

  return {
    articles: graphs.map((g) => ({
      file: basename(g.article.file),
      outlet: g.article.outlet ?? null,
      published: g.article.published?.value ?? null,
      title: g.article.title ?? null,
      agencies: g.article.agencies,
      authors: g.article.authors,
    })),
    actors: [...unified.actors.values()].map((a) => {
      const aliases = new Set(a.aliases.map((x) => x.name));
      aliases.delete(a.name);
      const affiliation = a.affiliation ? (unified.actors.get(a.affiliation)?.name ?? a.affiliation.replace(/^[a-z]+:/, "")) : null;
      return { name: a.name, aliases: [...aliases], kind: a.kind, role: a.role ?? null, affiliation };
    }),
    places: [...places.values()],
    events: extraction.events.map((e) => {
      const first = e.reports[0]!;
      const files = [...new Set(e.reports.map((r) => fileOf.get(r.article)).filter((f): f is string => !!f))];
      const actors = [...new Set(e.participants.map((p) => unified.actors.get(p.actor)?.name ?? nameOf(first.article, p.actor)).filter((n): n is string => !!n))];
      return {
        kind: e.kind,
        date: e.date?.value ?? null,
        precision: e.date?.precision ?? null,
        status: e.status,
        summary: e.summary,
        actors,
        places: e.places.map((k) => placeName.get(k) ?? k),
        files,
      };
    }),
    quotes: graphs.flatMap((g) => g.quotes.map((q) => ({
      speaker: (q.speaker ? nameOf(g.article.contentHash, q.speaker) : null) ?? q.speakerLabel,
      text: q.text,
      file: basename(g.article.file),
      mode: q.mode,
    }))),
    positions: graphs.flatMap((g) => g.positions.map((p) => ({
      actor: nameOf(g.article.contentHash, p.actor) ?? p.actor,
      issue: p.issue,
      stance: p.stance,
      file: basename(g.article.file),
      evidence: p.evidence.text,
    }))),
  };
}
