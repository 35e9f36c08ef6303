import { expect, test, type Page } from "@playwright/test";
import { E2E_TOKEN, snap } from "../support/helpers.ts";

// Runs after every read-only spec (project "writes", see playwright.config.ts): it adds articles to the database.
// Each test uses its own article text, so none depends on another having run.

const FORM_ARTICLE = {
  title: "Araghtschi und Witkoff verhandeln erneut in Maskat",
  outlet: "E2E-Testblatt",
  published: "2026-02-16",
  text: [
    "Irans Außenminister Abbas Araghtschi und der US-Sondergesandte Steve Witkoff haben sich am Montag in Maskat zu einer zweiten Verhandlungsrunde getroffen.",
    "Omans Außenminister Badr al-Bussaidi vermittelte erneut zwischen beiden Delegationen.",
    "«Wir sind vorangekommen», sagte Araghtschi nach dem Treffen.",
    "Die Gespräche sollen in der kommenden Woche fortgesetzt werden.",
  ].join(" "),
};

const API_ARTICLE = {
  title: "Katar bietet Vermittlung an",
  outlet: "E2E-Agentur",
  published: "2026-02-18",
  text: "Der Sprecher des Außenministeriums von Katar, Majed Al Ansari, hat am Mittwoch in Doha angeboten, weitere Gespräche zwischen den USA und dem Iran auszurichten. Katar stehe bereit, sagte Al Ansari.",
};

const REFUSED_TEXT = "US-Präsident Donald Trump hat am Dienstag in Washington erneut mit Angriffen auf den Iran gedroht, falls Teheran nicht verhandelt.";

async function articleCount(page: Page): Promise<number> {
  await page.goto("/");
  return Number(await page.getByTestId("count-articles").textContent());
}

function form(page: Page) {
  const f = page.locator("main form");
  return {
    text: f.getByLabel("Article text"),
    title: f.getByLabel("Title"),
    outlet: f.getByLabel("Outlet"),
    published: f.getByLabel("Published"),
    token: f.getByLabel("Ingest token"),
    submit: f.getByRole("button", { name: "Add article" }),
  };
}

test.describe("add article", () => {
  test("without the right token the form refuses with a clear message and stores nothing", async ({ page }) => {
    const before = await articleCount(page);
    await page.goto("/add");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an article");
    await expect(page.getByText("Adding articles is disabled on this server")).toHaveCount(0);
    const f = form(page);
    await f.text.fill(REFUSED_TEXT);
    await f.title.fill("Nicht gespeichert");

    // No token: refused in the form, before anything is sent; the token field says why and takes the focus.
    await f.submit.click();
    await expect(page.getByText("Enter the ingest token")).toBeVisible();
    await expect(f.token).toHaveAttribute("aria-invalid", "true");
    await expect(f.token).toBeFocused();
    await expect(f.token).toHaveAccessibleDescription(/Enter the ingest token/);

    // A wrong token: the server refuses and the page says so.
    await f.token.fill("not-the-token");
    await f.submit.click();
    const alert = page.getByRole("alert").filter({ hasText: "Not added." });
    await expect(alert).toContainText("Not added.");
    await expect(alert).toContainText(/token/i);
    await expect(page.getByTestId("ingest-result")).toHaveCount(0);
    await snap(page, "add-refused");

    expect(await articleCount(page)).toBe(before);
    await page.goto("/articles");
    await expect(page.locator("[data-article]").filter({ hasText: "Nicht gespeichert" })).toHaveCount(0);
  });

  test("with the token a short German article is extracted, stored, opens, and lists its actors", async ({ page }) => {
    const before = await articleCount(page);
    await page.goto("/add");
    const f = form(page);
    await f.text.fill(FORM_ARTICLE.text);
    await f.title.fill(FORM_ARTICLE.title);
    await f.outlet.fill(FORM_ARTICLE.outlet);
    await f.published.fill(FORM_ARTICLE.published);
    await f.token.fill(E2E_TOKEN);
    await f.submit.click();

    const result = page.getByTestId("ingest-result");
    await expect(result).toContainText("Article added.", { timeout: 30_000 });
    await expect(result).toContainText(/\d+ events, [1-9]\d* actors, \d+ places, \d+ quotes, \d+ positions extracted/);
    await snap(page, "add-ok");

    // Submitting the same text again changes nothing.
    await f.submit.click();
    await expect(result).toContainText("Already stored — nothing changed.", { timeout: 30_000 });

    await result.getByRole("link", { name: FORM_ARTICLE.title }).click();
    await expect(page).toHaveURL(/\/articles\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(FORM_ARTICLE.title);
    const meta = page.getByRole("region", { name: "Metadata" });
    await expect(meta.locator('dt:text-is("Outlet") + dd')).toHaveText(FORM_ARTICLE.outlet);
    await expect(meta.locator('dt:text-is("Published") + dd time')).toHaveAttribute("datetime", FORM_ARTICLE.published);
    const actors = page.getByRole("region", { name: "Actors" });
    for (const name of ["Abbas Araghtschi", "Steve Witkoff"]) await expect(actors.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.locator(".reader a.span--actor", { hasText: /^Abbas Araghtschi$/ })).toBeVisible();

    // The new article joins the known actor (no duplicate "Abbas Araghtschi"): his page now lists it too.
    await actors.getByRole("link", { name: "Abbas Araghtschi", exact: true }).click();
    await expect(page.getByRole("region", { name: "Seen in" }).getByRole("link", { name: FORM_ARTICLE.title })).toBeVisible();
    await expect(page.getByRole("region", { name: "Seen in" }).getByRole("link", { name: "USA und Iran lassen künftige Gespräche offen" })).toBeVisible();

    expect(await articleCount(page)).toBe(before + 1);
    // The overview's ingest status shows both runs from the form: the duplicate last, the new article before it.
    const status = page.getByRole("region", { name: "Ingest status" });
    await expect(status.locator("dd").first()).toContainText("(http)");
    await expect(status.locator('dt:text-is("New") + dd')).toHaveText("0");
    await expect(status.locator('dt:text-is("Unchanged") + dd')).toHaveText("1");
    await status.getByText("Earlier runs").click();
    await expect(status.locator("details li").first()).toContainText("(http): 1 new, 0 unchanged, 0 failed");
    await page.goto("/articles");
    await expect(page.locator("[data-article]").filter({ hasText: FORM_ARTICLE.title })).toContainText(FORM_ARTICLE.outlet);
  });

  test("POST /api/ingest: refused without or with a wrong bearer token, stored with the right one", async ({ request, page }) => {
    const before = await articleCount(page);

    const anonymous = await request.post("/api/ingest", { data: API_ARTICLE });
    expect(anonymous.status()).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/token is required/);

    const wrong = await request.post("/api/ingest", { data: API_ARTICLE, headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status()).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/does not match/);
    expect(await articleCount(page)).toBe(before);

    const ok = await request.post("/api/ingest", { data: API_ARTICLE, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
    expect(ok.status()).toBe(201);
    const body = (await ok.json()) as { status: string; articleId: string; url: string; counts: { actors: number } };
    expect(body.status).toBe("new");
    expect(body.url).toBe(`/articles/${body.articleId}`);
    expect(body.counts.actors).toBeGreaterThan(0);

    await page.goto(body.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(API_ARTICLE.title);
    await expect(page.getByRole("region", { name: "Actors" }).getByRole("link", { name: "Majed Al Ansari" })).toBeVisible();
    expect(await articleCount(page)).toBe(before + 1);

    // The same text again: answered 200, nothing new.
    const again = await request.post("/api/ingest", { data: API_ARTICLE, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe("unchanged");
    expect(await articleCount(page)).toBe(before + 1);
  });

  test("POST /api/ingest takes a file upload and reads it like the CLI", async ({ request, page }) => {
    const text = "Omans Außenminister Badr al-Bussaidi sagte am Donnerstag in Maskat, beide Seiten hätten ernsthaft verhandelt.";
    const res = await request.post("/api/ingest", {
      headers: { authorization: `Bearer ${E2E_TOKEN}` },
      multipart: {
        file: { name: "bussaidi.txt", mimeType: "text/plain", buffer: Buffer.from(text, "utf8") },
        title: "Al-Bussaidi: ernsthafte Verhandlungen",
        published: "2026-02-19",
      },
    });
    expect(res.status()).toBe(201);
    const body = (await res.json()) as { url: string };
    await page.goto(body.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Al-Bussaidi: ernsthafte Verhandlungen");
    await expect(page.locator(".reader")).toContainText("beide Seiten hätten ernsthaft verhandelt");
    await expect(page.getByRole("region", { name: "Actors" }).getByRole("link", { name: "Badr al-Bussaidi" })).toBeVisible();
  });
});
