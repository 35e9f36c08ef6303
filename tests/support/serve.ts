// Dev helper: brings up the same isolated environment as the suite (fresh database, seed ingest, built dashboard)
// and keeps it running until Ctrl-C, to explore the markup or run specs against it by hand.
//   cd tests && E2E_PORT=3377 E2E_PG_PORT=54377 pnpm exec tsx support/serve.ts
// then, in another shell: E2E_PORT=3377 E2E_ATTACH=1 pnpm exec playwright test --grep … (the add-article spec writes to
// this database, so restart it to get back to the seed state).
import globalSetup from "./global-setup.ts";

const stop = await globalSetup();
console.log(`dashboard with the seeds on http://127.0.0.1:${process.env.E2E_PORT ?? 3100} — Ctrl-C stops it`);
const shutdown = async () => {
  await stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
