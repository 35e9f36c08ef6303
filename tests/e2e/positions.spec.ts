import { expect, test, type Page } from "@playwright/test";
import { snap } from "../support/helpers.ts";

// Seed fact (gold, 003, published ~5 Feb 2026): "Rubio: Iran lehnt Diskussionen über Begrenzungen des Raketenprogramms,
// Unterstützung von Stellvertretern und Umgang mit Protestierenden ab" — Iran opposes putting its missile programme
// on the agenda; the USA (Rubio) demand it. Before that article there is no evidence on missiles from Iran.

const matrix = (page: Page) => page.getByRole("table", { name: "Stance of each actor on each issue of the codebook" });
const irMissiles = (page: Page) => matrix(page).getByRole("link", { name: /^Iran opposes “Missile programme”/ });
const evidencePanel = (page: Page) => page.locator("aside#evidence");

test.describe("positions", () => {
  test("Iran × missile programme reads 'opposes' as a glyph and in words, not by colour alone", async ({ page }) => {
    await page.goto("/positions");
    const cell = irMissiles(page);
    await expect(cell).toBeVisible();
    // It sits in Iran's row, under the missile column.
    const row = matrix(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Iran\b/ }) });
    await expect(row.getByRole("link", { name: /“Missile programme”/ })).toHaveAccessibleName(/^Iran opposes “Missile programme”: \d+ pieces? of evidence/);
    // The glyph is shown in the cell, and the legend says what it means.
    await expect(cell.locator(".viz-stance__glyph")).toHaveText("✕");
    await expect(page.locator(".viz-legend").getByRole("listitem").filter({ hasText: "opposes" })).toContainText("✕");
    // The USA take the opposite stance on the same issue, with a different glyph.
    const usa = matrix(page).getByRole("link", { name: /^USA supports “Missile programme”/ });
    await expect(usa).toBeVisible();
    await expect(usa.locator(".viz-stance__glyph")).not.toHaveText("✕");
    await snap(page, "positions");
  });

  test("clicking the cell lists the sentence with speaker, outlet and date, linked to the article", async ({ page }) => {
    await page.goto("/positions");
    await irMissiles(page).click();
    await expect(page).toHaveURL(/[?&]cell=[^&#]+/);
    await expect(irMissiles(page)).toHaveAttribute("aria-current", "true");
    const panel = evidencePanel(page);
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Iran on Missile programme");
    const item = panel.locator("li").filter({ hasText: "Raketenprogramms" }).first();
    await expect(item.locator("blockquote")).toContainText("Iran lehnt Diskussionen über Begrenzungen des Raketenprogramms");
    await expect(item.locator(".viz-stance-text").first()).toContainText("opposes");
    const meta = item.locator(".meta").last();
    await expect(meta.getByRole("link", { name: "Iran", exact: true })).toHaveAttribute("href", /\/actors\//);
    await expect(meta).toContainText("All Israel News");
    await expect(meta.locator("time")).toHaveAttribute("datetime", /^2026-02-0[4-6]$/);
    await snap(page, "positions-evidence");

    // The source link jumps to that sentence in the article.
    await meta.getByRole("link", { name: /US-Iran-Verhandlungen scheitern.*, sentence \d+$/ }).click();
    await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+#s-\d+$/);
    const anchor = new URL(page.url()).hash;
    await expect(page.locator(anchor)).toContainText("Raketenprogramms");
  });

  test("the as-of control writes the day to the URL and shows positions as they stood then", async ({ page }) => {
    await page.goto("/positions");
    await expect(irMissiles(page)).toBeVisible();
    await page.getByLabel("Positions as of").fill("2026-02-03");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/[?&]asOf=2026-02-03\b/);
    await expect(page.getByRole("heading", { name: /Actors × issues as of 3 Feb 2026/ })).toBeVisible();
    // On 3 Feb nobody had reported Iran's refusal yet.
    await expect(irMissiles(page)).toHaveCount(0);
    await expect(matrix(page).getByRole("cell", { name: "Iran, Missile programme: no evidence" })).toBeVisible();
    // Earlier evidence stays: Iran's opposition to a complete halt of enrichment (000, 2 Feb).
    await expect(matrix(page).getByRole("link", { name: /^Iran opposes “Uranium enrichment”/ })).toBeVisible();

    await page.getByRole("link", { name: "1 week later →" }).click();
    await expect(page).toHaveURL(/asOf=2026-02-10/);
    await expect(irMissiles(page)).toBeVisible();
    await page.getByRole("link", { name: "Latest", exact: true }).click();
    await expect(page).not.toHaveURL(/asOf=/);
  });

  test("the actor × actor agreement matrix shows the USA and Iran agreeing on nothing", async ({ page }) => {
    await page.goto("/positions");
    const agreement = page.getByRole("region", { name: /Agreement between actors/ });
    const table = agreement.getByRole("table", { name: "Share of issues on which two actors take the same stance" });
    await expect(table).toBeVisible();
    const pair = table.getByRole("link", { name: /^USA and Iran agree on 0 of \d+ shared issues? \(0%\)/ });
    await expect(pair).toBeVisible();
    await expect(pair).toContainText("0%");
    // Trump and the USA side with each other.
    await expect(table.getByRole("link", { name: /^USA and Donald Trump agree on (\d+) of \1 shared issues? \(100%\)/ })).toBeVisible();

    // Clicking a pair compares the two: the stance matrix narrows to them.
    await pair.click();
    await expect(page).toHaveURL(/actors=[^&]+&actors=[^&]+/);
    await expect(matrix(page).getByRole("rowheader")).toHaveCount(2);
    await expect(matrix(page).getByRole("rowheader", { name: /^USA\b/ })).toBeVisible();
    await expect(matrix(page).getByRole("rowheader", { name: /^Iran\b/ })).toBeVisible();
  });
});
