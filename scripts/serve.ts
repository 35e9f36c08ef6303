// The long-running half of `npm start`: owns the embedded Postgres (when used) and the Next.js server.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureDatabase, migrateDeploy } from "@lagebild/db";
import { log, pnpm, quietEnv, root } from "./lib.mjs";

const port = process.env.PORT ?? "3000";
const userArgs = process.argv.slice(2);
const skipBuild = userArgs.includes("--no-build");
const paths = userArgs.filter((a) => !a.startsWith("--"));
const seeds = resolve(root, "../shared/corpus/seeds");
const articles = paths.length ? paths.map((p) => resolve(process.env.INIT_CWD ?? process.cwd(), p)) : [existsSync(seeds) ? seeds : join(root, "demo/corpus")];

const db = await ensureDatabase();
const env = { ...quietEnv, DATABASE_URL: db.url };
log(`database: ${db.source === "env" ? "DATABASE_URL" : `embedded PostgreSQL (${db.dataDir}, port ${db.port})`}`);
await migrateDeploy(db.url);

log(`ingesting ${articles.join(", ")}`);
const ingestCode = await pnpm(["--silent", "ingest", ...articles], { env });
if (ingestCode === 2) process.exit(2);
if (ingestCode !== 0) log("some articles failed to ingest (see above); serving the rest");

if (!skipBuild) {
  log("building the dashboard");
  const buildCode = await pnpm(["--filter", "@lagebild/web", "build"], { env });
  if (buildCode !== 0) process.exit(buildCode);
}

log(`serving http://localhost:${port}`);
const server = spawn(process.execPath, [join(root, "apps/web/node_modules/next/dist/bin/next"), "start", "-p", port], {
  cwd: join(root, "apps/web"),
  env: { ...process.env, ...env },
  stdio: "inherit",
});
const shutdown = async () => {
  server.kill("SIGTERM");
  await db.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.on("exit", async (code) => {
  await db.stop();
  process.exit(code ?? 0);
});
