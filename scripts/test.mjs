#!/usr/bin/env node
// `npm test`: the whole suite — typecheck, lint, unit and integration tests (vitest, against a real Postgres),
// the production build, and end-to-end tests in Debian's chromium (Playwright). Ends with one line
// `tests: N passed, N failed`.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { ensureInstalled, log, pnpm } from "./lib.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv.slice(2); // optional stage names: checks unit build e2e
const want = (stage) => only.length === 0 || only.includes(stage);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

/** Reads vitest ("Tests  1 failed | 12 passed (13)") and Playwright ("  12 passed (30.1s)") summary lines. */
function countLine(line) {
  const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
  const vitest = plain.match(/\bTests\s+(.+)\(\d+\)\s*$/);
  const body = vitest ? vitest[1] : /^\s*(?:[\w@/:.-]+:\s+)?\d+ (passed|failed|flaky|skipped|did not run)\b/.test(plain) && !plain.includes("Test Files") ? plain : null;
  if (!body) return;
  for (const [, n, what] of body.matchAll(/(\d+) (passed|failed|flaky|skipped)/g)) {
    if (what === "passed" || what === "flaky") totals.passed += Number(n);
    else if (what === "failed") totals.failed += Number(n);
    else totals.skipped += Number(n);
  }
}

async function stage(name, args, opts = {}) {
  log(name);
  const before = totals.passed + totals.failed;
  const code = await pnpm(args, { onLine: countLine, ...opts });
  if (code !== 0) {
    failures.push(name);
    if (totals.passed + totals.failed === before || totals.failed === 0) totals.failed += 1; // a stage that failed without a test count
  }
  return code;
}

await ensureInstalled();

if (want("checks")) await stage("typecheck and lint", ["exec", "turbo", "run", "typecheck", "lint", "--continue", "--output-logs=errors-only"]);
if (want("unit")) await stage("unit and integration tests", ["exec", "turbo", "run", "test", "--continue", "--concurrency=1", "--output-logs=full"], { env: { FORCE_COLOR: "0" } });
if (want("build") || want("e2e")) await stage("production build", ["--filter", "@lagebild/web", "build"]);
if (want("e2e")) {
  if (!existsSync(CHROMIUM) && process.getuid?.() === 0) {
    log("installing Debian's chromium for the browser tests");
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`end-to-end tests need chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
    failures.push("e2e (no chromium)");
    totals.failed += 1;
  } else {
    await stage("end-to-end tests (Playwright, chromium)", ["--filter", "@lagebild/e2e", "e2e"], { env: { CHROMIUM_PATH: CHROMIUM } });
  }
}

if (failures.length) process.stderr.write(`\nfailed stages: ${failures.join(", ")}\n`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);
