// The summaries persistExtraction maintains, the rebuild from the base tables, and the rebuild migrateDeploy runs.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ArticleGraph, Position, Stance } from "@lagebild/model";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../src/client.ts";
import { PACKAGE_DIR, migrateDeploy } from "../src/migrate.ts";
import { persistExtraction } from "../src/persist.ts";
import { missingSummaries, rebuildSummaries } from "../src/summaries.ts";
import { actor, article, extraction, merged, place } from "./fixtures.ts";
import { freshDatabase, type TestDatabase } from "./helpers.ts";

const run = promisify(execFile);

const STANCES: Stance[] = ["support", "oppose", "neutral", "ambiguous"];
const PUBLISHED = ["2026-01-20", "2026-01-05", "2026-02-11", "2026-01-05", "2026-01-28", "2026-01-12", "2026-02-02", "2026-01-20", "2026-01-01", "2026-02-11"];

/**
 * Ten articles published out of order. Each has positions of two actors on two issues (own dates on various days,
 * some undated so they count from the publication day, one with no day at all), an event at a place (the first
 * five report one meeting dated only to the month, the later ones the same meeting on a day, so the event is refined
 * and counted anew), and an event of its own.
 */
function corpus(): ArticleGraph[] {
  const graphs: ArticleGraph[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  PUBLISHED.forEach((published, i) => {
    graphs.push(
      article({
        file: `s${i}.md`,
        outlet: i % 2 ? "Zeit" : "Spiegel",
        // The last article has no known publication day: its undated position has no day either.
        published: i === 9 ? undefined : published,
        sentences: [
          `Iran und die USA verhandelten in Maskat, Bericht ${i}.`,
          `Iran lehnt das ab, sagte Teheran in Bericht ${i}.`,
          `Die USA fordern mehr, hieß es in Bericht ${i}.`,
          `In Genf protestierten Menschen, Bericht ${i}.`,
        ],
        build: ({ m }) => {
          const positions: Position[] = [];
          for (const [k, who] of ["state:IR", "state:US"].entries()) {
            for (const issue of ["enrichment", "missiles"]) {
              for (let j = 0; j < 2; j++) {
                const own = next() < 0.6 ? `2026-01-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}` : undefined;
                positions.push({
                  actor: who,
                  issue,
                  stance: STANCES[Math.floor(next() * 4)]!,
                  evidence: m(k === 0 ? `Iran lehnt das ab, sagte Teheran in Bericht ${i}.` : `Die USA fordern mehr, hieß es in Bericht ${i}.`),
                  ...(own ? { date: own } : {}),
                });
              }
            }
          }
          return {
            actors: [
              actor("state:IR", "state", "Iran", [m("Iran", 0), m("Iran", 1)]),
              actor("state:US", "state", "USA", [m("USA", 0), m("USA", 1)]),
            ],
            places: [place("place:maskat", "Maskat", 23.588, 58.3829, [m("Maskat")]), place("place:genf", "Genf", 46.2, 6.14, [m("Genf")], "CH")],
            events: [
              {
                kind: "negotiate",
                summary: "Verhandlungen in Maskat",
                date:
                  i < 5
                    ? { value: "2026-01", precision: "month", resolution: { kind: "absolute", rule: "month-year" } }
                    : { value: "2026-01-19", precision: "day", resolution: { kind: "absolute", rule: "explicit-day-month-year" } },
                status: "reported",
                participants: [
                  { actor: "state:IR", role: "participant" },
                  { actor: "state:US", role: "participant" },
                ],
                places: ["place:maskat"],
                trigger: m("verhandelten"),
                evidence: [m(`Iran und die USA verhandelten in Maskat, Bericht ${i}.`)],
                figures: [],
              },
              {
                kind: "protest",
                summary: `Protest in Genf ${i}`,
                ...(i === 3 ? {} : { date: { value: published, precision: "day", resolution: { kind: "inferred", rule: "publication-date" } } }),
                status: "reported",
                participants: [{ actor: i % 3 ? "state:IR" : "state:US", role: "target" }],
                places: ["place:genf"],
                trigger: m("protestierten"),
                evidence: [m(`In Genf protestierten Menschen, Bericht ${i}.`)],
                figures: [],
              },
            ],
            quotes: [],
            positions,
          };
        },
      }),
    );
  });
  return graphs;
}

/** Every summary and copied column, in a stable order. */
async function snapshot(db: Db) {
  const [tally, totals, placeTotals, actorTotals, cells, days, seen, participants, places, quotes, positionDays] = await Promise.all([
    db.$queryRaw`SELECT id, "placeId", kind, "datePrecision", "dateFrom"::text, "dateTo"::text, n FROM "EventTally" WHERE n <> 0 ORDER BY id`,
    db.$queryRaw`SELECT "placeId", kind, n, "firstDay"::text, "lastDay"::text FROM "PlaceKindTotal" WHERE n <> 0 ORDER BY 1, 2`,
    db.$queryRaw`SELECT "placeId", n, "firstDay"::text, "lastDay"::text, kinds, counts FROM "PlaceTotal" WHERE n <> 0 ORDER BY 1`,
    db.$queryRaw`SELECT "actorId", participations, articles, mentions, quotes, positions FROM "ActorTotal" ORDER BY 1`,
    db.$queryRaw`SELECT "actorId", "issueId", stance, day::text, n, changes, "changedFrom", "changedOn"::text, support, oppose, neutral, ambiguous FROM "PositionCell" ORDER BY 1, 2`,
    db.$queryRaw`SELECT "actorId", "issueId", day::text, stance, n, changes, "changedFrom", "changedOn"::text, support, oppose, neutral, ambiguous FROM "PositionCellDay" ORDER BY 1, 2, 3`,
    db.$queryRaw`SELECT "actorId", "articleId", mentions, day::text, "wideTo"::text, "articleCreatedAt" FROM "ActorArticle" ORDER BY 1, 2`,
    db.$queryRaw`SELECT id, kind, "dateFrom"::text, "dateTo"::text, "independentSources", "eventCreatedAt" FROM "EventParticipant" ORDER BY id`,
    db.$queryRaw`SELECT id, kind, "dateFrom"::text, "dateTo"::text, "eventCreatedAt" FROM "EventPlace" ORDER BY id`,
    db.$queryRaw`SELECT id, "articleDay"::text FROM "Quote" ORDER BY id`,
    db.$queryRaw`SELECT id, day::text FROM "Position" ORDER BY id`,
  ]);
  return { tally, totals, placeTotals, actorTotals, cells, days, seen, participants, places, quotes, positionDays };
}

/** The as-of-day cell states computed here, from the positions, independently of the SQL. */
async function cellDaysFromPositions(db: Db) {
  const rows = await db.$queryRaw<{ id: string; actorId: string; issueId: string; stance: string; day: string }[]>`
    SELECT id, "actorId", "issueId", stance, day::text FROM "Position" WHERE day IS NOT NULL ORDER BY "actorId", "issueId", day, id`;
  const out: Record<string, unknown>[] = [];
  let cell = "";
  let st = { n: 0, changes: 0, prev: null as string | null, changedFrom: null as string | null, changedOn: null as string | null, counts: { support: 0, oppose: 0, neutral: 0, ambiguous: 0 } };
  rows.forEach((r, i) => {
    if (`${r.actorId} ${r.issueId}` !== cell) {
      cell = `${r.actorId} ${r.issueId}`;
      st = { n: 0, changes: 0, prev: null, changedFrom: null, changedOn: null, counts: { support: 0, oppose: 0, neutral: 0, ambiguous: 0 } };
    }
    if (st.prev !== null && st.prev !== r.stance) {
      st.changes++;
      st.changedFrom = st.prev;
      st.changedOn = r.day;
    }
    st.n++;
    st.counts[r.stance as Stance]++;
    st.prev = r.stance;
    const nxt = rows[i + 1];
    if (!nxt || nxt.actorId !== r.actorId || nxt.issueId !== r.issueId || nxt.day !== r.day) {
      out.push({
        actorId: r.actorId,
        issueId: r.issueId,
        day: r.day,
        stance: r.stance,
        n: st.n,
        changes: st.changes,
        changedFrom: st.changedFrom,
        changedOn: st.changedOn,
        ...st.counts,
      });
    }
  });
  return out;
}

let t: TestDatabase;
let persisted: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  t = await freshDatabase();
  const graphs = corpus();
  // One merged meeting over all ten reports, dated as each report dates it; each article stored in its own run (as
  // separate ingests would), so the first day-dated report refines the stored month.
  const all = graphs.map((graph) => ({ graph, event: 0 }));
  for (const graph of graphs) {
    const meeting = merged(all, { date: graph.events[0]!.date ?? null, independentSources: 1 });
    const res = await persistExtraction(t.db, extraction([graph], [meeting, merged([{ graph, event: 1 }])]));
    expect(res.failed, JSON.stringify(res.articles)).toBe(0);
  }
  persisted = await snapshot(t.db);
});

afterAll(async () => {
  await t?.drop();
});

describe("summaries kept by persistExtraction", () => {
  test("the fixture exercises them: a refined event, out-of-order days, undated evidence", async () => {
    const events = await t.db.event.findMany({ where: { kind: "negotiate" }, select: { datePrecision: true, dateFrom: true, independentSources: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ datePrecision: "day", dateFrom: new Date("2026-01-19T00:00:00Z") });
    expect(events[0]!.independentSources).toBe(2); // Spiegel and Zeit
    expect((persisted.days as unknown[]).length).toBeGreaterThan(20);
    expect(await t.db.position.count({ where: { day: null } })).toBeGreaterThan(0);
  });

  test("PositionCellDay holds each cell's state at the end of each day, as computed from the positions", async () => {
    const fromPositions = await cellDaysFromPositions(t.db);
    expect(persisted.days).toEqual(fromPositions);
  });

  test("copied event columns match their events; first and last days match the links", async () => {
    const [stale] = await t.db.$queryRaw<{ participants: number; places: number; quotes: number }[]>`
      SELECT (SELECT count(*)::int FROM "EventParticipant" ep JOIN "Event" e ON e.id = ep."eventId"
              WHERE (ep.kind, ep."dateFrom", ep."dateTo", ep."independentSources", ep."eventCreatedAt")
                    IS DISTINCT FROM (e.kind, e."dateFrom", e."dateTo", e."independentSources", e."createdAt")) AS participants,
             (SELECT count(*)::int FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId"
              WHERE (ep.kind, ep."dateFrom", ep."dateTo", ep."eventCreatedAt") IS DISTINCT FROM (e.kind, e."dateFrom", e."dateTo", e."createdAt")) AS places,
             (SELECT count(*)::int FROM "Quote" q JOIN "Article" a ON a.id = q."articleId" WHERE q."articleDay" IS DISTINCT FROM a."publishedWindowFrom") AS quotes`;
    expect(stale).toEqual({ participants: 0, places: 0, quotes: 0 });
    const fromLinks = await t.db.$queryRaw`
      SELECT ep."placeId", e.kind, count(*)::int AS n, min(e."dateFrom")::text AS "firstDay", max(e."dateTo")::text AS "lastDay"
      FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId" GROUP BY 1, 2 ORDER BY 1, 2`;
    expect(persisted.totals).toEqual(fromLinks);
    // Per place: the kinds most frequent first with their counts, and the extent of the dated links.
    const perPlace = await t.db.$queryRaw<{ placeId: string; kind: string; n: number; first: string | null; last: string | null }[]>`
      SELECT ep."placeId", e.kind, count(*)::int AS n, min(e."dateFrom")::text AS first, max(e."dateTo")::text AS last
      FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId" GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`;
    const expected = new Map<string, { placeId: string; n: number; firstDay: string | null; lastDay: string | null; kinds: string[]; counts: number[] }>();
    for (const r of perPlace) {
      const p = expected.get(r.placeId) ?? { placeId: r.placeId, n: 0, firstDay: null, lastDay: null, kinds: [], counts: [] };
      p.n += r.n;
      if (r.first && (!p.firstDay || r.first < p.firstDay)) p.firstDay = r.first;
      if (r.last && (!p.lastDay || r.last > p.lastDay)) p.lastDay = r.last;
      p.kinds.push(r.kind);
      p.counts.push(r.n);
      expected.set(r.placeId, p);
    }
    expect(persisted.placeTotals).toEqual([...expected.values()].sort((a, b) => (a.placeId < b.placeId ? -1 : 1)));
    // The refinement moved Maskat's meeting from January as a whole to the 19th.
    const maskat = await t.db.place.findUniqueOrThrow({ where: { key: "place:maskat" }, select: { id: true } });
    expect(await t.db.placeKindTotal.findMany({ where: { placeId: maskat.id }, select: { kind: true, n: true, firstDay: true, lastDay: true } })).toEqual([
      { kind: "negotiate", n: 1, firstDay: new Date("2026-01-19T00:00:00Z"), lastDay: new Date("2026-01-19T00:00:00Z") },
    ]);
  });

  test("ActorArticle counts each actor's mentions per article", async () => {
    const fromMentions = await t.db.$queryRaw`
      SELECT m."actorId", m."articleId", count(*)::int AS mentions, a."publishedWindowFrom"::text AS day,
             (CASE WHEN a."publishedWindowTo" > a."publishedWindowFrom" THEN a."publishedWindowTo" END)::text AS "wideTo",
             a."createdAt" AS "articleCreatedAt"
      FROM "Mention" m JOIN "Article" a ON a.id = m."articleId" WHERE m."actorId" IS NOT NULL GROUP BY 1, 2, 4, 5, 6 ORDER BY 1, 2`;
    expect(persisted.seen).toEqual(fromMentions);
    expect((persisted.seen as { mentions: number }[]).every((r) => r.mentions === 2)).toBe(true);
  });

  test("ActorTotal counts each actor's participant rows, the articles mentioning it, its mentions, quotes and positions", async () => {
    const fromBase = await t.db.$queryRaw`
      SELECT a.id AS "actorId", (SELECT count(*)::int FROM "EventParticipant" p WHERE p."actorId" = a.id) AS participations,
             (SELECT count(DISTINCT m."articleId")::int FROM "Mention" m WHERE m."actorId" = a.id) AS articles,
             (SELECT count(*)::int FROM "Mention" m WHERE m."actorId" = a.id) AS mentions,
             (SELECT count(*)::int FROM "Quote" q WHERE q."speakerId" = a.id) AS quotes,
             (SELECT count(*)::int FROM "Position" p WHERE p."actorId" = a.id) AS positions
      FROM "Actor" a ORDER BY 1`;
    expect(persisted.actorTotals).toEqual(fromBase);
    // Ten articles mention both actors twice and carry four positions of each; Iran takes part in the meeting and in
    // the protests of articles 1, 2, 4, 5, 7, 8.
    const iran = await t.db.actor.findUniqueOrThrow({ where: { key: "state:IR" }, select: { total: true } });
    expect(iran.total).toEqual({ actorId: expect.any(String), participations: 1 + 6, articles: 10, mentions: 20, quotes: 0, positions: 40 });
  });
});

describe("rebuilding the summaries", () => {
  test("rebuildSummaries recomputes exactly what persistExtraction kept", async () => {
    await t.db.$executeRaw`UPDATE "PositionCellDay" SET n = n + 5`;
    await t.db.$executeRaw`UPDATE "EventParticipant" SET "independentSources" = 9, "dateFrom" = NULL`;
    await t.db.$executeRaw`DELETE FROM "ActorArticle"`;
    await t.db.$executeRaw`UPDATE "PlaceKindTotal" SET "firstDay" = NULL`;
    await t.db.$executeRaw`UPDATE "PlaceTotal" SET kinds = '{}'`;
    await t.db.$executeRaw`UPDATE "ActorTotal" SET articles = 0, mentions = 1, positions = 0`;
    const res = await rebuildSummaries(t.db);
    expect(res.rebuilt).toEqual(["Position.day", "EventTally", "PositionCell", "PositionCellDay", "ActorArticle", "ActorTotal", "copies"]);
    expect(await snapshot(t.db)).toEqual(persisted);
  });

  test("migrateDeploy rebuilds the summaries that are empty while their base rows exist, and only once", async () => {
    expect(await missingSummaries(t.db)).toEqual([]);
    // A database from before the summaries: none of them, and positions without their day.
    await t.db.$executeRaw`TRUNCATE "EventTally", "PlaceKindTotal", "PlaceTotal", "PositionCell", "PositionCellDay", "ActorArticle", "ActorTotal"`;
    await t.db.$executeRaw`UPDATE "Position" SET day = NULL`;
    const all = ["Position.day", "EventTally", "PositionCell", "PositionCellDay", "ActorArticle", "ActorTotal"];
    expect(await missingSummaries(t.db)).toEqual(all);
    const first = await migrateDeploy(t.url, { engine: "wasm" });
    expect(first).toEqual({ engine: "wasm", applied: [], rebuilt: all });
    expect(await snapshot(t.db)).toEqual(persisted);
    expect((await migrateDeploy(t.url, { engine: "wasm" })).rebuilt).toEqual([]);
  });

  test("the migration that added mentions, quotes and positions to ActorTotal fills them in a database with data", async () => {
    const name = "20261122054923_actor_total_counts";
    // The database as it was before that migration: the columns missing, the migration not recorded.
    await t.db.$executeRaw`ALTER TABLE "ActorTotal" DROP COLUMN mentions, DROP COLUMN quotes, DROP COLUMN positions`;
    await t.db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${name}`;
    expect(await migrateDeploy(t.url, { engine: "wasm" })).toEqual({ engine: "wasm", applied: [name], rebuilt: [] });
    expect(await snapshot(t.db)).toEqual(persisted);
  });

  test("the migration that copied wide publication windows onto ActorArticle fills them in a database with data", async () => {
    const name = "20261122060759_actor_article_wide_windows";
    // One article whose publication is known only to the month (its window then ends on the 31st).
    const [wide] = await t.db.$queryRaw<{ id: string; from: string }[]>`
      UPDATE "Article" SET "publishedWindowTo" = '2026-01-31' WHERE file = 's1.md' RETURNING id, "publishedWindowFrom"::text AS from`;
    expect(wide!.from).toBe("2026-01-05");
    await t.db.$executeRaw`ALTER TABLE "ActorArticle" DROP COLUMN "wideTo"`;
    await t.db.$executeRaw`DROP INDEX "ActorArticle_day_actorId_idx"`;
    await t.db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${name}`;
    expect(await migrateDeploy(t.url, { engine: "wasm" })).toEqual({ engine: "wasm", applied: [name], rebuilt: [] });
    const rows = await t.db.$queryRaw<{ articleId: string; wideTo: string | null }[]>`SELECT "articleId", "wideTo"::text FROM "ActorArticle" WHERE "wideTo" IS NOT NULL`;
    expect(rows.map((r) => [r.articleId, r.wideTo])).toEqual([
      [wide!.id, "2026-01-31"],
      [wide!.id, "2026-01-31"],
    ]);
    // Back to the corpus as ingested.
    await t.db.$executeRaw`UPDATE "Article" SET "publishedWindowTo" = "publishedWindowFrom" WHERE id = ${wide!.id}`;
    await t.db.$executeRaw`UPDATE "ActorArticle" SET "wideTo" = NULL`;
    expect(await snapshot(t.db)).toEqual(persisted);
  });

  test("`db rebuild-summaries` rebuilds them from the command line", async () => {
    await t.db.$executeRaw`TRUNCATE "PositionCellDay", "ActorArticle"`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", join(PACKAGE_DIR, "src", "cli.ts"), "rebuild-summaries", "PositionCellDay", "ActorArticle"], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, DATABASE_URL: t.url },
    });
    expect(stdout).toMatch(/rebuilt PositionCellDay, ActorArticle in/);
    expect(await snapshot(t.db)).toEqual(persisted);
  });
});
