import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./support/browser.ts";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  globalSetup: "./support/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  // The read-only specs assert the state right after the seed ingest (5 articles, …); the add-article spec writes to the
  // same database, so it runs as the views' teardown project: after all of them, even when one of them failed.
  // (A teardown project always runs with its views; add --no-deps to run a single view spec alone.)
  projects: [
    { name: "views", testIgnore: /add-article\.spec\.ts$/, teardown: "writes" },
    { name: "writes", testMatch: /add-article\.spec\.ts$/ },
  ],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    screenshot: "on",
    trace: "retain-on-failure",
  },
});
