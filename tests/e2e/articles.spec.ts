import { expect, test, type Page } from "@playwright/test";
import { snap } from "../support/helpers.ts";

// Seed facts (gold): 002 is dpa's "USA und Iran lassen künftige Gespräche offen" of 6 Feb 2026 by Arne Bänsch,
// Christoph Meyer and Hans Dahne, quoting Araghtschi ("Es war ein guter Anfang"); 000 is DIE ZEIT with AFP and dpa
// material (2 Feb 2026); 003 is All Israel News. 002 and 004 both report the first round of talks in Oman.

const DPA_TITLE = "USA und Iran lassen künftige Gespräche offen";

async function openDpaArticle(page: Page) {
  await page.goto("/articles");
  await page.getByRole("link", { name: DPA_TITLE }).click();
  await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DPA_TITLE);
}

test.describe("articles", () => {
  test("lists the five seed articles with outlet, date and what was extracted", async ({ page }) => {
    await page.goto("/articles");
    const items = page.locator("[data-article]");
    await expect(items).toHaveCount(5);
    await expect(page.getByText("5 articles", { exact: true })).toBeVisible();

    const dpa = items.filter({ hasText: DPA_TITLE });
    await expect(dpa).toContainText("dpa");
    await expect(dpa.locator("time")).toHaveAttribute("datetime", "2026-02-06");
    await expect(dpa).toContainText(/\d+ events · \d+ quotes · \d+ positions/);
    await expect(items.filter({ hasText: "DIE ZEIT" })).toContainText("AFP, dpa");
    await expect(items.filter({ hasText: "DIE ZEIT" }).locator("time")).toHaveAttribute("datetime", "2026-02-02");
    await expect(items.filter({ hasText: "All Israel News" }).getByRole("link")).toHaveText(/^US-Iran-Verhandlungen scheitern/);
    // Newest first.
    const dates = await items.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
    expect([...dates].sort().reverse()).toEqual(dates);
    await snap(page, "articles");
  });

  test("the article page highlights actors as links to their pages, and quotes", async ({ page }) => {
    await openDpaArticle(page);
    const reader = page.locator(".reader");
    const araghtschi = reader.locator("a.span--actor", { hasText: /^Abbas Araghtschi$/ });
    await expect(araghtschi).toHaveAttribute("href", /^\/actors\/[A-Za-z0-9_-]+$/);
    await expect(araghtschi).toHaveAttribute("title", /^actor: Abbas Araghtschi/);
    // The short form later in the text is the same actor.
    const short = reader.locator("a.span--actor", { hasText: /^Araghtschi$/ }).first();
    await expect(short).toHaveAttribute("href", (await araghtschi.getAttribute("href"))!);
    // The quote is marked and points to its entry in the quote list, which names the speaker.
    const quote = reader.locator(".span--quote", { hasText: "Es war ein guter Anfang" });
    await expect(quote).toBeVisible();
    const quotes = page.getByRole("region", { name: "Quotes" });
    await expect(quotes.locator("figure", { hasText: "Es war ein guter Anfang" }).locator("figcaption")).toContainText("Abbas Araghtschi");

    // Highlights can be switched off per kind (colour and underline both go).
    const actorsToggle = page.getByRole("checkbox", { name: /^Actors \(\d+\)/ });
    const underline = () => araghtschi.evaluate((el) => getComputedStyle(el).borderBottomColor);
    const shown = await underline();
    await actorsToggle.uncheck();
    await expect.poll(underline).not.toBe(shown);
    await actorsToggle.check();
    await expect.poll(underline).toBe(shown);
    await snap(page, "article");

    await araghtschi.click();
    await expect(page).toHaveURL(/\/actors\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abbas Araghtschi");
  });

  test("shows the article's metadata and the actors found in it", async ({ page }) => {
    await openDpaArticle(page);
    const meta = page.getByRole("region", { name: "Metadata" });
    const value = (term: string) => meta.locator(`dt:text-is("${term}") + dd`);
    await expect(value("Outlet")).toHaveText("dpa");
    await expect(value("Published").locator("time")).toHaveAttribute("datetime", "2026-02-06");
    await expect(value("Authors")).toHaveText("Arne Bänsch, Christoph Meyer, Hans Dahne");
    await expect(value("File")).toHaveText(/(^|\/)002_9bba5837018d9a13\.txt$/);
    await expect(value("Language")).toHaveText("de");

    const actors = page.getByRole("region", { name: "Actors" });
    for (const name of ["Abbas Araghtschi", "Steve Witkoff", "Badr al-Bussaidi", "Jared Kushner", "Brad Cooper"]) {
      await expect(actors.getByRole("link", { name, exact: true })).toBeVisible();
    }
  });

  test("marks which events other articles corroborate, and links to them", async ({ page }) => {
    await openDpaArticle(page);
    const events = page.getByRole("region", { name: "Events" });
    // The first round in Oman is also reported by 004 (published 11/12 Feb).
    const oman = events.locator(":scope > ul > li").filter({ has: page.getByRole("link", { name: /Verhandlungsrunde im Oman/ }) });
    await expect(oman.locator(".badge--ok")).toHaveText(/also in \d+ other articles?/);
    const other = oman.locator("ul li a").first();
    await expect(other).toHaveAttribute("href", /\/articles\//);
    // An event only dpa reports says so.
    await expect(events.locator(":scope > ul > li").filter({ hasText: "Nun verhandelten Vertreter beider Länder" }).locator(".badge")).toHaveText("only this article");

    await other.click();
    await expect(page).toHaveURL(/\/articles\//);
    await expect(page.locator(".reader")).toContainText("in Omans Hauptstadt Maskat neue Verhandlungen begonnen");
  });
});
