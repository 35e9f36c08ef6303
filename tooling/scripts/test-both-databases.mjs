// Runs a package's vitest suite against the embedded Postgres, and again against TEST_DATABASE_URL when it is set,
// so both servers (e.g. PostgreSQL 18 from npm and the machine's PostgreSQL 15) are exercised in one `test` run.
import { spawnSync } from "node:child_process";

const args = ["exec", "vitest", "run", ...process.argv.slice(2)];
const external = process.env.TEST_DATABASE_URL;
const runs = [{ label: "embedded PostgreSQL", env: { ...process.env, TEST_DATABASE_URL: "" } }];
if (external) runs.push({ label: `TEST_DATABASE_URL (${external.replace(/\/\/[^@]*@/, "//")})`, env: process.env });

let failed = false;
for (const run of runs) {
  console.log(`\n— tests against ${run.label}`);
  const res = spawnSync("pnpm", args, { stdio: "inherit", env: run.env });
  if (res.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
