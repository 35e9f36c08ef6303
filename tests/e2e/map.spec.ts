import { expect, test, type Page } from "@playwright/test";
import { applyKindFilter, escapeRegExp, snap } from "../support/helpers.ts";

// Seed facts (gold): the first US–Iran round was held in Maskat (Oman) on 6 Feb 2026 (dpa, 002; recalled by 004);
// a protest in Istanbul on 1 Feb 2026 (001); in June 2025 the US bombed nuclear sites in Iran (000, 004).
// "Tel Aviv habe Washington … vorgestellt" and "hat Jerusalem gewarnt" (001) use capitals for governments: nothing
// happened there.

const mapOf = (page: Page) => page.getByRole("group", { name: /^Map of \d+ places? where events happened/ });
/** A mark's accessible name starts with the place's name: "Maskat (OM): 1 event, mostly Negotiate; …". */
const mark = (page: Page, place: string) => mapOf(page).getByRole("link", { name: new RegExp(`^${escapeRegExp(place)}( \\(|:)`) });
const panel = (page: Page) => page.locator("aside.viz-panel");

test.describe("map", () => {
  test("marks Maskat; clicking it lists the 6 Feb 2026 talks, one more click shows the dpa sentence", async ({ page }) => {
    await page.goto("/map");
    await expect(mark(page, "Maskat")).toBeVisible();
    await expect(mark(page, "Maskat")).toHaveAccessibleName(/^Maskat \(OM\): \d+ events?, .*Negotiate/);

    await mark(page, "Maskat").click();
    await expect(page).toHaveURL(/[?&]place=/);
    await expect(mark(page, "Maskat")).toHaveAttribute("aria-current", "true");
    await expect(panel(page).getByRole("heading", { level: 2 })).toContainText("Maskat");
    const talks = panel(page).locator("li[data-event]").filter({ hasText: "Negotiate" });
    await expect(talks).not.toHaveCount(0);
    // Dated to the day or at least to a span that holds 6 Feb 2026.
    await expect(talks.first().locator("time")).toHaveAttribute("datetime", /^2026-02(-06)?$/);
    await expect(talks.first()).toContainText("in Oman, Maskat");
    await snap(page, "map");

    await talks.first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/events\/[A-Za-z0-9_-]+$/);
    const report = page.getByRole("region", { name: "Evidence" }).locator("li[data-report]").filter({ hasText: "USA und Iran lassen künftige Gespräche offen" });
    await expect(report).toContainText("dpa");
    await expect(report.locator("time").first()).toHaveAttribute("datetime", "2026-02-06");
    await expect(report).toContainText("dates it 6 Feb 2026");
    await expect(report.locator("p.evidence")).toContainText("Nach einer ersten Verhandlungsrunde im Oman");
    await expect(report.locator("p.evidence mark")).toHaveText("Verhandlungsrunde");
    await expect(page.getByRole("region", { name: "Places" }).getByRole("link", { name: "Maskat" })).toBeVisible();
  });

  test("the Maskat talks are dated to the day they were held, 6 Feb 2026", async ({ page }) => {
    // dpa's report is dated by its publication day (6 Feb); 004 says "vergangene Woche". The day lies in that week,
    // so the merged event keeps the day.
    await page.goto("/map");
    await mark(page, "Maskat").click();
    const talks = panel(page).locator("li[data-event]").filter({ hasText: "Negotiate" });
    await expect(talks.first().locator("time")).toHaveAttribute("datetime", "2026-02-06");
  });

  test("hover and keyboard focus show a tooltip with the place, its events and dates", async ({ page }) => {
    // The Middle East frame keeps Maskat and Oman apart, so the pointer rests on Maskat alone.
    await page.goto("/map?zoom=mideast");
    const tip = page.getByRole("tooltip");
    await expect(tip).toHaveCount(0);

    await mark(page, "Maskat").hover();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText("Maskat");
    await expect(tip).toContainText(/\d+ events?/);
    await expect(tip).toContainText("Negotiate");
    await expect(tip).toContainText("Feb 2026");
    await page.mouse.move(2, 2);
    await expect(tip).toHaveCount(0);

    await mark(page, "Istanbul").focus();
    await expect(tip).toContainText("Istanbul");
    await expect(tip).toContainText("Demonstrate, protest");
    await expect(tip).toContainText("1 Feb 2026");
    await expect(tip).toContainText("press Enter");
  });

  test("an event-kind filter redraws the marks and is written to the URL", async ({ page }) => {
    await page.goto("/map");
    await expect(mark(page, "Istanbul")).toBeVisible();
    await expect(mark(page, "Washington")).toBeVisible();
    const before = await mapOf(page).getByRole("link").count();

    await applyKindFilter(page, ["Negotiate"]);
    await expect(page).toHaveURL(/[?&]kinds=negotiate\b/);
    await expect(mark(page, "Istanbul")).toHaveCount(0);
    await expect(mark(page, "Washington")).toHaveCount(0);
    await expect(mark(page, "Maskat")).toBeVisible();
    const marks = mapOf(page).getByRole("link");
    expect(await marks.count()).toBeLessThan(before);
    for (const name of await marks.evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""))) expect(name).toContain("mostly Negotiate");
    // The table of places agrees with the map.
    await expect(page.getByRole("rowheader", { name: "Istanbul" })).toHaveCount(0);
    await expect(page.getByRole("rowheader", { name: "Maskat" })).toBeVisible();
  });

  test("a date range in the URL keeps only places of events in it: June 2025 is the strikes in Iran", async ({ page }) => {
    await page.goto("/map?from=2025-06-01&to=2025-06-30");
    await expect(mark(page, "Iran")).toBeVisible();
    await expect(mark(page, "Iran")).toHaveAccessibleName(/Attack, bomb, strike/);
    await expect(mark(page, "Maskat")).toHaveCount(0);
    await expect(mark(page, "Istanbul")).toHaveCount(0);
    await expect(page.getByRole("search", { name: "Filters" }).getByLabel("From", { exact: true })).toHaveValue("2025-06-01");
  });

  test("capitals named only as governments (Tel Aviv, Jerusalem) get no mark; Washington lists only what happened there", async ({ page }) => {
    // The reader sees Tel Aviv and Jerusalem among the places of the Reuters-based article 001 (reached from its Istanbul protest)…
    await page.goto("/map");
    await page.getByRole("rowheader", { name: "Istanbul" }).getByRole("link").click();
    await panel(page).locator("li[data-event]").first().getByRole("link").first().click();
    await page.getByRole("region", { name: "Evidence" }).locator("li[data-report] a.item-title").first().click();
    await expect(page).toHaveURL(/\/articles\//);
    const places = page.getByRole("region", { name: "Places" });
    await expect(places.getByRole("link", { name: "Tel Aviv" })).toBeVisible();
    await expect(places.getByRole("link", { name: "Jerusalem" })).toBeVisible();

    // …but nothing happened there, so the map has no mark and no table row for them.
    await page.goto("/map?zoom=world");
    await expect(mark(page, "Istanbul")).toBeVisible();
    for (const capital of ["Tel Aviv", "Jerusalem"]) {
      await expect(mark(page, capital)).toHaveCount(0);
      await expect(page.getByRole("rowheader", { name: capital })).toHaveCount(0);
    }

    // Washington is marked for the meetings held there, not for "Tel Aviv habe Washington … vorgestellt".
    await page.getByRole("rowheader", { name: "Washington" }).getByRole("link").click();
    const events = panel(page).locator("li[data-event]");
    await expect(events).not.toHaveCount(0);
    await expect(events.filter({ hasText: "Weissen Haus" })).toHaveCount(1);
    await expect(events.filter({ hasText: "Tel Aviv" })).toHaveCount(0);
    for (const kind of await events.locator(".badge--kind").allTextContents()) expect(kind).toBe("Meet, visit, call");
  });
});
