// Debian's chromium, never a downloaded browser. The flags keep it off the (closed) network.
// Shared by the e2e suite (playwright.config.ts) and the dashboard's page-load benchmark (apps/web/bench).
export { chromium } from "@playwright/test";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];
