/**
 * Benchmark of the dashboard's main tRPC queries on a large synthetic corpus. Not a test: run it by hand.
 *
 *   pnpm --filter @lagebild/web exec tsx bench/queries.bench.ts [--scale 0.1] [--runs 30] [--reuse] [--url postgres://…] [--only text]
 *
 * - `--scale s`: corpus size; s = 1 is 100 000 articles and about 1 000 000 events (10 per article). Default 1.
 * - `--url` / BENCH_DATABASE_URL: a database the script may wipe. Default: an embedded PostgreSQL in
 *   `<repo>/.data/bench-postgres` (database `lagebild_bench`, port 54339 or LAGEBILD_BENCH_PG_PORT), separate from
 *   the dashboard's own database.
 * - `--reuse`: keep the data when the database already holds a corpus of this scale.
 * - `--runs n`: timed calls per query (after 3 warm-up calls). Default 30.
 * - `--out file`: where to write the results, relative to `<repo>/bench`. Default `web-queries.json`.
 * - `--only text`: time only the queries whose name contains `text` (for trying a change; nothing is written).
 * - `--note text`: added to the note in the results (conditions of the run, why a query misses the target).
 *
 * The corpus is written with batched INSERT … SELECT FROM unnest(…) statements (Prisma `$executeRaw` tagged templates,
 * values bound as array parameters; no SQL is built from strings). Queries are called through `createCaller`, the way
 * the server components call them. Results (p50/p95/max per query, row counts, Postgres version) go to
 * `<repo>/bench/web-queries.json`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { createDb, ensureDossier, migrateDeploy, rebuildSummaries, repoRoot, startEmbeddedPostgres, type Db } from "@lagebild/db";
import { EVENT_KINDS } from "@lagebild/model";
import { loadDossier } from "@lagebild/model/node";
import { appRouter } from "../src/server/routers/_app.ts";
import { createContextInner } from "../src/server/trpc.ts";

// ------------------------------------------------------------------------------------------------ arguments

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v && !v.startsWith("--") ? v : "true";
}
const scale = Number(arg("scale") ?? 1);
const runs = Number(arg("runs") ?? 30);
const reuse = arg("reuse") === "true";
const outName = arg("out") ?? "web-queries.json";
const only = arg("only");
const extraNote = arg("note");
if (!/^web-[\w.-]+\.json$/.test(outName)) throw new Error("--out must be a file name like web-queries-scale1.json");
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
if (!(scale > 0 && scale <= 5)) throw new Error("--scale must be in (0, 5]");
if (!(Number.isInteger(runs) && runs >= 5)) throw new Error("--runs must be an integer ≥ 5");

const ARTICLES = Math.round(100_000 * scale);
const EVENTS_PER_ARTICLE = 10;
const ACTORS = Math.max(300, Math.round(3000 * Math.sqrt(scale)));
const PLACES = Math.max(200, Math.round(1500 * Math.sqrt(scale)));
const OUTLETS = 40;
const BATCH = 5000;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

// ------------------------------------------------------------------------------------------------ random

/** mulberry32: a small deterministic PRNG, so every run builds the same corpus. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20260207);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
/** Zipf-like index in [0, n): a few actors/places get most of the attention, as in the news. */
const zipf = (n: number) => Math.min(n - 1, Math.floor(n * Math.pow(rand(), 2.6)));

const DAY = 86_400_000;
const dayIso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const BG0 = dayOf("2025-01-01");
const CRISIS0 = dayOf("2026-01-01");
const CRISIS1 = dayOf("2026-02-28");

function monthEnd(iso: string) {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  return dayIso(Math.floor(Date.UTC(y, m, 0) / DAY));
}

// ------------------------------------------------------------------------------------------------ database

async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = arg("url") ?? process.env.BENCH_DATABASE_URL;
  if (url && url !== "true") return { url, stop: async () => undefined };
  const handle = await startEmbeddedPostgres({
    dataDir: join(repoRoot(), ".data", "bench-postgres"),
    port: Number(process.env.LAGEBILD_BENCH_PG_PORT ?? 54339),
    database: "lagebild_bench",
    fast: true,
  });
  return { url: handle.url, stop: handle.stop };
}

interface Counts {
  articles: number;
  events: number;
  [table: string]: number;
}

async function counts(db: Db): Promise<Counts> {
  const [r] = await db.$queryRaw<Counts[]>`
    SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Event")::int AS events,
           (SELECT count(*) FROM "EventReport")::int AS "eventReports", (SELECT count(*) FROM "EventParticipant")::int AS participants,
           (SELECT count(*) FROM "EventPlace")::int AS "eventPlaces", (SELECT count(*) FROM "Actor")::int AS actors,
           (SELECT count(*) FROM "Place")::int AS places, (SELECT count(*) FROM "Mention")::int AS mentions,
           (SELECT count(*) FROM "Quote")::int AS quotes, (SELECT count(*) FROM "Position")::int AS positions,
           (SELECT count(*) FROM "ActorAlias")::int AS "actorAliases"`;
  return r!;
}

async function wipe(db: Db) {
  await db.$executeRaw`TRUNCATE "Article", "Actor", "Place", "Event", "Dossier", "IngestRun" CASCADE`;
}

// ------------------------------------------------------------------------------------------------ corpus

const STATES = ["US", "IR", "IL", "OM", "QA", "SA", "TR", "DE", "FR", "GB", "RU", "CN", "IQ", "LB", "YE", "EG", "CH", "AE", "JO", "SY"];
const ACTOR_KINDS = ["person", "person", "person", "state", "organisation", "group", "media"] as const;
const STANCES = ["support", "oppose", "neutral", "ambiguous"] as const;
const KIND_WEIGHTS: [string, number][] = EVENT_KINDS.map((k) => [k.kind, ["negotiate", "consult", "threaten", "accuse", "demand"].includes(k.kind) ? 6 : 1]);
const KIND_TOTAL = KIND_WEIGHTS.reduce((n, [, w]) => n + w, 0);
const KIND_INFO = new Map<string, (typeof EVENT_KINDS)[number]>(EVENT_KINDS.map((k) => [k.kind, k]));
function pickKind(): string {
  let r = rand() * KIND_TOTAL;
  for (const [k, w] of KIND_WEIGHTS) if ((r -= w) < 0) return k;
  return "negotiate";
}

/** Publication day: 70 % in the current crisis (Jan–Feb 2026), 30 % spread over 2025. */
function publicationDay(): number {
  return rand() < 0.7 ? CRISIS0 + Math.floor(rand() * (CRISIS1 - CRISIS0 + 1)) : BG0 + Math.floor(rand() * 365);
}

async function load(db: Db) {
  const t0 = performance.now();
  const { dossierId, issueIds } = await ensureDossier(db, loadDossier("us-iran-2026"));
  const issues = [...issueIds.values()];
  const now = new Date();

  // Actors and places.
  const actorIds: string[] = [];
  {
    const ids: string[] = [];
    const keys: string[] = [];
    const kinds: string[] = [];
    const names: string[] = [];
    const affil: (string | null)[] = [];
    for (let i = 0; i < ACTORS; i++) {
      const kind = i < STATES.length ? "state" : pick(ACTOR_KINDS);
      const key = kind === "state" ? `state:${STATES[i % STATES.length]}${i < STATES.length ? "" : i}` : `${kind}:bench-${i}`;
      ids.push(`act${i}`);
      keys.push(key);
      kinds.push(kind);
      names.push(kind === "state" && i < STATES.length ? `Staat ${STATES[i]}` : `Akteur ${i}`);
      affil.push(kind === "person" ? `state:${pick(STATES)}` : null);
    }
    actorIds.push(...ids);
    await db.$executeRaw`
      INSERT INTO "Actor" (id, key, kind, name, "affiliationKey", "updatedAt")
      SELECT id, key, kind, name, affil, ${now} FROM unnest(${ids}::text[], ${keys}::text[], ${kinds}::text[], ${names}::text[], ${affil}::text[])
        AS t(id, key, kind, name, affil)`;
  }
  const placeIds: string[] = [];
  {
    const ids: string[] = [];
    const keys: string[] = [];
    const names: string[] = [];
    const lats: number[] = [];
    const lons: number[] = [];
    const countries: string[] = [];
    for (let i = 0; i < PLACES; i++) {
      // Most places in the Middle East, some anywhere.
      const mideast = rand() < 0.7;
      ids.push(`pl${i}`);
      keys.push(`place:bench-${i}`);
      names.push(`Ort ${i}`);
      lats.push(mideast ? 12 + rand() * 30 : -50 + rand() * 110);
      lons.push(mideast ? 25 + rand() * 40 : -170 + rand() * 340);
      countries.push(pick(STATES));
    }
    placeIds.push(...ids);
    await db.$executeRaw`
      INSERT INTO "Place" (id, key, name, lat, lon, country, precision, "updatedAt")
      SELECT id, key, name, lat, lon, country, 'city', ${now}
      FROM unnest(${ids}::text[], ${keys}::text[], ${names}::text[], ${lats}::float8[], ${lons}::float8[], ${countries}::text[])
        AS t(id, key, name, lat, lon, country)`;
  }
  log(`actors ${ACTORS}, places ${PLACES}`);

  let eventSeq = 0;
  for (let start = 0; start < ARTICLES; start += BATCH) {
    const n = Math.min(BATCH, ARTICLES - start);
    const art = { id: [] as string[], hash: [] as string[], file: [] as string[], title: [] as string[], outlet: [] as string[], pub: [] as string[], text: [] as string[] };
    const ev = {
      id: [] as string[], kind: [] as string[], plover: [] as string[], family: [] as string[], summary: [] as string[], status: [] as string[],
      value: [] as (string | null)[], precision: [] as (string | null)[], from: [] as (string | null)[], to: [] as (string | null)[], sources: [] as number[],
    };
    const rep = { id: [] as string[], event: [] as string[], article: [] as string[], ordinal: [] as number[] };
    const part = { id: [] as string[], event: [] as string[], actor: [] as string[], role: [] as string[] };
    const epl = { id: [] as string[], event: [] as string[], place: [] as string[] };
    const men = { id: [] as string[], article: [] as string[], actor: [] as string[], start: [] as number[] };
    const alias = { id: [] as string[], actor: [] as string[], name: [] as string[], article: [] as string[] };
    const quo = { id: [] as string[], article: [] as string[], ordinal: [] as number[], speaker: [] as string[] };
    const pos = { id: [] as string[], article: [] as string[], ordinal: [] as number[], actor: [] as string[], issue: [] as string[], stance: [] as string[], date: [] as (string | null)[], day: [] as string[], quote: [] as (string | null)[] };

    for (let k = 0; k < n; k++) {
      const i = start + k;
      const aid = `art${i}`;
      const pubDay = publicationDay();
      const pub = dayIso(pubDay);
      art.id.push(aid);
      art.hash.push(i.toString(16).padStart(64, "0"));
      art.file.push(`bench-${i}.md`);
      art.title.push(`Bericht ${i}`);
      art.outlet.push(`Outlet ${i % OUTLETS}`);
      art.pub.push(pub);
      art.text.push(`Synthetischer Artikel ${i}. In Ort ${i % PLACES} trafen sich Akteur ${i % ACTORS} und andere.`);

      const castIdx = Array.from({ length: 5 }, () => zipf(ACTORS));
      const cast = castIdx.map((x) => actorIds[x]!);
      cast.forEach((actor, m) => {
        men.id.push(`men${i}_${m}`);
        men.article.push(aid);
        men.actor.push(actor);
        men.start.push(m * 10);
      });
      alias.id.push(`al${i}`);
      alias.actor.push(cast[0]!);
      alias.name.push(`Alias ${i % 97}`);
      alias.article.push(aid);

      for (let o = 0; o < EVENTS_PER_ARTICLE; o++) {
        const eid = `ev${eventSeq++}`;
        const kind = pickKind();
        const info = KIND_INFO.get(kind)!;
        const r = rand();
        const status = r < 0.05 ? "planned" : r < 0.07 ? "cancelled" : r < 0.09 ? "hypothetical" : "reported";
        const pr = rand();
        let value: string | null;
        let from: string | null;
        let to: string | null;
        if (pr < 0.03) value = from = to = null;
        else {
          const d = dayIso(pubDay - Math.floor(rand() * 10) + (status === "planned" ? 12 : 0));
          if (pr < 0.88) [value, from, to] = [d, d, d];
          else if (pr < 0.97) [value, from, to] = [d.slice(0, 7), `${d.slice(0, 7)}-01`, monthEnd(d)];
          else [value, from, to] = [d.slice(0, 4), `${d.slice(0, 4)}-01-01`, `${d.slice(0, 4)}-12-31`];
        }
        ev.id.push(eid);
        ev.kind.push(kind);
        ev.plover.push(info.plover);
        ev.family.push(info.family);
        ev.summary.push(`${info.label} (${i}/${o})`);
        ev.status.push(status);
        ev.value.push(value);
        ev.precision.push(value === null ? null : value.length >= 10 ? "day" : value.length >= 7 ? "month" : "year");
        ev.from.push(from);
        ev.to.push(to);
        ev.sources.push(1 + Math.floor(Math.pow(rand(), 6) * 8));
        rep.id.push(`rep${eid}`);
        rep.event.push(eid);
        rep.article.push(aid);
        rep.ordinal.push(o);
        const i1 = castIdx[o % 5]!;
        const i2 = castIdx[(o + 1) % 5]!;
        part.id.push(`pa${eid}a`, `pa${eid}b`);
        part.event.push(eid, eid);
        part.actor.push(actorIds[i1]!, actorIds[i2 === i1 ? (i1 + 1) % ACTORS : i2]!);
        part.role.push("initiator", "target");
        if (rand() < 0.7) {
          epl.id.push(`ep${eid}`);
          epl.event.push(eid);
          epl.place.push(placeIds[zipf(PLACES)]!);
        }
      }
      for (let q = 0; q < 2; q++) {
        quo.id.push(`q${i}_${q}`);
        quo.article.push(aid);
        quo.ordinal.push(q);
        quo.speaker.push(cast[q]!);
      }
      for (let p = 0; p < 3; p++) {
        const actor = actorIds[zipf(Math.min(ACTORS, 200))]!;
        const issue = issues[zipf(issues.length)]!;
        // Stances drift over time: an actor's leaning flips for the second half of the crisis on some issues.
        const lean = (actor.length + issue.length + (pubDay > CRISIS0 + 30 ? 1 : 0)) % 2 === 0 ? "support" : "oppose";
        const stance = rand() < 0.75 ? lean : pick(STANCES);
        pos.id.push(`pos${i}_${p}`);
        pos.article.push(aid);
        pos.ordinal.push(p);
        pos.actor.push(actor);
        pos.issue.push(issue);
        pos.stance.push(stance);
        const own = rand() < 0.6 ? dayIso(pubDay - Math.floor(rand() * 3)) : null;
        pos.date.push(own);
        pos.day.push(own ?? pub);
        pos.quote.push(p < 2 ? `q${i}_${p}` : null);
      }
    }

    await db.$executeRaw`
      INSERT INTO "Article" (id, "contentHash", file, title, outlet, agencies, authors, language, "publishedValue", "publishedPrecision",
                             "publishedWindowFrom", "publishedWindowTo", "publishedSource", text, "dossierId")
      SELECT id, hash, file, title, outlet, '{}'::text[], '{}'::text[], 'de', pub, 'day', pub::date, pub::date, 'front-matter', body, ${dossierId}
      FROM unnest(${art.id}::text[], ${art.hash}::text[], ${art.file}::text[], ${art.title}::text[], ${art.outlet}::text[], ${art.pub}::text[], ${art.text}::text[])
        AS t(id, hash, file, title, outlet, pub, body)`;
    await db.$executeRaw`
      INSERT INTO "Event" (id, kind, plover, family, summary, status, "dateValue", "datePrecision", "dateFrom", "dateTo", "dateResolution", "dateRule",
                           "independentSources", "updatedAt")
      SELECT id, kind, plover, family, summary, status, v, p, f::date, t::date, CASE WHEN v IS NULL THEN NULL ELSE 'absolute' END,
             CASE WHEN v IS NULL THEN NULL ELSE 'bench' END, s, ${now}
      FROM unnest(${ev.id}::text[], ${ev.kind}::text[], ${ev.plover}::text[], ${ev.family}::text[], ${ev.summary}::text[], ${ev.status}::text[],
                  ${ev.value}::text[], ${ev.precision}::text[], ${ev.from}::text[], ${ev.to}::text[], ${ev.sources}::int[])
        AS x(id, kind, plover, family, summary, status, v, p, f, t, s)`;
    await db.$executeRaw`
      INSERT INTO "EventReport" (id, "eventId", "articleId", ordinal, kind, summary, status, "dateValue", "datePrecision", "dateFrom", "dateTo",
                                 "triggerText", "triggerStart", "triggerEnd", "triggerSentence", "placeKeys")
      SELECT r.id, e.id, r.article, r.ordinal, e.kind, e.summary, e.status, e."dateValue", e."datePrecision", e."dateFrom", e."dateTo",
             'trifft', 0, 6, 0, '{}'::text[]
      FROM unnest(${rep.id}::text[], ${rep.event}::text[], ${rep.article}::text[], ${rep.ordinal}::int[]) AS r(id, event, article, ordinal)
      JOIN "Event" e ON e.id = r.event`;
    // Participant and place rows carry copies of their event's kind, dates, weight and creation time.
    await db.$executeRaw`
      INSERT INTO "EventParticipant" (id, "eventId", "actorId", role, kind, "dateFrom", "dateTo", "independentSources", "eventCreatedAt")
      SELECT t.id, t.e, t.a, t.r, ev.kind, ev."dateFrom", ev."dateTo", ev."independentSources", ev."createdAt"
      FROM unnest(${part.id}::text[], ${part.event}::text[], ${part.actor}::text[], ${part.role}::text[]) AS t(id, e, a, r)
      JOIN "Event" ev ON ev.id = t.e
      ON CONFLICT DO NOTHING`;
    await db.$executeRaw`
      INSERT INTO "EventPlace" (id, "eventId", "placeId", kind, "dateFrom", "dateTo", "eventCreatedAt")
      SELECT t.id, t.e, t.p, ev.kind, ev."dateFrom", ev."dateTo", ev."createdAt"
      FROM unnest(${epl.id}::text[], ${epl.event}::text[], ${epl.place}::text[]) AS t(id, e, p)
      JOIN "Event" ev ON ev.id = t.e`;
    await db.$executeRaw`
      INSERT INTO "Mention" (id, "articleId", kind, start, "end", text, sentence, "actorId")
      SELECT id, a, 'actor', s, s + 6, 'Akteur', 0, act FROM unnest(${men.id}::text[], ${men.article}::text[], ${men.actor}::text[], ${men.start}::int[]) AS t(id, a, act, s)`;
    await db.$executeRaw`
      INSERT INTO "ActorAlias" (id, "actorId", name, "articleId")
      SELECT id, act, nm, a FROM unnest(${alias.id}::text[], ${alias.actor}::text[], ${alias.name}::text[], ${alias.article}::text[]) AS t(id, act, nm, a)
      ON CONFLICT DO NOTHING`;
    await db.$executeRaw`
      INSERT INTO "Quote" (id, "articleId", ordinal, "speakerId", "speakerLabel", text, mode, start, "end", sentence, "articleDay")
      SELECT t.id, t.a, t.o, t.s, 'Sprecher', 'Wir sind zu Gesprächen bereit.', 'direct', 0, 30, 0, ar."publishedWindowFrom"
      FROM unnest(${quo.id}::text[], ${quo.article}::text[], ${quo.ordinal}::int[], ${quo.speaker}::text[]) AS t(id, a, o, s)
      JOIN "Article" ar ON ar.id = t.a`;
    await db.$executeRaw`
      INSERT INTO "Position" (id, "articleId", ordinal, "actorId", "issueId", stance, "evidenceText", "evidenceStart", "evidenceEnd", "evidenceSentence",
                              date, "dateFrom", "dateTo", day, "quoteId")
      SELECT id, a, o, act, iss, st, 'Synthetischer Beleg.', 0, 20, 0, d, d::date, d::date, dy::date, q
      FROM unnest(${pos.id}::text[], ${pos.article}::text[], ${pos.ordinal}::int[], ${pos.actor}::text[], ${pos.issue}::text[], ${pos.stance}::text[],
                  ${pos.date}::text[], ${pos.day}::text[], ${pos.quote}::text[]) AS t(id, a, o, act, iss, st, d, dy, q)`;
    if ((start / BATCH) % 4 === 3 || start + n >= ARTICLES) {
      const secs = (performance.now() - t0) / 1000;
      log(`${start + n}/${ARTICLES} articles, ${eventSeq} events (${secs.toFixed(0)} s)`);
    }
  }
  // The corpus bypasses persistExtraction, so the summaries it maintains are built here from the base tables (the
  // copied columns were written with the rows above).
  await rebuildSummaries(db, { only: ["EventTally", "PositionCell", "PositionCellDay", "ActorArticle", "ActorTotal"], log });
  // VACUUM as autovacuum would after a bulk insert: sets the visibility map, so index-only scans need no heap visits.
  await db.$executeRaw`VACUUM ANALYZE`;
  log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ------------------------------------------------------------------------------------------------ timing

interface Result {
  name: string;
  procedure: string;
  input: unknown;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** CPU milliseconds this Node process spent per call (p50): the part of the time that is not the database or waiting. */
  nodeCpuP50: number;
  /** What one answer held, for context (e.g. rows returned). */
  size?: string;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

async function time<T>(name: string, procedure: string, input: (i: number) => unknown, call: (i: number) => Promise<T>, size?: (r: T) => string): Promise<Result> {
  if (only && !name.includes(only) && procedure !== "(none)") return { name, procedure, input: null, runs: 0, p50: 0, p95: 0, max: 0, mean: 0, nodeCpuP50: 0 };
  let last: T | undefined;
  for (let i = 0; i < 3; i++) last = await call(i);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    last = await call(i + 3);
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const r: Result = {
    name,
    procedure,
    input: input(0),
    runs,
    p50: round(quantile(ms, 0.5)),
    p95: round(quantile(ms, 0.95)),
    max: round(ms.at(-1)!),
    mean: round(ms.reduce((a, b) => a + b, 0) / ms.length),
    nodeCpuP50: round(quantile(cpu, 0.5)),
    size: last !== undefined && size ? size(last) : undefined,
  };
  log(`${name.padEnd(46)} p50 ${String(r.p50).padStart(8)} ms   p95 ${String(r.p95).padStart(8)} ms   node cpu ${String(r.nodeCpuP50).padStart(6)} ms   ${r.size ?? ""}`);
  return r;
}
const round = (x: number) => Math.round(x * 10) / 10;

// ------------------------------------------------------------------------------------------------ main

const { url, stop } = await openDatabase();
log(`database ${url.replace(/:[^:@/]*@/, ":***@")}`);
const migrated = await migrateDeploy(url);
if (migrated.applied.length || migrated.rebuilt.length) log(`migrated: ${[...migrated.applied, ...migrated.rebuilt].join(", ") || "-"}`);
const db = createDb(url, { poolSize: 10 });
try {
  const before = await counts(db);
  if (reuse && before.articles === ARTICLES && before.events === ARTICLES * EVENTS_PER_ARTICLE) {
    log(`reusing the corpus in the database (${before.articles} articles, ${before.events} events)`);
    if (migrated.applied.length || migrated.rebuilt.length) {
      // As autovacuum would after the rewrite: statistics and the visibility map for index-only scans.
      log("VACUUM ANALYZE after the migration");
      await db.$executeRaw`VACUUM ANALYZE`;
    }
  } else {
    if (before.articles > 0) log(`wiping ${before.articles} articles`);
    await wipe(db);
    log(`loading ${ARTICLES} articles × ${EVENTS_PER_ARTICLE} events (scale ${scale})`);
    await load(db);
  }
  const rows = await counts(db);
  const caller = appRouter.createCaller(createContextInner({ db, ingestToken: null }));

  // Inputs: the busiest and a median actor, the busiest place, two-week windows across the crisis.
  const [topActor] = await db.$queryRaw<{ id: string }[]>`
    SELECT "actorId" AS id FROM "EventParticipant" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const [medianActor] = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (SELECT "actorId" AS id, count(*) AS n FROM "EventParticipant" GROUP BY 1) t ORDER BY n DESC OFFSET ${Math.floor(ACTORS / 2)} LIMIT 1`;
  const [topPlace] = await db.$queryRaw<{ id: string }[]>`SELECT "placeId" AS id FROM "EventPlace" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const [posActor] = await db.$queryRaw<{ id: string }[]>`SELECT "actorId" AS id FROM "Position" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const enrichment = await db.issue.findFirstOrThrow({ where: { code: "enrichment" }, select: { id: true } });
  const twoWeeks = (i: number) => {
    const from = CRISIS0 + ((i * 5) % 45);
    return { from: dayIso(from), to: dayIso(from + 13) };
  };
  const crisis = { from: "2026-01-01", to: "2026-02-28" };

  const results: Result[] = [];
  // The floor: one round trip through Prisma with no work, to tell query cost from machine load.
  const baseline = await time("baseline: SELECT 1 through Prisma", "(none)", () => null, () => db.$queryRaw`SELECT 1`);
  const len = (r: { events?: unknown[]; places?: unknown[]; items?: unknown[]; cells?: unknown[]; pairs?: unknown[]; evidence?: unknown[] }) =>
    Object.entries(r)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => `${k}: ${(v as unknown[]).length}`)
      .join(", ");

  results.push(await time("timeline.events, 2-week crisis window", "timeline.events", (i) => ({ filter: twoWeeks(i) }), (i) => caller.timeline.events({ filter: twoWeeks(i) }), (r) => `${len(r)} of ${r.total}`));
  results.push(await time("timeline.events, whole crisis (Jan–Feb 2026)", "timeline.events", () => ({ filter: crisis }), () => caller.timeline.events({ filter: crisis }), (r) => `${len(r)} of ${r.total}`));
  results.push(await time("timeline.events, all time", "timeline.events", () => ({ filter: {} }), () => caller.timeline.events({ filter: {} }), (r) => `${len(r)} of ${r.total}`));
  results.push(
    await time(
      "timeline.events, 2 weeks + kind + actor",
      "timeline.events",
      (i) => ({ filter: { ...twoWeeks(i), kinds: ["negotiate", "threaten"], actors: [topActor!.id] } }),
      (i) => caller.timeline.events({ filter: { ...twoWeeks(i), kinds: ["negotiate", "threaten"], actors: [topActor!.id] } }),
      (r) => `${len(r)} of ${r.total}`,
    ),
  );
  results.push(await time("timeline.overview, all time", "timeline.overview", () => ({ filter: {} }), () => caller.timeline.overview({ filter: {} }), (r) => `weeks: ${r.weeks.length}`));
  results.push(await time("places.map, all time", "places.map", () => ({ filter: {} }), () => caller.places.map({ filter: {} }), (r) => len(r)));
  results.push(await time("places.map, 2-week crisis window", "places.map", (i) => ({ filter: twoWeeks(i) }), (i) => caller.places.map({ filter: twoWeeks(i) }), (r) => len(r)));
  results.push(
    await time("places.events, busiest place, crisis", "places.events", () => ({ id: topPlace!.id, filter: crisis }), () => caller.places.events({ id: topPlace!.id, filter: crisis }), (r) => `${len(r)} of ${r.total}`),
  );
  results.push(await time("positions.matrix, latest", "positions.matrix", () => ({ filter: {} }), () => caller.positions.matrix({ filter: {} }), (r) => len(r)));
  results.push(
    await time("positions.matrix, as of 2026-01-31", "positions.matrix", () => ({ filter: {}, asOf: "2026-01-31" }), () => caller.positions.matrix({ filter: {}, asOf: "2026-01-31" }), (r) => len(r)),
  );
  results.push(await time("positions.agreement, latest", "positions.agreement", () => ({ filter: {} }), () => caller.positions.agreement({ filter: {} }), (r) => len(r)));
  results.push(
    await time(
      "positions.cell, most quoted actor × enrichment",
      "positions.cell",
      () => ({ actorId: posActor!.id, issueId: enrichment.id }),
      () => caller.positions.cell({ actorId: posActor!.id, issueId: enrichment.id }),
      (r) => len(r),
    ),
  );
  results.push(await time("actors.list, first page", "actors.list", () => ({}), () => caller.actors.list({}), (r) => `${len(r)} of ${r.total}`));
  results.push(
    await time("actors.list, 2-week crisis window", "actors.list", (i) => ({ filter: twoWeeks(i) }), (i) => caller.actors.list({ filter: twoWeeks(i) }), (r) => `${len(r)} of ${r.total}`),
  );
  results.push(await time("actors.list, persons", "actors.list", () => ({ kind: "person" }), () => caller.actors.list({ kind: "person" }), (r) => `${len(r)} of ${r.total}`));
  results.push(await time("overview.summary, all time", "overview.summary", () => ({ filter: {} }), () => caller.overview.summary({ filter: {} }), (r) => `actors: ${r.counts.actors}`));
  results.push(
    await time("overview.summary, 2-week crisis window", "overview.summary", (i) => ({ filter: twoWeeks(i) }), (i) => caller.overview.summary({ filter: twoWeeks(i) }), (r) => `actors: ${r.counts.actors}`),
  );
  results.push(await time("overview.filterOptions", "overview.filterOptions", () => undefined, () => caller.overview.filterOptions(), (r) => `actors: ${r.actors.length}`));
  results.push(await time("articles.list, first page", "articles.list", () => ({}), () => caller.articles.list({}), (r) => `${len(r)} of ${r.total}`));
  results.push(
    await time("articles.list, 2-week crisis window", "articles.list", (i) => ({ filter: twoWeeks(i) }), (i) => caller.articles.list({ filter: twoWeeks(i) }), (r) => `${len(r)} of ${r.total}`),
  );
  results.push(await time("actors.byId, median actor (actor page)", "actors.byId", () => ({ id: medianActor!.id }), () => caller.actors.byId({ id: medianActor!.id }), (r) => len(r)));
  results.push(await time("actors.byId, busiest actor (actor page)", "actors.byId", () => ({ id: topActor!.id }), () => caller.actors.byId({ id: topActor!.id }), (r) => len(r)));

  const [pg] = await db.$queryRaw<{ v: string }[]>`SELECT version() AS v`;
  const out = {
    generatedAt: new Date().toISOString(),
    script: "apps/web/bench/queries.bench.ts",
    scale,
    targetP95Ms: 100,
    postgres: pg?.v,
    node: process.version,
    machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    rows,
    note: [
      "Milliseconds per tRPC call through createCaller (server-side, no HTTP), after 3 warm-up calls. `baseline` is a bare SELECT 1 round trip; on a loaded machine everything scales with it.",
      extraNote && extraNote !== "true" ? extraNote : null,
    ]
      .filter(Boolean)
      .join(" "),
    baseline: { p50: baseline.p50, p95: baseline.p95 },
    queries: results.map((r) => ({ ...r, meetsTarget: r.p95 < 100 })),
  };
  if (!only) {
    const dir = join(repoRoot(), "bench");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, outName);
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    log(`wrote ${file}`);
  } else log("--only: nothing written");
} finally {
  await db.$disconnect();
  await stop();
}
