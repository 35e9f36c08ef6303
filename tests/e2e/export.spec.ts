import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { actorIdByName, parseCsv } from "../support/helpers.ts";

// Exports are the analyst's way out of the dashboard: the same filter params as the views, the same rows.

test.describe("export", () => {
  test("events.csv holds exactly the filtered events the overview counts", async ({ request, page }) => {
    const all = await request.get("/api/export/events.csv");
    expect(all.status()).toBe(200);
    const allRows = parseCsv(await all.text());

    const res = await request.get("/api/export/events.csv?kinds=negotiate");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="lagebild-events-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(await res.text());
    expect(rows.length).toBe(Number(res.headers()["x-lagebild-rows"]));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(allRows.length);
    for (const r of rows) expect(r.kind).toBe("negotiate");
    // Each row carries its evidence and source: the talks in Maskat, reported by dpa.
    const maskat = rows.find((r) => r.places!.split("; ").includes("Maskat"));
    expect(maskat, "a negotiation in Maskat").toBeDefined();
    expect(maskat!.outlets).toContain("dpa");
    expect(maskat!.evidence).toBeTruthy();
    expect(maskat!.article_ids).toBeTruthy();

    await page.goto("/?kinds=negotiate");
    await expect(page.getByTestId("count-events")).toHaveText(String(rows.length));
    await page.goto("/");
    await expect(page.getByTestId("count-events")).toHaveText(String(allRows.length));
  });

  test("events.json keeps to the date range, like the timeline", async ({ request, page }) => {
    const res = await request.get("/api/export/events.json?from=2026-02-01&to=2026-02-06");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/filename="lagebild-events-.*\.json"/);
    const body = (await res.json()) as { filter: unknown; count: number; truncated: boolean; events: { date_from: string; date_to: string; kind: string; status: string; summary: string }[] };
    expect(body.filter).toEqual({ from: "2026-02-01", to: "2026-02-06" });
    expect(body.truncated).toBe(false);
    expect(body.count).toBe(body.events.length);
    for (const e of body.events) {
      expect(e.date_to >= "2026-02-01", `${e.summary} ends on or after 1 Feb`).toBe(true);
      expect(e.date_from <= "2026-02-06", `${e.summary} starts on or before 6 Feb`).toBe(true);
    }
    // The called-off talks of 6 Feb are in, with their status.
    expect(body.events.some((e) => e.status === "cancelled" && e.summary.includes("abgesagt"))).toBe(true);

    await page.goto("/timeline?from=2026-02-01&to=2026-02-06");
    await expect(page.locator(".viz-tl").getByText(new RegExp(`^${body.count} events? in this range\\.`))).toBeVisible();
  });

  test("places.geojson gives the map's places for the same filter, with coordinates", async ({ request, page }) => {
    const res = await request.get("/api/export/places.geojson?kinds=negotiate");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/geo\+json/);
    const fc = (await res.json()) as { type: string; features: { geometry: { type: string; coordinates: [number, number] }; properties: { name: string; events: number } }[] };
    expect(fc.type).toBe("FeatureCollection");
    const maskat = fc.features.find((f) => f.properties.name === "Maskat");
    expect(maskat, "Maskat is a place of a negotiation").toBeDefined();
    expect(maskat!.geometry.type).toBe("Point");
    // GeoJSON order: longitude, latitude (Maskat ≈ 58.4 E, 23.6 N).
    expect(maskat!.geometry.coordinates[0]).toBeCloseTo(58.4, 0);
    expect(maskat!.geometry.coordinates[1]).toBeCloseTo(23.6, 0);
    expect(fc.features.some((f) => f.properties.name === "Istanbul")).toBe(false);

    await page.goto("/map?kinds=negotiate");
    const rows = page.getByRole("table").getByRole("rowheader");
    await expect(rows).toHaveCount(fc.features.length);
    expect((await rows.allTextContents()).map((s) => s.trim()).sort()).toEqual(fc.features.map((f) => f.properties.name).sort());
  });

  test("positions.csv for the missile issue has Iran opposing, with the sentence and its outlet", async ({ request }) => {
    const res = await request.get("/api/export/positions.csv?issues=missiles");
    expect(res.status()).toBe(200);
    const rows = parseCsv(await res.text());
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.issue).toBe("missiles");
    const iran = rows.filter((r) => r.actor === "Iran");
    expect(iran.map((r) => r.stance)).toContain("oppose");
    const refusal = iran.find((r) => r.stance === "oppose")!;
    expect(refusal.evidence).toContain("Raketenprogramms");
    expect(refusal.outlet).toBe("All Israel News");
    expect(rows.some((r) => r.actor === "USA" && r.stance === "support")).toBe(true);
  });

  test("quotes.json filtered by speaker has Araghtschi's 'Es war ein guter Anfang' from dpa", async ({ request, page }) => {
    const id = await actorIdByName(page, "Abbas Araghtschi");
    const res = await request.get(`/api/export/quotes.json?actors=${id}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { quotes: { speaker: string | null; speaker_id: string | null; text: string; outlet: string | null; mode: string }[] };
    expect(body.quotes.length).toBeGreaterThan(0);
    for (const q of body.quotes) expect(q.speaker_id).toBe(id);
    const quote = body.quotes.find((q) => q.text.includes("Es war ein guter Anfang"));
    expect(quote).toMatchObject({ speaker: "Abbas Araghtschi", outlet: "dpa", mode: "direct" });
  });

  test("a wrong filter is refused with the parameter named, never silently widened", async ({ request }) => {
    const bad = await request.get("/api/export/events.csv?kinds=bogus");
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as { error: string; details: { param: string }[] };
    expect(body.error).toBe("invalid filter");
    expect(body.details[0]!.param).toMatch(/^kinds/);

    const unknown = await request.get("/api/export/actors.xlsx");
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain("events.csv");
  });

  test("the overview offers the downloads with its filters, and the file holds the filtered rows", async ({ page }) => {
    await page.goto("/?kinds=negotiate");
    const downloads = page.getByRole("navigation", { name: "Download data" });
    await expect(downloads).toContainText("Download (filtered)");
    const eventsCsv = downloads.locator("span", { hasText: /^Events/ }).getByRole("link", { name: "CSV" });
    await expect(eventsCsv).toHaveAttribute("href", "/api/export/events.csv?kinds=negotiate");
    await expect(downloads.locator("span", { hasText: /^Places/ }).getByRole("link", { name: "GEOJSON" })).toHaveAttribute("href", "/api/export/places.geojson?kinds=negotiate");

    const pending = page.waitForEvent("download");
    await eventsCsv.click();
    const file = await pending;
    expect(file.suggestedFilename()).toMatch(/^lagebild-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(readFileSync((await file.path())!, "utf8"));
    expect(rows.length).toBe(Number(await page.getByTestId("count-events").textContent()));
    for (const r of rows) expect(r.kind).toBe("negotiate");
  });

  test("the map and the timeline offer downloads of what they show", async ({ page }) => {
    for (const [path, file] of [["/map?kinds=negotiate", "places.geojson"], ["/timeline?kinds=negotiate", "events.csv"]] as const) {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Download data" }).locator(`a[href="/api/export/${file}?kinds=negotiate"]`)).toBeVisible();
    }
  });
});
