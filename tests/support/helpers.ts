// Shared helpers for the end-to-end specs: screenshots, the filter bar, keyboard focus, CSV parsing and a few
// look-ups of ids that only exist after the real seed ingest (the database is fresh on every run).
import { expect, test, type Locator, type Page } from "@playwright/test";

export { E2E_TOKEN } from "./constants.ts";

/** Keeps a full-page screenshot of the current view as an artifact of the running test. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** The global filter bar (a `search` landmark). */
export function filterBar(page: Page): Locator {
  return page.getByRole("search", { name: "Filters" });
}

/** Opens one of the filter bar's pop-over groups ("Actors", "Issues", "Event kinds", "Outlets") and returns it. */
export async function openFilterGroup(page: Page, label: "Actors" | "Issues" | "Event kinds" | "Outlets"): Promise<Locator> {
  const details = filterBar(page).locator("details").filter({ has: page.locator("summary", { hasText: label }) });
  await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  return details;
}

/** Chooses event kinds in the filter bar and applies them; waits until the URL carries them. */
export async function applyKindFilter(page: Page, kindLabels: string[]) {
  const group = await openFilterGroup(page, "Event kinds");
  for (const label of kindLabels) await group.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(label)}\\b`) }).check();
  await filterBar(page).getByRole("button", { name: "Apply" }).click();
}

/** Presses Tab until `target` has the focus (at most `max` times); fails when it is never reached. */
export async function tabTo(page: Page, target: Locator, max = 120) {
  const handle = await target.elementHandle();
  expect(handle, "the element to reach with Tab exists").not.toBeNull();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
  }
  throw new Error(`Tab did not reach ${target} within ${max} presses`);
}

/** The href of a link, resolved on the page (ids are only known after the ingest). */
export async function hrefOf(link: Locator): Promise<string> {
  const href = await link.getAttribute("href");
  expect(href, "link has an href").toBeTruthy();
  return href!;
}

/** The id in a `/<kind>/<id>` path. */
export function idFrom(href: string): string {
  const m = /\/(?:actors|articles|events)\/([A-Za-z0-9_-]+)/.exec(href);
  expect(m, `an id in ${href}`).not.toBeNull();
  return m![1]!;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** RFC 4180 CSV → rows of objects keyed by the header (handles quotes, doubled quotes, commas and newlines in fields). */
export function parseCsv(text: string): Record<string, string>[] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
}

/** Ids of seed entities, read from the dashboard itself (so a spec can open a view directly by URL). */
export async function actorIdByName(page: Page, name: string): Promise<string> {
  // The positions matrix and the filter bar both list actors; the filter bar lists every actor with a mention.
  await page.goto("/");
  const group = await openFilterGroup(page, "Actors");
  const box = group.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(name)}\\b`) }).first();
  const value = await box.getAttribute("value");
  expect(value, `actor ${name} is among the filter options`).toBeTruthy();
  return value!;
}
