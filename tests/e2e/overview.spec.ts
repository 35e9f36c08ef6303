import { expect, test } from "@playwright/test";
import { applyKindFilter, filterBar, openFilterGroup, snap } from "../support/helpers.ts";

// The seed corpus: five articles; outlets recognised for three of them (DIE ZEIT, dpa, All Israel News); coverage of
// the June 2025 war as background and of the Jan–Feb 2026 crisis, published 2–12 Feb 2026.

test.describe("overview", () => {
  test("counts the seed ingest: 5 articles, 3 outlets, and events and actors consistent with the other views", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByTestId("count-articles")).toHaveText("5");
    await expect(page.getByTestId("count-sources")).toHaveText("3");

    // Events: the same number the event export and the timeline count.
    const exported = (await (await request.get("/api/export/events.json")).json()) as { count: number };
    expect(exported.count).toBeGreaterThan(20);
    await expect(page.getByTestId("count-events")).toHaveText(String(exported.count));
    await expect(page.getByRole("region", { name: "Counts" })).toContainText(new RegExp(`of ${exported.count} events reported by at least two independent sources`));
    await snap(page, "overview");

    // Actors: every actor mentioned in an article, i.e. exactly the actors the filter bar offers.
    const actors = await openFilterGroup(page, "Actors");
    const offered = await actors.getByRole("checkbox").count();
    expect(offered).toBeGreaterThanOrEqual(20);
    await expect(page.getByTestId("count-actors")).toHaveText(String(offered));

    // The article count is a way into the list.
    await page.getByRole("link", { name: /5\s*articles/ }).click();
    await expect(page).toHaveURL(/\/articles$/);
    await expect(page.locator("[data-article]")).toHaveCount(5);
  });

  test("gives the date range of the events (June 2025 war to the Feb 2026 crisis) and of publication", async ({ page }) => {
    await page.goto("/");
    const counts = page.getByRole("region", { name: "Counts" });
    await expect(counts).toContainText(/Events from (1 )?(Jan|Jun) 2025 to [\d ]*Feb 2026\./);
    await expect(counts.locator("time").first()).toHaveAttribute("datetime", /^2025(-0[16])?/);
    await expect(counts).toContainText(/Articles published 2 Feb 2026 – 1[1-3] Feb 2026\./);
  });

  test("lists the latest events, newest first, each opening its evidence", async ({ page }) => {
    await page.goto("/");
    const latest = page.getByRole("region", { name: "Latest events" });
    const items = latest.locator("li[data-event]");
    await expect(items).toHaveCount(10);
    // Newest first: the dates (start of the day, month or year) never increase down the list.
    const dates = await items.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
    const starts = dates.filter(Boolean).map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d));
    expect(starts.length).toBeGreaterThan(5);
    expect([...starts].sort().reverse()).toEqual(starts);
    // The newest coverage is from February 2026 (the Trump–Netanjahu meeting of 11 Feb).
    expect(starts[0]).toMatch(/^2026-02/);

    const first = items.first().getByRole("link").first();
    const summary = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/events\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(summary);
    await expect(page.getByRole("region", { name: "Evidence" }).locator("p.evidence").first()).toBeVisible();
  });

  test("shows the last ingest run: the CLI seed run, 5 new, none failed", async ({ page }) => {
    await page.goto("/");
    const status = page.getByRole("region", { name: "Ingest status" });
    const runs = status.locator("dl");
    await expect(runs.locator("dt", { hasText: "Last run" })).toBeVisible();
    await expect(runs.locator("dd").nth(0)).toContainText("(cli)");
    await expect(runs.locator("dd").nth(1)).toHaveText("5");
    await expect(runs.locator("dd").nth(2)).toHaveText("0");
    await expect(runs.locator("dd").nth(3)).toHaveText("0");
    // The run is the one global setup just made, not a stale record.
    const started = Date.parse((await runs.locator("time").getAttribute("datetime"))!);
    expect(Date.now() - started).toBeLessThan(30 * 60_000);
    await expect(status.getByRole("link", { name: /Add an article/ })).toHaveAttribute("href", "/add");
  });
});

test.describe("global filters", () => {
  test("a filter narrows the overview and lives in the URL", async ({ page }) => {
    await page.goto("/");
    const allEvents = Number(await page.getByTestId("count-events").textContent());
    await applyKindFilter(page, ["Negotiate"]);
    await expect(page).toHaveURL(/[?&]kinds=negotiate\b/);
    await expect(filterBar(page).getByRole("list", { name: "Active filters" })).toContainText("Event kind: Negotiate");
    await expect(page.getByTestId("count-events")).not.toHaveText(String(allEvents));
    const negotiate = Number(await page.getByTestId("count-events").textContent());
    expect(negotiate).toBeGreaterThan(0);
    expect(negotiate).toBeLessThan(allEvents);
    // Every listed event is a negotiation.
    const kinds = page.getByRole("region", { name: "Latest events" }).locator("li[data-event] .badge--kind");
    await expect(kinds.first()).toBeVisible();
    for (const k of await kinds.allTextContents()) expect(k).toBe("Negotiate");

    // Removing the chip brings everything back and clears the URL.
    await filterBar(page).getByRole("button", { name: "Remove filter Event kind: Negotiate" }).click();
    await expect(page).not.toHaveURL(/kinds=/);
    await expect(page.getByTestId("count-events")).toHaveText(String(allEvents));
  });

  test("filters survive a reload and open the same view from a shared link", async ({ page, browser }) => {
    await page.goto("/timeline");
    await applyKindFilter(page, ["Negotiate", "Threaten, warn"]);
    await expect(page).toHaveURL(/kinds=negotiate/);
    await expect(page).toHaveURL(/kinds=threaten/);
    const chart = page.getByRole("group", { name: /^Timeline of \d+ events?/ });
    await expect(chart).toBeVisible();
    const label = (await chart.getAttribute("aria-label"))!;
    const shared = page.url();

    await page.reload();
    await expect(chart).toHaveAttribute("aria-label", label);
    const chips = filterBar(page).getByRole("list", { name: "Active filters" });
    await expect(chips).toContainText("Event kind: Negotiate");
    await expect(chips).toContainText("Event kind: Threaten, warn");
    const kinds = await openFilterGroup(page, "Event kinds");
    await expect(kinds.getByRole("checkbox", { name: /^Negotiate\b/ })).toBeChecked();
    await expect(kinds.getByRole("checkbox", { name: /^Demand\b/ })).not.toBeChecked();

    // A colleague opening the link (fresh browser context, no state) sees the same view.
    const other = await browser.newContext();
    try {
      const theirs = await other.newPage();
      await theirs.goto(shared);
      await expect(theirs.getByRole("group", { name: /^Timeline of \d+ events?/ })).toHaveAttribute("aria-label", label);
      await expect(theirs.getByRole("search", { name: "Filters" }).getByRole("list", { name: "Active filters" })).toContainText("Event kind: Negotiate");
      // Only the two chosen kinds have lanes.
      await expect(theirs.getByRole("link", { name: /^Show only / })).toHaveText(["Negotiate", "Threaten, warn"]);
    } finally {
      await other.close();
    }
  });

  test("a date range typed into the filter bar lands in the URL and bounds the view", async ({ page }) => {
    await page.goto("/");
    await filterBar(page).getByLabel("From", { exact: true }).fill("2026-02-01");
    await filterBar(page).getByLabel("To", { exact: true }).fill("2026-02-28");
    await filterBar(page).getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/from=2026-02-01/);
    await expect(page).toHaveURL(/to=2026-02-28/);
    // The June 2025 war drops out of the event range.
    await expect(page.getByRole("region", { name: "Counts" })).toContainText(/Events from [\d ]*(Jan|Feb) 2026 to/);
    await expect(page.getByRole("region", { name: "Counts" })).not.toContainText("2025");
  });
});
