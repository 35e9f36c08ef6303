/**
 * GET /api/export/{events,positions,quotes}.{csv,json} and /api/export/places.geojson
 * The same filter query params as the dashboard (`?from=…&to=…&actors=…&issues=…&kinds=…&outlets=…`), validated with
 * ViewFilter: an invalid filter is a 400 naming the parameter, never a silently widened export.
 */
import { safeParseFilter } from "~/lib/filters.ts";
import { serverDb } from "~/server/db.ts";
import { COLUMNS, EXPORT_LIMIT, EXPORTERS, exportPlacesGeoJson, toCsv, type Dataset } from "~/server/export.ts";

export const dynamic = "force-dynamic";

const FILE = /^(events|positions|quotes)\.(csv|json)$|^(places)\.geojson$/;

function problem(status: number, error: string, details?: unknown) {
  return Response.json({ error, details }, { status });
}

export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const m = FILE.exec(file);
  if (!m) return problem(404, `unknown export ${file}; try events.csv, events.json, positions.csv, positions.json, quotes.csv, quotes.json or places.geojson`);
  const parsed = safeParseFilter(new URL(req.url).searchParams);
  if (!parsed.success) {
    return problem(400, "invalid filter", parsed.error.issues.map((i) => ({ param: i.path.join("."), message: i.message })));
  }
  const filter = parsed.data;
  const db = serverDb();
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = { "cache-control": "no-store" };

  if (m[3] === "places") {
    const fc = await exportPlacesGeoJson(db, filter);
    return new Response(JSON.stringify(fc), {
      headers: { ...headers, "content-type": "application/geo+json; charset=utf-8", "content-disposition": `attachment; filename="lagebild-places-${stamp}.geojson"` },
    });
  }

  const dataset = m[1] as Dataset;
  const rows = await EXPORTERS[dataset](db, filter);
  const truncated = rows.length >= EXPORT_LIMIT;
  const extra = { ...headers, "x-lagebild-rows": String(rows.length), ...(truncated ? { "x-lagebild-truncated": "true" } : {}) };
  if (m[2] === "csv") {
    return new Response(`\uFEFF${toCsv(rows, [...COLUMNS[dataset]])}`, {
      headers: { ...extra, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="lagebild-${dataset}-${stamp}.csv"` },
    });
  }
  return Response.json(
    { filter, count: rows.length, truncated, [dataset]: rows },
    { headers: { ...extra, "content-disposition": `attachment; filename="lagebild-${dataset}-${stamp}.json"` } },
  );
}
