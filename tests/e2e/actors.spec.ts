import { expect, test, type Page } from "@playwright/test";
import { snap } from "../support/helpers.ts";

// Seed facts (gold): DIE ZEIT (000) writes "Ajatollah Ali Chamenei", All Israel News (003) quotes Brodsky on
// "Khamenei" — the same person. Abbas Araghtschi appears in 000, 001 and 002; dpa (002) quotes him: "Es war ein guter
// Anfang"; 000/001 report a planned meeting of Araghtschi and Witkoff.

async function openArticle(page: Page, listed: RegExp | string) {
  await page.goto("/articles");
  await page.locator("[data-article]").filter({ hasText: listed }).locator("a.item-title").click();
  await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+$/);
  await expect(page.locator(".reader")).toBeVisible();
}

test.describe("actor page", () => {
  test("'Chamenei' (DIE ZEIT) and 'Khamenei' (All Israel News) are one actor, each name shown with where it was seen", async ({ page }) => {
    await openArticle(page, "DIE ZEIT");
    const inZeit = page.locator(".reader a.span--actor", { hasText: /^Ali Chamenei$/ }).first();
    const href = (await inZeit.getAttribute("href"))!;
    expect(href).toMatch(/^\/actors\//);

    await openArticle(page, "All Israel News");
    await expect(page.locator(".reader a.span--actor", { hasText: /^Khamenei$/ }).first()).toHaveAttribute("href", href);

    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ali Chamenei");
    const names = page.getByRole("region", { name: "Names used" });
    const alias = (name: string) => names.getByRole("listitem").filter({ has: page.locator(`span:text-is("${name}")`) });
    await expect(alias("Ali Chamenei").getByRole("link", { name: "DIE ZEIT" })).toBeVisible();
    await expect(alias("Khamenei").getByRole("link", { name: "All Israel News" })).toBeVisible();
    await expect(alias("Khamenei").getByRole("link", { name: "DIE ZEIT" })).toHaveCount(0);

    const seen = page.getByRole("region", { name: "Seen in" });
    await expect(seen.getByRole("listitem")).toHaveCount(2);
    await expect(seen).toContainText("DIE ZEIT");
    await expect(seen).toContainText("All Israel News");
    // His warning of a "regional war" is among his events, his stance on military strikes among his positions.
    await expect(page.getByRole("region", { name: "Events" })).toContainText("warnte für den Fall eines US-Angriffs");
    await expect(page.getByRole("region", { name: "Positions over time" })).toContainText("Military option");
    await snap(page, "actor-chamenei");
  });

  test("Abbas Araghtschi: names per outlet, the planned meeting with Witkoff, and his quote with its source", async ({ page }) => {
    await openArticle(page, "USA und Iran lassen künftige Gespräche offen");
    await page.getByRole("region", { name: "Actors" }).getByRole("link", { name: "Abbas Araghtschi", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abbas Araghtschi");
    await expect(page.locator("article > p.meta")).toContainText("Außenminister");
    await expect(page.locator("article > p.meta").getByRole("link", { name: "Iran" })).toBeVisible();

    const names = page.getByRole("region", { name: "Names used" });
    const alias = (name: string) => names.getByRole("listitem").filter({ has: page.locator(`span:text-is("${name}")`) });
    await expect(alias("Abbas Araghtschi").getByRole("link", { name: "dpa" })).toBeVisible();
    await expect(alias("Abbas Araghtschi").getByRole("link", { name: "DIE ZEIT" })).toBeVisible();
    await expect(alias("Araghtschi").getByRole("link", { name: "dpa" })).toBeVisible();

    const events = page.getByRole("region", { name: "Events" });
    const meeting = events.getByRole("listitem").filter({ hasText: "hochrangiges Treffen geplant" }).first();
    await expect(meeting).toContainText("Meet, visit, call");
    await expect(meeting).toContainText(/as (initiator|participant)/);
    await expect(meeting).toContainText(/[2-9] sources/);

    const quote = page.getByRole("region", { name: "Quotes" }).locator("figure", { hasText: "Es war ein guter Anfang" });
    await expect(quote.locator("figcaption")).toContainText("direct quote");
    await expect(quote.locator("figcaption")).toContainText("dpa");
    await snap(page, "actor-araghtschi");
    await quote.getByRole("link", { name: "USA und Iran lassen künftige Gespräche offen" }).click();
    await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+#quote-/);
    await expect(page.locator(new URL(page.url()).hash)).toContainText("Es war ein guter Anfang");
  });
});
