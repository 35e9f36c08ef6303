import { expect, test } from "@playwright/test";

test.describe("dashboard after a real ingest of the seeds", () => {
  test("lists the five seed articles and opens one with its actors", async ({ page }) => {
    await page.goto("/articles");
    await expect(page.locator("[data-article]")).toHaveCount(5);
    await page.getByRole("link", { name: /USA und Iran lassen künftige Gespräche offen/ }).click();
    await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+/);
    await expect(page.getByText("Es war ein guter Anfang").first()).toBeVisible();
    const actors = page.getByRole("region", { name: /Akteure|Actors/i });
    await expect(actors.getByText("Abbas Araghtschi")).toBeVisible();
    await expect(actors.getByText("Steve Witkoff")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("article.png"), fullPage: true });
  });

  test("the overview counts the ingested articles", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("count-articles")).toHaveText("5");
    await page.screenshot({ path: test.info().outputPath("overview.png"), fullPage: true });
  });
});
