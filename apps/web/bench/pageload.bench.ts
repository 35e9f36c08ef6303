/**
 * Page-load and JavaScript-size benchmark of the dashboard's views. Not a test: run it by hand.
 *
 *   pnpm --filter @lagebild/web bench:pageload [--runs 10] [--build] [--port 0] [--pg-port 0] [--out web-pageload.json]
 *
 * - Production build: `apps/web/.next` (built with `pnpm --filter @lagebild/web build` when missing, or always with
 *   `--build`). The server runs from a snapshot of the build, as in the e2e suite.
 * - Data: a fresh embedded PostgreSQL in a temp folder, migrations, and a real CLI ingest of the seed articles
 *   (`../shared/corpus/seeds`), through the e2e suite's `startDashboard` (tests/support/dashboard.ts).
 * - Browser: Debian's chromium (/usr/bin/chromium) through Playwright, no downloaded browser.
 * - Each view is loaded once to warm the server (its route modules load on first use; that time is reported apart as
 *   `serverFirstHitMs`), then `--runs` times cold: a new browser context each time (empty cache, no cookies).
 * - Timings come from the page's Navigation Timing entry (TTFB = responseStart, DOMContentLoaded end, load event end)
 *   and the last `largest-contentful-paint` entry, in ms from navigation start; p50 and p95 by nearest rank.
 * - JavaScript: every response of resource type `script` requested before the load event (what the view runs).
 *   Scripts requested later, until the page is quiet (no request for 500 ms), are the router prefetching the views
 *   the page links to (the nav bar's); they are reported apart as `prefetchedLater`. `transferredBytes` is the real body size on the wire (Playwright `request.sizes().responseBodySize`, i.e.
 *   after the server's Content-Encoding, reported in `encodings`); `gzipBytes` is the decoded bodies gzipped here
 *   (zlib level 6, each file on its own), which is what the target is judged on, so the number does not depend on
 *   whether the server compresses. Inline scripts (the RSC payload in the HTML) are part of `document`.
 * - Targets: load event p95 < 1500 ms and gzipped JS < 300 kB (300 000 bytes) per view. Loopback network, no
 *   throttling: the numbers are server + render + script time on this machine.
 *
 * Results go to `<repo>/bench/web-pageload.json`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, totalmem, type as osType, release } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { createDb } from "@lagebild/db";
import { chromium, chromiumArgs, chromiumPath } from "../../../tests/support/browser.ts";
import { startDashboard } from "../../../tests/support/dashboard.ts";

// ------------------------------------------------------------------------------------------------ arguments

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v && !v.startsWith("--") ? v : "true";
}
const runs = Number(arg("runs") ?? 10);
const forceBuild = arg("build") === "true";
const outName = arg("out") ?? "web-pageload.json";
if (!/^web-[\w.-]+\.json$/.test(outName)) throw new Error("--out must be a file name like web-pageload.json");
if (!(Number.isInteger(runs) && runs >= 3 && runs <= 100)) throw new Error("--runs must be an integer in [3, 100]");

const TARGET_LOAD_MS = 1500;
const TARGET_JS_GZIP_BYTES = 300_000;

const webDir = resolve(import.meta.dirname, "..");
const repoRoot = resolve(webDir, "../..");
const round = (x: number) => Math.round(x * 10) / 10;
const loadNow = () => loadavg().map((x) => Math.round(x * 100) / 100);
const log = (msg: string) => process.stderr.write(`[pageload] ${msg}\n`);

async function freePort(): Promise<number> {
  return await new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? ok(addr.port) : fail(new Error("no port"))));
    });
  });
}

function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!);
}
const stats = (xs: number[]) => ({ p50: percentile(xs, 0.5), p95: percentile(xs, 0.95), min: percentile(xs, 0), max: percentile(xs, 1) });

function version(pkgDir: string): string {
  return (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
}

// ------------------------------------------------------------------------------------------------ build

const loadAtStart = loadNow();
if (loadAtStart[0]! > cpus().length) log(`load average ${loadAtStart[0]} on ${cpus().length} cores: the timings will be slower than on a quiet machine`);
if (forceBuild || !existsSync(join(webDir, ".next/BUILD_ID"))) {
  log(forceBuild ? "building (--build)" : "apps/web/.next is missing: building");
  const built = spawnSync("pnpm", ["--filter", "@lagebild/web", "build"], { cwd: repoRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
}
const buildId = readFileSync(join(webDir, ".next/BUILD_ID"), "utf8").trim();

// ------------------------------------------------------------------------------------------------ server and data

const port = Number(arg("port") ?? 0) || (await freePort());
const pgPort = Number(arg("pg-port") ?? 0) || (await freePort());
log(`database on ${pgPort}, seed ingest, next start on ${port} (build ${buildId})`);
const dashboard = await startDashboard({ port, pgPort, serverOutput: "ignore" });
// Never leave the server and the database behind (Ctrl-C, or an error the finally below does not see).
let stopped: Promise<void> | null = null;
const stopDashboard = () => (stopped ??= dashboard.stop());
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopDashboard().finally(() => process.exit(130)));
process.once("unhandledRejection", (e) => {
  console.error(e);
  void stopDashboard().finally(() => process.exit(1));
});

type Sample = { ttfb: number; dcl: number; load: number; lcp: number | null };
type Script = { url: string; transferred: number; raw: number; gzip: number; encoding: string };
type Js = { files: number; transferredBytes: number; gzipBytes: number; rawBytes: number; encodings: string[]; urls: string[] };

function sumScripts(scripts: Script[]): Js {
  return {
    files: scripts.length,
    transferredBytes: scripts.reduce((n, s) => n + s.transferred, 0),
    gzipBytes: scripts.reduce((n, s) => n + s.gzip, 0),
    rawBytes: scripts.reduce((n, s) => n + s.raw, 0),
    encodings: [...new Set(scripts.map((s) => s.encoding))].sort(),
    urls: scripts.map((s) => s.url).sort(),
  };
}
type Doc = { transferredBytes: number; gzipBytes: number; rawBytes: number; encoding: string };

try {
  // The detail views open the heaviest record of their kind: most mentioned actor, most mentioned article, most reported event.
  const db = createDb(dashboard.databaseUrl);
  const [actor, article, event] = await Promise.all([
    db.actor.findFirst({ orderBy: [{ mentions: { _count: "desc" } }, { id: "asc" }], select: { id: true, name: true } }),
    db.article.findFirst({ orderBy: [{ mentions: { _count: "desc" } }, { id: "asc" }], select: { id: true, title: true, file: true } }),
    db.event.findFirst({ orderBy: [{ reports: { _count: "desc" } }, { id: "asc" }], select: { id: true, summary: true } }),
  ]);
  await db.$disconnect();
  if (!actor || !article || !event) throw new Error("the seed ingest left no actor, article or event");

  const views: { view: string; path: string; note?: string }[] = [
    { view: "overview", path: "/" },
    { view: "map", path: "/map" },
    { view: "timeline", path: "/timeline" },
    { view: "positions", path: "/positions" },
    { view: "articles", path: "/articles" },
    { view: "actors", path: "/actors" },
    { view: "actor", path: `/actors/${actor.id}`, note: `most mentioned actor: ${actor.name}` },
    { view: "article", path: `/articles/${article.id}`, note: `most mentioned article: ${article.title ?? article.file.split("/").pop()}` },
    { view: "event", path: `/events/${event.id}`, note: `most reported event: ${event.summary.slice(0, 80)}` },
  ];

  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const chromiumVersion = browser.version();

  /** One cold load: a new context, the page until quiet, its timings and what it downloaded. */
  async function coldLoad(path: string): Promise<{ sample: Sample; js: Js; later: Js; doc: Doc | null; status: number }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pending: Promise<void>[] = [];
    const scripts: Script[] = [];
    const laterScripts: Script[] = [];
    const beforeLoad = new WeakSet<object>();
    let loaded = false;
    let doc: Doc | null = null;
    let inFlight = 0;
    let lastActivity = Date.now();
    page.once("load", () => {
      loaded = true;
    });
    page.on("request", (req) => {
      if (!loaded) beforeLoad.add(req);
      inFlight++;
      lastActivity = Date.now();
    });
    const settle = () => {
      inFlight--;
      lastActivity = Date.now();
    };
    page.on("requestfailed", settle);
    let closing = false;
    page.on("requestfinished", (req) => {
      settle();
      // A prefetch finishing while the context closes is not read (its body is gone with the context).
      if (closing) return;
      const type = req.resourceType();
      if (type !== "script" && !(type === "document" && req.frame() === page.mainFrame() && !req.redirectedFrom())) return;
      pending.push(
        (async () => {
          const res = await req.response();
          if (!res) return;
          const [sizes, body, encoding] = await Promise.all([req.sizes(), res.body(), res.headerValue("content-encoding")]);
          const entry = { transferred: sizes.responseBodySize, raw: body.length, gzip: gzipSync(body, { level: 6 }).length, encoding: encoding ?? "identity" };
          if (type === "script") (beforeLoad.has(req) ? scripts : laterScripts).push({ url: new URL(req.url()).pathname, ...entry });
          else doc = { transferredBytes: entry.transferred, gzipBytes: entry.gzip, rawBytes: entry.raw, encoding: entry.encoding };
        })().catch((e: unknown) => {
          // Only a view's own script or document matters; one that cannot be read makes the sample wrong, so say so.
          if (type === "document" || beforeLoad.has(req)) throw e;
          log(`  (a prefetched script could not be read: ${String(e).split("\n")[0]})`);
        }),
      );
    });
    const res = await page.goto(dashboard.url + path, { waitUntil: "load", timeout: 60_000 });
    // Quiet: nothing in flight and no request for 500 ms (catches scripts loaded after the load event).
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < 500)) await page.waitForTimeout(100);
    const sample = await page.evaluate(async (): Promise<Sample> => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const lcp = await new Promise<number | null>((done) => {
        let last: number | null = null;
        try {
          new PerformanceObserver((list) => {
            const es = list.getEntries();
            if (es.length) last = es[es.length - 1]!.startTime;
          }).observe({ type: "largest-contentful-paint", buffered: true });
        } catch {
          done(null);
          return;
        }
        setTimeout(() => done(last), 100);
      });
      return { ttfb: nav.responseStart - nav.startTime, dcl: nav.domContentLoadedEventEnd - nav.startTime, load: nav.loadEventEnd - nav.startTime, lcp };
    });
    closing = true;
    await Promise.all(pending);
    await context.close();
    return { sample, js: sumScripts(scripts), later: sumScripts(laterScripts), doc, status: res?.status() ?? 0 };
  }

  const results = [];
  for (const v of views) {
    log(`${v.view}: ${v.path}`);
    const first = Date.now();
    const warm = await coldLoad(v.path);
    const serverFirstHitMs = Date.now() - first;
    if (warm.status !== 200) throw new Error(`${v.path} answered ${warm.status}`);
    const samples: Sample[] = [];
    let js = warm.js;
    let later = warm.later;
    let doc = warm.doc;
    const jsSizes = new Set<number>();
    for (let i = 0; i < runs; i++) {
      const r = await coldLoad(v.path);
      samples.push(r.sample);
      jsSizes.add(r.js.gzipBytes);
      js = r.js;
      later = r.later;
      doc = r.doc;
    }
    const load = stats(samples.map((s) => s.load));
    const lcps = samples.map((s) => s.lcp).filter((x): x is number => x !== null);
    const row = {
      view: v.view,
      path: v.path,
      ...(v.note ? { note: v.note } : {}),
      serverFirstHitMs,
      ttfbMs: stats(samples.map((s) => s.ttfb)),
      domContentLoadedMs: stats(samples.map((s) => s.dcl)),
      loadMs: load,
      largestContentfulPaintMs: lcps.length ? stats(lcps) : null,
      js: { ...js, gzipKB: round(js.gzipBytes / 1000), sameOnEveryRun: jsSizes.size === 1 },
      prefetchedLater: { files: later.files, gzipBytes: later.gzipBytes, urls: later.urls },
      document: doc,
      met: { load: (load.p95 ?? Infinity) < TARGET_LOAD_MS, js: js.gzipBytes < TARGET_JS_GZIP_BYTES },
    };
    log(`  load p50 ${load.p50} p95 ${load.p95} ms, LCP p50 ${row.largestContentfulPaintMs?.p50 ?? "—"} ms, JS ${row.js.gzipKB} kB gzip in ${js.files} files`);
    results.push(row);
  }
  await browser.close();

  const out = {
    generatedAt: new Date().toISOString(),
    script: "apps/web/bench/pageload.bench.ts",
    command: `pnpm --filter @lagebild/web bench:pageload --runs ${runs}`,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGB: Math.round(totalmem() / 2 ** 30), os: `${osType()} ${release()}` },
    loadAverage: { atStart: loadAtStart, atEnd: loadNow() },
    versions: {
      node: process.version,
      next: version(join(webDir, "node_modules/next")),
      react: version(join(webDir, "node_modules/react")),
      chromium: chromiumVersion,
      buildId,
    },
    method: {
      runsPerView: runs,
      cold: "one warm-up load per view (serverFirstHitMs: wall time of the first request, route modules loading), then each run in a new browser context (empty cache, no cookies)",
      timings: "Navigation Timing (responseStart, domContentLoadedEventEnd, loadEventEnd) and the last largest-contentful-paint entry, ms from navigation start; p50/p95 by nearest rank; loopback, no throttling",
      js: "scripts (resource type script) requested before the load event; later ones (router prefetch of linked views, until quiet) in prefetchedLater; transferredBytes = encoded body bytes on the wire (Playwright request.sizes), gzipBytes = decoded bodies gzipped at level 6 each; inline scripts count in document",
      data: "fresh embedded PostgreSQL, seed articles ingested through the CLI (pnpm ingest ../shared/corpus/seeds)",
    },
    targets: { loadP95Ms: TARGET_LOAD_MS, jsGzipBytes: TARGET_JS_GZIP_BYTES },
    views: results,
    allMet: results.every((r) => r.met.load && r.met.js),
  };
  mkdirSync(join(repoRoot, "bench"), { recursive: true });
  const file = join(repoRoot, "bench", outName);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote ${file}${out.allMet ? " (all targets met)" : " (targets NOT all met)"}`);
} finally {
  await stopDashboard();
}
