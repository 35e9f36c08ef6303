// The list views whose counts come from maintained summaries (ActorTotal) or per-page counts: actors.list,
// overview.filterOptions / overview.summary, articles.list. Each count is checked against fixed numbers from the
// fixtures and against the base tables, after two ingests (the second re-submits an article the first stored).
import { persistExtraction } from "@lagebild/db";
import { describe, expect, it } from "vitest";
import { ALIAS_ARTICLES } from "../src/server/routers/actors.ts";
import { articleC, threeArticles } from "./support/fixtures.ts";
import { useFreshDb } from "./support/fresh-db.ts";

const { db, caller } = useFreshDb();

/** Zeit's article alone, then all three (Zeit's again, unchanged): the summaries must add up, not double count. */
async function seedInTwoIngests() {
  const c = articleC();
  const first = await persistExtraction(db(), {
    dossier: "us-iran-2026",
    articles: [c],
    events: [{ ...c.events[0]!, reports: [{ article: c.article.contentHash, event: 0 }], independentSources: 1, conflicts: [] }],
  });
  expect(first.failed).toBe(0);
  const second = await persistExtraction(db(), threeArticles());
  expect(second.failed).toBe(0);
  expect(await db().article.count()).toBe(3);
}

/** Per actor name: mentions, event participations, quotes, positions, counted from the base tables. */
async function actorCountsFromBase() {
  const rows = await db().$queryRaw<{ name: string; m: number; e: number; q: number; p: number }[]>`
    SELECT a.name, (SELECT count(*)::int FROM "Mention" x WHERE x."actorId" = a.id) AS m,
           (SELECT count(*)::int FROM "EventParticipant" x WHERE x."actorId" = a.id) AS e,
           (SELECT count(*)::int FROM "Quote" x WHERE x."speakerId" = a.id) AS q,
           (SELECT count(*)::int FROM "Position" x WHERE x."actorId" = a.id) AS p
    FROM "Actor" a`;
  return Object.fromEntries(rows.map((r) => [r.name, [r.m, r.e, r.q, r.p]]));
}

describe("actors.list", () => {
  it("counts mentions, events, quotes and positions per actor, most mentioned first", async () => {
    await seedInTwoIngests();
    const res = await caller().actors.list({});
    expect(res.total).toBe(5);
    const counts = Object.fromEntries(res.items.map((a) => [a.name, [a.mentionCount, a.eventCount, a.quoteCount, a.positionCount]]));
    expect(counts).toEqual({
      "Abbas Araghtschi": [3, 1, 1, 0],
      Iran: [3, 2, 0, 1],
      "Donald Trump": [2, 1, 1, 1],
      "Steve Witkoff": [2, 1, 0, 0],
      USA: [1, 1, 0, 0],
    });
    expect(counts).toEqual(await actorCountsFromBase());
    // Ties on mentions by name.
    expect(res.items.map((a) => a.name)).toEqual(["Abbas Araghtschi", "Iran", "Donald Trump", "Steve Witkoff", "USA"]);
  });

  it("keeps the same counts when a filter narrows the list, and pages through it", async () => {
    await seedInTwoIngests();
    // Zeit (15 Jan) names Iran and the USA; the filter picks the actors, the counts stay the actors' totals.
    const zeit = await caller().actors.list({ filter: { to: "2026-01-31" } });
    expect(zeit.items.map((a) => [a.name, a.mentionCount, a.eventCount])).toEqual([
      ["Iran", 3, 2],
      ["USA", 1, 1],
    ]);
    const feb = await caller().actors.list({ filter: { from: "2026-02-08" } });
    expect(feb.items.map((a) => a.name)).toEqual(["Abbas Araghtschi", "Iran", "Donald Trump", "Steve Witkoff"]);
    const threats = await caller().actors.list({ filter: { kinds: ["sanction"] } });
    expect(threats.items.map((a) => a.name)).toEqual(["Iran", "USA"]);
    const page = await caller().actors.list({ page: { cursor: 1, limit: 2 } });
    expect(page.items.map((a) => `${a.name}:${a.mentionCount}`)).toEqual(["Iran:3", "Donald Trump:2"]);
    expect(page).toMatchObject({ total: 5, nextCursor: 3 });
    const people = await caller().actors.list({ kind: "person", q: "tr" });
    expect(people.items.map((a) => [a.name, a.quoteCount, a.positionCount])).toEqual([["Donald Trump", 1, 1]]);
  });

  it("sees an actor in an article known only to the month in any range that overlaps the month", async () => {
    const c = articleC();
    c.article.published = { value: "2026-01", precision: "month", window: ["2026-01-01", "2026-01-31"], source: "front-matter" };
    const res = await persistExtraction(db(), {
      dossier: "us-iran-2026",
      articles: [c],
      events: [{ ...c.events[0]!, reports: [{ article: c.article.contentHash, event: 0 }], independentSources: 1, conflicts: [] }],
    });
    expect(res.failed).toBe(0);
    const ranges = [
      [{ from: "2026-01-20", to: "2026-01-25" }, 2],
      [{ from: "2026-01-31" }, 2],
      [{ to: "2026-01-01" }, 2],
      [{ from: "2025-12-01", to: "2026-03-01" }, 2],
      [{ from: "2026-02-01" }, 0],
      [{ to: "2025-12-31" }, 0],
    ] as const;
    for (const [filter, n] of ranges) {
      const actors = await caller().actors.list({ filter });
      expect(actors.items.map((a) => a.name), JSON.stringify(filter)).toEqual(n ? ["Iran", "USA"] : []);
      expect(actors.total).toBe(n);
      expect((await caller().overview.summary({ filter })).counts).toMatchObject({ actors: n, articles: n ? 1 : 0 });
    }
  });
});

describe("overview", () => {
  it("filterOptions: actors most mentioned first, with their event counts", async () => {
    await seedInTwoIngests();
    const o = await caller().overview.filterOptions();
    expect(o.actors.map((a) => `${a.label}:${a.count}`)).toEqual(["Abbas Araghtschi:1", "Iran:2", "Donald Trump:1", "Steve Witkoff:1", "USA:1"]);
  });

  it("filterOptions: events per kind and positions per issue from the summaries, the date range from the indexes", async () => {
    await seedInTwoIngests();
    const o = await caller().overview.filterOptions();
    const kinds = await db().event.groupBy({ by: ["kind"], _count: { _all: true } });
    expect(Object.fromEntries(o.kinds.filter((k) => k.count > 0).map((k) => [k.value, k.count]))).toEqual(Object.fromEntries(kinds.map((k) => [k.kind, k._count._all])));
    expect(Object.fromEntries(o.kinds.filter((k) => k.count > 0).map((k) => [k.value, k.count]))).toEqual({ negotiate: 1, threaten: 1, sanction: 1 });
    const issues = await db().position.findMany({ select: { issue: { select: { code: true } } } });
    const perIssue = new Map<string, number>();
    for (const p of issues) perIssue.set(p.issue.code, (perIssue.get(p.issue.code) ?? 0) + 1);
    expect(o.issues.filter((i) => i.count > 0).map((i) => [i.value, i.count])).toEqual([...perIssue].sort());
    expect(o.issues.filter((i) => i.count > 0).map((i) => [i.value, i.count])).toEqual([
      ["enrichment", 1],
      ["military", 1],
    ]);
    expect([o.minDate, o.maxDate]).toEqual(["2026-01-14", "2026-02-08"]);
  });

  it("summary: counts events by kind and date from the tally the same as over the events, and the ranges", async () => {
    await seedInTwoIngests();
    const filters: { from?: string; to?: string; kinds?: ("negotiate" | "sanction")[] }[] = [
      {},
      { kinds: ["negotiate"] },
      { from: "2026-02-07" },
      { to: "2026-02-06", kinds: ["negotiate", "sanction"] },
      { from: "2027-01-01" },
    ];
    for (const filter of filters) {
      const s = await caller().overview.summary({ filter });
      const events = await db().event.count({
        where: {
          AND: [
            filter.from ? { dateTo: { gte: new Date(`${filter.from}T00:00:00Z`) } } : {},
            filter.to ? { dateFrom: { lte: new Date(`${filter.to}T00:00:00Z`) } } : {},
            filter.kinds ? { kind: { in: filter.kinds } } : {},
          ],
        },
      });
      expect(s.counts.events, JSON.stringify(filter)).toBe(events);
    }
    expect((await caller().overview.summary({})).counts.events).toBe(3);
    expect((await caller().overview.summary({ filter: { from: "2026-02-07" } })).counts.events).toBe(1);
    const all = await caller().overview.summary({});
    expect(all.eventRange).toEqual({ from: "2026-01-14", to: "2026-02-08" });
    expect(all.articleRange).toEqual({ from: "2026-01-15", to: "2026-02-08" });
  });

  it("summary: corroborated events and the events' first and last day match the events, for every kind of filter", async () => {
    await seedInTwoIngests();
    const filters: { from?: string; to?: string; kinds?: ("negotiate" | "sanction" | "threaten")[]; outlets?: string[] }[] = [
      {},
      { from: "2026-02-07" },
      { to: "2026-02-06" },
      { from: "2026-01-01", to: "2026-01-31" },
      { kinds: ["negotiate"] },
      { kinds: ["sanction", "threaten"], from: "2026-01-01" },
      { outlets: ["Tagesschau"] },
      { outlets: ["Zeit"], to: "2026-02-28" },
      { from: "2027-01-01" },
    ];
    const seen = new Set<string>();
    for (const filter of filters) {
      const s = await caller().overview.summary({ filter });
      const where = {
        AND: [
          filter.from ? { dateTo: { gte: new Date(`${filter.from}T00:00:00Z`) } } : {},
          filter.to ? { dateFrom: { lte: new Date(`${filter.to}T00:00:00Z`) } } : {},
          filter.kinds ? { kind: { in: filter.kinds } } : {},
          filter.outlets ? { reports: { some: { article: { outlet: { in: filter.outlets } } } } } : {},
        ],
      };
      const events = await db().event.findMany({ where, select: { independentSources: true, dateFrom: true, dateTo: true } });
      const corroborated = events.filter((e) => e.independentSources >= 2).length;
      expect(s.counts.corroboratedEvents, JSON.stringify(filter)).toBe(corroborated);
      const days = (ds: (Date | null)[]) => ds.filter((d): d is Date => d !== null).map((d) => d.toISOString().slice(0, 10)).sort();
      const froms = days(events.map((e) => e.dateFrom));
      const tos = days(events.map((e) => e.dateTo));
      expect(s.eventRange, JSON.stringify(filter)).toEqual({ from: froms[0] ?? null, to: tos[tos.length - 1] ?? null });
      seen.add(`${corroborated}:${froms.length}`);
    }
    // The filters above reach both corroborated and uncorroborated events, and an empty window.
    expect((await caller().overview.summary({})).counts.corroboratedEvents).toBe(1);
    expect((await caller().overview.summary({ filter: { outlets: ["Zeit"] } })).counts.corroboratedEvents).toBe(0);
    expect((await caller().overview.summary({ filter: { from: "2027-01-01" } })).eventRange).toEqual({ from: null, to: null });
    expect(seen.size).toBeGreaterThan(2);
  });

  it("summary: counts the actors seen in the filtered articles", async () => {
    await seedInTwoIngests();
    expect((await caller().overview.summary({})).counts.actors).toBe(5);
    expect((await caller().overview.summary({ filter: { to: "2026-01-31" } })).counts.actors).toBe(2);
    expect((await caller().overview.summary({ filter: { outlets: ["Tagesschau"] } })).counts.actors).toBe(4);
    expect((await caller().overview.summary({ filter: { from: "2027-01-01" } })).counts.actors).toBe(0);
  });
});

describe("articles.list", () => {
  it("counts each listed article's events, quotes and positions", async () => {
    await seedInTwoIngests();
    const res = await caller().articles.list({});
    const counts = Object.fromEntries(res.items.map((a) => [a.outlet, [a.eventCount, a.quoteCount, a.positionCount]]));
    expect(counts).toEqual({ Tagesschau: [2, 1, 1], Spiegel: [1, 1, 1], Zeit: [1, 0, 0] });
    const base = await db().$queryRaw<{ outlet: string; e: number; q: number; p: number }[]>`
      SELECT a.outlet, (SELECT count(*)::int FROM "EventReport" x WHERE x."articleId" = a.id) AS e,
             (SELECT count(*)::int FROM "Quote" x WHERE x."articleId" = a.id) AS q,
             (SELECT count(*)::int FROM "Position" x WHERE x."articleId" = a.id) AS p
      FROM "Article" a`;
    expect(counts).toEqual(Object.fromEntries(base.map((r) => [r.outlet, [r.e, r.q, r.p]])));
    // A later page counts its own articles.
    const last = await caller().articles.list({ page: { cursor: 2, limit: 5 } });
    expect(last.items.map((a) => [a.outlet, a.eventCount])).toEqual([["Zeit", 1]]);
    expect(last.nextCursor).toBeNull();
    const none = await caller().articles.list({ filter: { from: "2027-01-01" } });
    expect(none).toMatchObject({ items: [], total: 0 });
  });
});

describe("articles.list order", () => {
  it("lists dated articles newest first, then undated ones newest ingested first, page by page across the boundary", async () => {
    await seedInTwoIngests();
    // Two articles without a known publication day, ingested after the three dated ones.
    for (const [i, hash] of ["u1", "u2"].entries()) {
      await db().article.create({ data: { contentHash: hash, file: `undated-${i}.md`, outlet: `Undated ${i}`, language: "de", text: "Text.", createdAt: new Date(Date.UTC(2026, 2, 1 + i)) } });
    }
    const order = ["Tagesschau", "Spiegel", "Zeit", "Undated 1", "Undated 0"];
    expect((await caller().articles.list({})).items.map((a) => a.outlet)).toEqual(order);
    for (const limit of [1, 2, 3, 4]) {
      const got: (string | null)[] = [];
      let cursor: number | null = 0;
      while (cursor !== null) {
        const page: Awaited<ReturnType<ReturnType<typeof caller>["articles"]["list"]>> = await caller().articles.list({ page: { cursor, limit } });
        expect(page.total).toBe(5);
        got.push(...page.items.map((a) => a.outlet));
        cursor = page.nextCursor;
      }
      expect(got, `limit ${limit}`).toEqual(order);
    }
    expect((await caller().articles.list({ page: { cursor: 4, limit: 10 } })).items.map((a) => [a.outlet, a.eventCount])).toEqual([["Undated 0", 0]]);
    expect((await caller().articles.list({ filter: { from: "2026-01-01" } })).items.map((a) => a.outlet)).toEqual(order.slice(0, 3));
    expect((await caller().articles.list({ filter: { outlets: ["Undated 0", "Zeit"] } })).items.map((a) => a.outlet)).toEqual(["Zeit", "Undated 0"]);
  });
});

describe("actors.byId: names used", () => {
  it("lists every spelling by name with its article count and its first articles in the order they were seen", async () => {
    const actor = await db().actor.create({ data: { key: "person:test", kind: "person", name: "Test Person" }, select: { id: true } });
    const articles: string[] = [];
    for (let i = 0; i < ALIAS_ARTICLES + 3; i++) {
      const a = await db().article.create({
        data: { contentHash: `h${i}`, file: `f${i}.md`, title: `Artikel ${i}`, outlet: `Outlet ${i}`, language: "de", text: "Text." },
        select: { id: true },
      });
      articles.push(a.id);
    }
    // "Testperson" in every article, seen in reverse order; "Person Test" in two; "Herr Test" only from the dossier.
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i));
    for (const [i, id] of [...articles].reverse().entries()) await db().actorAlias.create({ data: { actorId: actor.id, name: "Testperson", articleId: id, createdAt: at(i) } });
    await db().actorAlias.create({ data: { actorId: actor.id, name: "Person Test", articleId: articles[3]!, createdAt: at(1) } });
    await db().actorAlias.create({ data: { actorId: actor.id, name: "Person Test", articleId: articles[1]!, createdAt: at(2) } });
    await db().actorAlias.create({ data: { actorId: actor.id, name: "Herr Test", articleId: null } });

    const a = await caller().actors.byId({ id: actor.id });
    expect(a.aliases.map((al) => [al.name, al.articleCount, al.articles.length])).toEqual([
      ["Herr Test", 0, 0],
      ["Person Test", 2, 2],
      ["Testperson", ALIAS_ARTICLES + 3, ALIAS_ARTICLES],
    ]);
    expect(a.aliases[1]!.articles).toEqual([
      { id: articles[3], title: "Artikel 3", outlet: "Outlet 3", published: null },
      { id: articles[1], title: "Artikel 1", outlet: "Outlet 1", published: null },
    ]);
    expect(a.aliases[2]!.articles.map((x) => x.id)).toEqual([...articles].reverse().slice(0, ALIAS_ARTICLES));
  });
});
