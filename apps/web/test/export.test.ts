import { closeDb, persistExtraction } from "@lagebild/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET } from "../src/app/api/export/[file]/route.ts";
import { toCsv } from "../src/server/export.ts";
import { threeArticles } from "./support/fixtures.ts";
import { openTestDb, type TestDb } from "./support/db.ts";

let t: TestDb;
let savedUrl: string | undefined;
beforeAll(async () => {
  t = await openTestDb();
  // The route handler uses the server's getDb() for DATABASE_URL, as in production.
  savedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  await closeDb();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await t?.close();
});
beforeEach(async () => {
  await t.reset();
  await persistExtraction(t.db, threeArticles());
});

const get = (path: string) => {
  const url = new URL(path, "http://localhost");
  const file = url.pathname.split("/").pop()!;
  return GET(new Request(url), { params: Promise.resolve({ file }) });
};

/** Minimal RFC 4180 parser for the assertions. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("export route handlers", () => {
  it("events.csv: one row per event with evidence, honouring the filter", async () => {
    const res = await get("/api/export/events.csv?kinds=negotiate");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    const [header, ...data] = rows;
    expect(header).toContain("evidence");
    expect(data).toHaveLength(1);
    const rec = Object.fromEntries(header!.map((h, i) => [h, data[0]![i]]));
    expect(rec).toMatchObject({ kind: "negotiate", date: "2026-02-06", places: "Maskat", independent_sources: "2", reports: "2" });
    expect(rec.evidence).toContain("verhandelt");
    expect(rec.outlets!.split("; ").sort()).toEqual(["Spiegel", "Tagesschau"]);
  });

  it("events.json and the date range", async () => {
    const res = await get("/api/export/events.json?from=2026-02-07");
    const body = (await res.json()) as { count: number; events: { kind: string }[]; filter: unknown };
    expect(body.filter).toEqual({ from: "2026-02-07" });
    expect(body.events.map((e) => e.kind)).toEqual(["threaten"]);
  });

  it("positions and quotes, filtered by issue and outlet", async () => {
    const pos = (await (await get("/api/export/positions.json?issues=enrichment")).json()) as { positions: Record<string, unknown>[] };
    expect(pos.positions).toEqual([expect.objectContaining({ actor: "Iran", issue: "enrichment", stance: "oppose", outlet: "Spiegel" })]);
    const quotes = (await (await get("/api/export/quotes.json?outlets=Tagesschau")).json()) as { quotes: Record<string, unknown>[] };
    expect(quotes.quotes).toEqual([expect.objectContaining({ speaker: "Donald Trump", mode: "indirect", text: "Ein Militärschlag bleibe eine Option" })]);
    const csv = parseCsv((await (await get("/api/export/quotes.csv")).text()).replace(/^\uFEFF/, ""));
    expect(csv).toHaveLength(3); // header + 2 quotes
  });

  it("places.geojson: points at [lon, lat] with event counts", async () => {
    const res = await get("/api/export/places.geojson");
    expect(res.headers.get("content-type")).toContain("application/geo+json");
    const fc = (await res.json()) as { type: string; features: { geometry: { coordinates: number[] }; properties: { name: string; events: number } }[] };
    expect(fc.type).toBe("FeatureCollection");
    const byName = Object.fromEntries(fc.features.map((f) => [f.properties.name, f]));
    expect(byName["Maskat"]!.geometry.coordinates).toEqual([58.3829, 23.588]);
    expect(byName["Maskat"]!.properties.events).toBe(1);
    expect(byName["Washington"]!.properties.events).toBe(1);
    const filtered = (await (await get("/api/export/places.geojson?kinds=sanction")).json()) as typeof fc;
    expect(filtered.features.map((f) => f.properties.name)).toEqual(["Washington"]);
  });

  it("rejects an invalid filter with 400 and an unknown file with 404", async () => {
    const bad = await get("/api/export/events.csv?from=07.02.2026");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: { param: string }[] }).details[0]!.param).toBe("from");
    expect((await get("/api/export/events.csv?kinds=invade")).status).toBe(400);
    expect((await get("/api/export/actors.xml")).status).toBe(404);
  });
});

describe("toCsv", () => {
  it("quotes separators and neutralises spreadsheet formulas", () => {
    const csv = toCsv([{ a: 'er sagte: "ja, gut"', b: "=HYPERLINK(1)", c: -5, d: null }]);
    expect(csv).toBe('a,b,c,d\r\n"er sagte: ""ja, gut""",\'=HYPERLINK(1),-5,\r\n');
  });
});
