import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { escapeRegExp, snap } from "../support/helpers.ts";

// Seed facts (gold): background of June 2025 (Israel's attack, US strikes; month precision), the January 2026 crackdown
// on protests (month precision), and the February 2026 crisis: talks planned for Friday 6 Feb in Türkei were called off
// (003: "Die für Freitag geplanten Verhandlungen … wurden abgesagt"); Trump considering new strikes (planned).

// The "current crisis" preset is the window the dossier's data file names (not a constant of the dashboard).
const dossierFile = resolve(import.meta.dirname, "../../packages/model/dossiers/us-iran-2026.json");
const crisis = (JSON.parse(readFileSync(dossierFile, "utf8")) as { window: { from: string; to: string; label: string } }).window;

const chartOf = (page: Page) => page.getByRole("group", { name: /^Timeline of \d+ events? from / });
/** Marks are links named by their SVG <title>: "<date> · <kind>[ · STATUS] · <summary> · …". */
const marks = (page: Page) => chartOf(page).locator("a.viz-tl__mark");
const markNamed = (page: Page, name: RegExp) => chartOf(page).getByRole("link", { name });

async function markLabels(page: Page): Promise<string[]> {
  return marks(page).evaluateAll((as) => as.map((a) => a.querySelector("title")?.textContent ?? ""));
}

function centerX(box: { x: number; width: number } | null): number {
  expect(box).not.toBeNull();
  return box!.x + box!.width / 2;
}

async function shapeOf(mark: Locator) {
  // The first drawn shape of a mark: a diamond (known day) or a bar (month / year).
  return mark.locator("path, rect").first();
}

test.describe("timeline", () => {
  test("puts the June 2025 background and the Jan–Feb 2026 crisis on one axis", async ({ page }) => {
    await page.goto("/timeline");
    await expect(chartOf(page)).toHaveAccessibleName(/from 1 (Jan|Jun) 2025 – 28 Feb 2026/);
    const labels = await markLabels(page);
    expect(labels.filter((l) => l.startsWith("Jun 2025")).length).toBeGreaterThanOrEqual(2);
    expect(labels.some((l) => /^Jun 2025 .*Attack, bomb, strike/.test(l))).toBe(true);
    expect(labels.filter((l) => /^(\d+ )?(Jan|Feb) 2026/.test(l)).length).toBeGreaterThan(20);
    // The quiet months between are compressed, and the axis says so.
    await expect(chartOf(page).getByText("≈ axis break").first()).toBeAttached();
    await snap(page, "timeline");
  });

  test("a month-precision event is drawn as a bar across its whole month, a dated event as a point", async ({ page }) => {
    await page.goto("/timeline?from=2026-01-01&to=2026-02-28");
    const crackdown = markNamed(page, /^Jan 2026 \(1 Jan – 31 Jan 2026, exact day unknown\) · Repress, crack down/);
    await expect(crackdown).toHaveCount(1);
    const bar = await shapeOf(crackdown);
    expect(await bar.evaluate((el) => el.tagName)).toBe("rect");

    // Two dated events four days apart (2 and 6 Feb) give the scale: the January bar spans ~31 days of it.
    const feb2 = await shapeOf(markNamed(page, /^2 Feb 2026 · Threaten, warn · US-Präsident Donald Trump drohte/));
    const feb6 = await shapeOf(markNamed(page, /^6 Feb 2026 · Negotiate · Nun verhandelten/));
    expect(await feb2.evaluate((el) => el.tagName)).toBe("path");
    const perDay = (centerX(await feb6.boundingBox()) - centerX(await feb2.boundingBox())) / 4;
    expect(perDay).toBeGreaterThan(0);
    const barBox = await bar.boundingBox();
    expect(barBox!.width / perDay).toBeGreaterThan(27);
    expect(barBox!.width / perDay).toBeLessThan(35);
    // A point is far narrower than its month.
    expect((await feb2.boundingBox())!.width).toBeLessThan(barBox!.width / 4);
  });

  test("the called-off talks are struck through and labelled; a planned event is hollow and dashed", async ({ page }) => {
    await page.goto("/timeline?from=2026-01-01&to=2026-02-28");
    const cancelled = markNamed(page, /CANCELLED · Die für Freitag geplanten Verhandlungen/);
    await expect(cancelled).toHaveCount(1);
    await expect(cancelled.locator("line.viz-tl__strike")).toHaveCount(1);
    await expect(cancelled.locator("text.viz-tl__status")).toHaveText("cancelled");

    const planned = markNamed(page, /· PLANNED · /).first();
    await expect(planned).toBeAttached();
    await expect(planned.locator("text.viz-tl__status")).toHaveText("planned");
    const plannedShape = await shapeOf(planned);
    await expect(plannedShape).toHaveAttribute("fill", "#ffffff");
    await expect(plannedShape).toHaveAttribute("stroke-dasharray", /\d/);
    // A held event of the same kind is filled and solid.
    const kind = /· (Threaten, warn|[^·]+?) · PLANNED/.exec((await planned.locator("title").textContent())!)![1]!;
    const held = chartOf(page).locator("a.viz-tl__mark--reported").filter({ has: page.locator("title", { hasText: ` · ${kind} · ` }) }).first();
    const heldShape = await shapeOf(held);
    await expect(heldShape).not.toHaveAttribute("fill", "#ffffff");
    expect(await heldShape.getAttribute("stroke-dasharray")).toBeNull();

    // The same in the list view: the cancelled talks are struck through in text too.
    await page.getByText("The same events as a list").click();
    const row = page.getByRole("row").filter({ hasText: "Die für Freitag geplanten Verhandlungen" }).filter({ hasText: "cancelled" });
    await expect(row.getByRole("link", { name: /Die für Freitag geplanten/ })).toHaveCSS("text-decoration-line", "line-through");
  });

  test("presets and zoom set from/to in the URL and change the events shown", async ({ page }) => {
    await page.goto("/timeline");
    const presets = page.getByRole("group", { name: "Presets" });

    await presets.getByRole("link", { name: "2025" }).click();
    await expect(page).toHaveURL(/from=2025-01-01&to=2025-12-31/);
    await expect(chartOf(page)).toHaveAccessibleName(/2025/);
    let labels = await markLabels(page);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l.includes("2025"))).toBe(true);

    // The dossier's window: Jan–Feb 2026, named by the dossier.
    expect(crisis).toMatchObject({ from: "2026-01-01", to: "2026-02-28" });
    const crisisPreset = presets.getByRole("link", { name: crisis.label, exact: true });
    await crisisPreset.click();
    await expect(page).toHaveURL(new RegExp(escapeRegExp(`from=${crisis.from}&to=${crisis.to}`)));
    await expect(crisisPreset).toHaveAttribute("aria-current", "true");
    await expect(chartOf(page)).toHaveAccessibleName(/1 Jan – 28 Feb 2026/);
    labels = await markLabels(page);
    expect(labels.some((l) => l.startsWith("Jun 2025"))).toBe(false);
    const crisisCount = labels.length;

    // Zooming in twice narrows 1 Jan – 28 Feb to about 22 Jan – 6 Feb: the 11 Feb meeting in Washington drops out.
    expect(labels.some((l) => l.startsWith("11 Feb 2026"))).toBe(true);
    await page.getByRole("link", { name: "Zoom in" }).click();
    await expect(page).toHaveURL(/from=2026-01-1\d/);
    await page.getByRole("link", { name: "Zoom in" }).click();
    await expect(page).toHaveURL(/from=2026-01-2\d/);
    const to = new URL(page.url()).searchParams.get("to")!;
    expect(to < "2026-02-11").toBe(true);
    await expect(chartOf(page)).toHaveAccessibleName(new RegExp(`– ${Number(to.slice(8))} Feb 2026`));
    labels = await markLabels(page);
    expect(labels.length).toBeLessThan(crisisCount);
    expect(labels.some((l) => l.startsWith("11 Feb 2026"))).toBe(false);

    await presets.getByRole("link", { name: "All" }).click();
    await expect(page).not.toHaveURL(/from=|to=/);
    await expect(chartOf(page)).toHaveAccessibleName(/(Jan|Jun) 2025/);
  });

  test("brushing the overview strip (pointer or keyboard) chooses the range", async ({ page }) => {
    await page.goto("/timeline");
    const strip = page.getByRole("group", { name: /Overview of the whole period/ });
    const box = (await strip.boundingBox())!;
    // The strip spans 2025 (year- or month-precision background) to Feb 2026; drag over its last part (the crisis).
    await page.mouse.move(box.x + box.width * 0.93, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.96, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=2026-0[12]-\d\d/);
    await expect(page).toHaveURL(/to=2026-02-\d\d/);
    expect((await markLabels(page)).some((l) => l.startsWith("Jun 2025"))).toBe(false);

    // Keyboard: the shown range is a slider; "-" zooms out, arrows move it.
    const from = new URL(page.url()).searchParams.get("from")!;
    await page.getByRole("slider", { name: "Shown range" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).not.toBe(from);
    expect(new URL(page.url()).searchParams.get("from")! < from).toBe(true);
  });

  test("clicking a mark opens the event's evidence", async ({ page }) => {
    await page.goto("/timeline?from=2026-01-01&to=2026-02-28");
    await markNamed(page, /CANCELLED · Die für Freitag geplanten Verhandlungen/).click();
    await expect(page).toHaveURL(/\/events\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Die für Freitag geplanten Verhandlungen");
    await expect(page.locator(".badge--warn", { hasText: "cancelled" })).toBeVisible();
    const evidence = page.getByRole("region", { name: "Evidence" });
    await expect(evidence).toContainText("All Israel News");
    await expect(evidence.locator("p.evidence").first()).toContainText("abgesagt");
  });
});
