#!/usr/bin/env node
// `npm start [articles…]`: install, start Postgres (embedded unless DATABASE_URL is set), migrate,
// ingest the seeds (or the given files), build and serve the dashboard on http://localhost:3000.
import { ensureInstalled, pnpm, log } from "./lib.mjs";

await ensureInstalled();
log("starting Lagebild");
const code = await pnpm(["exec", "tsx", "scripts/serve.ts", ...process.argv.slice(2)]);
process.exit(code);
