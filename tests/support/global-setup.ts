// The suite's dashboard: see support/dashboard.ts (fresh embedded Postgres, seed ingest, snapshot of the build, next start).
import { join } from "node:path";
import { E2E_TOKEN } from "./constants.ts";
import { startDashboard, waitForHttp } from "./dashboard.ts";

export { repoRoot, seedsDir } from "./dashboard.ts";
export { E2E_TOKEN };

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  if (process.env.E2E_ATTACH === "1") {
    // Dev loop: run the specs against a dashboard started with support/serve.ts on E2E_PORT (its database is not reset).
    await waitForHttp(`http://127.0.0.1:${port}/`, 10_000);
    return async () => {};
  }
  // Playwright empties test-results/ before global setup, so the log of this run survives there.
  const dashboard = await startDashboard({
    port,
    pgPort: Number(process.env.E2E_PG_PORT ?? 54339),
    logDir: join(import.meta.dirname, "../test-results"),
    token: E2E_TOKEN,
  });
  return dashboard.stop;
}
