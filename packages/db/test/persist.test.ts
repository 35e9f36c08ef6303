import { loadDossier } from "@lagebild/model/node";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ensureDossier, persistExtraction, recordIngestRun } from "../src/persist.ts";
import { extraction, merged, protestArticle, talksDpa, talksReuters } from "./fixtures.ts";
import { freshDatabase, resetDatabase, rowCounts, type TestDatabase } from "./helpers.ts";

// One database for this file, emptied before each test (creating databases is slow on a busy server).
let shared: TestDatabase;
beforeAll(async () => {
  shared = await freshDatabase();
});
beforeEach(async () => {
  await resetDatabase(shared.db);
});
afterAll(async () => {
  await shared?.drop();
});
async function database() {
  return shared;
}

describe("persistExtraction", () => {
  test("stores an article graph completely and traceably", async () => {
    const { db } = await database();
    const dpa = talksDpa();
    const res = await persistExtraction(db, extraction([dpa]));
    expect(res).toMatchObject({ new: 1, unchanged: 0, failed: 0 });
    expect(res.articles[0]).toMatchObject({ status: "new", contentHash: dpa.article.contentHash, eventsCreated: 1 });

    const article = await db.article.findUniqueOrThrow({ where: { contentHash: dpa.article.contentHash } });
    expect(article).toMatchObject({
      url: "https://example.org/dpa/maskat",
      outlet: "Tagesschau",
      agencies: ["dpa"],
      publishedValue: "2026-02-07",
      publishedSource: "front-matter",
      dossierId: "us-iran-2026",
    });
    expect(article.publishedWindowFrom?.toISOString().slice(0, 10)).toBe("2026-02-07");

    const counts = await rowCounts(db);
    expect(counts).toMatchObject({ article: 1, sentence: 5, actor: 4, place: 1, event: 1, eventReport: 1, eventParticipant: 2, eventPlace: 1, eventFigure: 1, quote: 2, position: 2 });
    // Dossier and its codebook were stored on the way.
    expect(counts.issue).toBe(loadDossier("us-iran-2026").issues.length);

    // Every span points at the words it covers.
    const mentions = await db.mention.findMany({ where: { articleId: article.id } });
    expect(mentions.length).toBe(dpa.actors.flatMap((a) => a.mentions).length + 1 + 2 + 2 + 2); // actors, place, trigger+evidence, quotes, positions
    for (const m of mentions) expect(article.text.slice(m.start, m.end)).toBe(m.text);
    expect(new Set(mentions.map((m) => m.kind))).toEqual(new Set(["actor", "place", "trigger", "evidence", "quote", "position"]));

    const witkoff = await db.actor.findUniqueOrThrow({ where: { key: "person:steve-witkoff" }, include: { mentions: true } });
    expect(witkoff).toMatchObject({ kind: "person", role: "US-Sondergesandter", affiliationKey: "state:US" });
    expect(witkoff.mentions.map((m) => m.text)).toEqual(["Steve Witkoff"]);
    expect(await db.actor.findUnique({ where: { key: "state:US" } })).toMatchObject({ iso: "US", wikidata: "Q30" });

    const event = await db.event.findFirstOrThrow({ include: { reports: { include: { mentions: true } }, participants: { include: { actor: true } }, places: { include: { place: true } } } });
    expect(event).toMatchObject({ kind: "negotiate", plover: "CONSULT", family: "meeting", status: "reported", dateValue: "2026-02-06", datePrecision: "day", dateRule: "weekday-before-publication", dateAnchor: "2026-02-07", independentSources: 1 });
    expect(event.dateFrom?.toISOString().slice(0, 10)).toBe("2026-02-06");
    expect(event.dateTo?.toISOString().slice(0, 10)).toBe("2026-02-06");
    expect(event.participants.map((p) => p.actor.key).sort()).toEqual(["person:abbas-araghtschi", "person:steve-witkoff"]);
    expect(event.places.map((p) => p.place.key)).toEqual(["place:maskat"]);
    expect(event.reports[0]).toMatchObject({ articleId: article.id, ordinal: 0, triggerText: "verhandelt" });
    expect(event.reports[0]!.mentions.map((m) => m.kind).sort()).toEqual(["evidence", "trigger"]);

    const positions = await db.position.findMany({ orderBy: { ordinal: "asc" }, include: { actor: true, issue: true, quote: true } });
    expect(positions[0]).toMatchObject({ stance: "oppose", modality: "reject", date: "2026-02-06", actor: { key: "person:abbas-araghtschi" }, issue: { code: "enrichment" } });
    expect(positions[0]!.quote?.text).toBe("Iran werde auf die Urananreicherung nicht verzichten");
    expect(positions[1]).toMatchObject({ stance: "support", date: "2026-02", quoteId: null });
    expect(positions[1]!.dateTo?.toISOString().slice(0, 10)).toBe("2026-02-28");
    // The day each position counts from: its own date (first day of a month), for the matrix.
    expect(positions.map((p) => p.day?.toISOString().slice(0, 10))).toEqual(["2026-02-06", "2026-02-01"]);
    const undated = talksReuters();
    undated.positions.push({ actor: "person:abbas-araghtschi", issue: "enrichment", stance: "oppose", evidence: { ...undated.actors[0]!.mentions[0]! } });
    await persistExtraction(db, extraction([undated]));
    const fromArticle = await db.position.findFirstOrThrow({ where: { article: { contentHash: undated.article.contentHash } } });
    // No own date: the article's publication day.
    expect(fromArticle.day?.toISOString().slice(0, 10)).toBe("2026-02-07");

    const quotes = await db.quote.findMany({ orderBy: { ordinal: "asc" }, include: { speaker: true } });
    expect(quotes.map((q) => [q.mode, q.speaker?.key, q.saidOn])).toEqual([
      ["direct", "person:abbas-araghtschi", "2026-02-06"],
      ["indirect", "person:abbas-araghtschi", null],
    ]);
  });

  test("is idempotent: the same extraction twice changes nothing", async () => {
    const { db } = await database();
    const input = extraction([talksDpa(), talksReuters(), protestArticle()]);
    const first = await persistExtraction(db, input);
    expect(first).toMatchObject({ new: 3, unchanged: 0, failed: 0 });
    const before = await rowCounts(db);

    const second = await persistExtraction(db, input);
    expect(second).toMatchObject({ new: 0, unchanged: 3, failed: 0 });
    expect(second.articles.map((a) => a.articleId)).toEqual(first.articles.map((a) => a.articleId));
    expect(await rowCounts(db)).toEqual(before);
  });

  test("an article whose URL is already stored is unchanged, even with other text", async () => {
    const { db } = await database();
    const original = talksDpa();
    await persistExtraction(db, extraction([original]));
    const before = await rowCounts(db);
    const edited = talksDpa();
    edited.article.text += " Nachtrag.";
    edited.article.contentHash = "f".repeat(64);
    const res = await persistExtraction(db, extraction([edited]));
    expect(res.articles[0]).toMatchObject({ status: "unchanged" });
    expect(await rowCounts(db)).toEqual(before);
  });

  test("two articles reporting one merged event make one event with two reports", async () => {
    const { db } = await database();
    const dpa = talksDpa();
    const reuters = talksReuters();
    const event = merged([{ graph: dpa, event: 0 }, { graph: reuters, event: 0 }], {
      independentSources: 2,
      conflicts: [
        { what: "Delegationen", value: "drei", article: dpa.article.contentHash },
        { what: "Delegationen", value: "zwei", article: reuters.article.contentHash },
      ],
    });
    const res = await persistExtraction(db, extraction([dpa, reuters], [event]));
    expect(res.articles.map((a) => [a.status, a.eventsCreated, a.eventsAttached])).toEqual([
      ["new", 1, 0],
      ["new", 0, 1],
    ]);
    const events = await db.event.findMany({ include: { reports: { include: { article: true } }, figures: true } });
    expect(events).toHaveLength(1);
    expect(events[0]!.independentSources).toBe(2);
    expect(events[0]!.reports.map((r) => r.article.file).sort()).toEqual(["2026-02-07-dpa-maskat.md", "2026-02-07-reuters-oman.md"]);
    // Conflicting figures are kept side by side, per source.
    expect(events[0]!.figures.map((f) => f.value).sort()).toEqual(["drei", "zwei"]);
  });

  test("a later run attaches a report of the same event to the stored event", async () => {
    const { db } = await database();
    await persistExtraction(db, extraction([talksDpa()]));
    const res = await persistExtraction(db, extraction([talksReuters()]));
    expect(res.articles[0]).toMatchObject({ status: "new", eventsCreated: 0, eventsAttached: 1 });
    const events = await db.event.findMany({ include: { _count: { select: { reports: true } } } });
    expect(events).toHaveLength(1);
    expect(events[0]!._count.reports).toBe(2);
    // Different wires (dpa, Reuters): two independent sources.
    expect(events[0]!.independentSources).toBe(2);
  });

  test("a later report on another day, or a custom matcher that refuses, makes a new event", async () => {
    const { db } = await database();
    await persistExtraction(db, extraction([talksDpa()]));
    await persistExtraction(db, extraction([talksReuters({ date: "2026-03-01" })]));
    expect(await db.event.count()).toBe(2);

    await resetDatabase(db);
    let asked = 0;
    await persistExtraction(db, extraction([talksDpa()]));
    await persistExtraction(db, extraction([talksReuters()]), {
      findExistingEvent: async () => {
        asked++;
        return null;
      },
    });
    expect(asked).toBe(1);
    expect(await db.event.count()).toBe(2);
  });

  test("the EventTally summary counts events and event–place links per kind and date range, also after a date is refined", async () => {
    const { db } = await database();
    // Recomputed from the base tables: what the summary must say.
    const expected = async () => {
      const rows = await db.$queryRaw<{ placeId: string | null; kind: string; from: string | null; to: string | null; n: number }[]>`
        SELECT NULL AS "placeId", kind, "dateFrom"::text AS from, "dateTo"::text AS to, count(*)::int AS n FROM "Event" GROUP BY 2, 3, 4
        UNION ALL
        SELECT ep."placeId", e.kind, e."dateFrom"::text, e."dateTo"::text, count(*)::int FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId" GROUP BY 1, 2, 3, 4`;
      return rows.map((r) => `${r.placeId ? "place" : "event"} ${r.kind} ${r.from}..${r.to} ${r.n}`).sort();
    };
    const actual = async () =>
      (
        await db.$queryRaw<{ placeId: string | null; kind: string; from: string | null; to: string | null; n: number }[]>`
          SELECT "placeId", kind, "dateFrom"::text AS from, "dateTo"::text AS to, n FROM "EventTally" WHERE n <> 0`
      )
        .map((r) => `${r.placeId ? "place" : "event"} ${r.kind} ${r.from}..${r.to} ${r.n}`)
        .sort();

    // Per place and kind over all dates.
    const totals = async () =>
      [
        await db.$queryRaw<{ placeId: string; kind: string; n: number }[]>`SELECT "placeId", kind, n FROM "PlaceKindTotal" WHERE n <> 0 ORDER BY 1, 2`,
        await db.$queryRaw<{ placeId: string; kind: string; n: number }[]>`
          SELECT ep."placeId", e.kind, count(*)::int AS n FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId" GROUP BY 1, 2 ORDER BY 1, 2`,
      ] as const;

    // First a report dated only to the month, then one of the same meeting on a day: the event is refined to the day.
    const monthly = talksReuters();
    monthly.events[0]!.date = { value: "2026-02", precision: "month", resolution: { kind: "absolute", rule: "month-year" } };
    await persistExtraction(db, extraction([monthly]));
    expect(await actual()).toEqual(["event consult 2026-02-01..2026-02-28 1", "place consult 2026-02-01..2026-02-28 1"]);
    const res = await persistExtraction(db, extraction([talksDpa()]));
    expect(res.articles[0]).toMatchObject({ status: "new", eventsAttached: 1 });
    expect(await actual()).toEqual(["event consult 2026-02-06..2026-02-06 1", "place consult 2026-02-06..2026-02-06 1"]);
    expect(await actual()).toEqual(await expected());
    expect((await totals())[0].map((t) => t.n)).toEqual([1]);

    // Another article with its own events and places, and an unchanged re-run: counts add up, nothing twice.
    await persistExtraction(db, extraction([protestArticle()]));
    await persistExtraction(db, extraction([talksDpa()]));
    expect(await actual()).toEqual(await expected());
    expect((await actual()).length).toBeGreaterThan(2);
    const [stored, recomputed] = await totals();
    expect(stored).toEqual(recomputed);
    expect(stored.length).toBeGreaterThan(1);
  });

  test("actor aliases keep the article they were seen in; missing roles are filled, known ones kept", async () => {
    const { db } = await database();
    const dpa = talksDpa();
    const reuters = talksReuters({ role: "Außenminister", extraAlias: "Abbas Araghchi" });
    await persistExtraction(db, extraction([dpa]));
    await persistExtraction(db, extraction([reuters]));

    const actor = await db.actor.findUniqueOrThrow({
      where: { key: "person:abbas-araghtschi" },
      include: { aliases: { include: { article: { select: { file: true } } } } },
    });
    expect(actor.role).toBe("Außenminister");
    expect(actor.affiliationKey).toBe("state:IR");
    expect(actor.aliases.map((a) => `${a.name} @ ${a.article?.file}`).sort()).toEqual([
      "Abbas Araghchi @ 2026-02-07-reuters-oman.md",
      "Abbas Araghtschi @ 2026-02-07-dpa-maskat.md",
      "Araghtschi @ 2026-02-07-dpa-maskat.md",
      "Araghtschi @ 2026-02-07-reuters-oman.md",
    ]);

    const third = talksReuters({ role: "Minister" });
    third.article.text += " Ende.";
    third.article.contentHash = "e".repeat(64);
    await persistExtraction(db, extraction([third]));
    expect((await db.actor.findUniqueOrThrow({ where: { key: "person:abbas-araghtschi" } })).role).toBe("Außenminister");
  });

  test("a failing article is rolled back completely and does not undo the others", async () => {
    const { db } = await database();
    const good1 = protestArticle("one");
    const bad = protestArticle("bad");
    bad.positions.push({
      actor: "group:demonstranten-bad",
      issue: "no-such-issue",
      stance: "support",
      evidence: bad.events[0]!.evidence[0]!,
    });
    const invalid = protestArticle("invalid");
    invalid.article.contentHash = "not-a-hash";
    const good2 = talksDpa();

    const res = await persistExtraction(db, extraction([good1, bad, invalid, good2]));
    expect(res.articles.map((a) => a.status)).toEqual(["new", "failed", "failed", "new"]);
    expect(res.articles[1]!.error).toMatch(/unknown issue no-such-issue/);
    expect(res.articles[2]!.error).toMatch(/contentHash/);
    expect(res).toMatchObject({ new: 2, failed: 2 });

    // Nothing of the failed article remains: not its article row, nor the actor only it mentions, nor its event.
    expect(await db.article.count()).toBe(2);
    expect(await db.actor.findUnique({ where: { key: "group:demonstranten-bad" } })).toBeNull();
    expect(await db.eventReport.count()).toBe(2);
    expect(await db.actor.findUnique({ where: { key: "group:demonstranten-one" } })).not.toBeNull();

    // Fixed, it goes in on the next run.
    bad.positions = [];
    const retry = await persistExtraction(db, extraction([good1, bad]));
    expect(retry.articles.map((a) => a.status)).toEqual(["unchanged", "new"]);
  });

  test("concurrent ingests of articles sharing actors and places both succeed", async () => {
    const { db } = await database();
    const results = await Promise.all([persistExtraction(db, extraction([talksDpa()])), persistExtraction(db, extraction([talksReuters()]))]);
    expect(results.map((r) => r.articles[0]!.status)).toEqual(["new", "new"]);
    expect(await db.actor.count()).toBe(4);
    expect(await db.place.count()).toBe(1);
    expect(await db.actor.findUniqueOrThrow({ where: { key: "person:steve-witkoff" }, include: { _count: { select: { mentions: true } } } })).toMatchObject({
      _count: { mentions: 2 },
    });
  });

  test("mentions outside the article text fail the article", async () => {
    const { db } = await database();
    const broken = protestArticle("x");
    broken.actors[0]!.mentions.push({ start: 5, end: 10_000, text: "…", sentence: 0 });
    const res = await persistExtraction(db, extraction([broken]));
    expect(res.articles[0]).toMatchObject({ status: "failed" });
    expect(res.articles[0]!.error).toMatch(/outside the article text/);
    expect(await db.article.count()).toBe(0);
  });
});

describe("ensureDossier and recordIngestRun", () => {
  test("ensureDossier stores the codebook once and updates it in place", async () => {
    const { db } = await database();
    const dossier = loadDossier("us-iran-2026");
    await ensureDossier(db, dossier);
    await ensureDossier(db, dossier);
    expect(await db.dossier.count()).toBe(1);
    expect(await db.issue.count()).toBe(dossier.issues.length);
    const changed = { ...dossier, issues: dossier.issues.map((i) => (i.id === "enrichment" ? { ...i, label: "Anreicherung" } : i)) };
    await ensureDossier(db, changed);
    expect(await db.issue.count()).toBe(dossier.issues.length);
    expect((await db.issue.findFirstOrThrow({ where: { code: "enrichment" } })).label).toBe("Anreicherung");
  });

  test("recordIngestRun keeps counts and failures", async () => {
    const { db } = await database();
    const bad = protestArticle("bad");
    bad.article.language = "deutsch";
    const startedAt = new Date(Date.now() - 1000);
    const result = await persistExtraction(db, extraction([protestArticle("ok"), bad]));
    const id = await recordIngestRun(db, { origin: "http", startedAt, result, failures: [{ file: "broken.pdf", error: "unreadable" }] });
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id } });
    expect(run).toMatchObject({ origin: "http", articlesNew: 1, articlesUnchanged: 0, articlesFailed: 2 });
    expect(run.startedAt.getTime()).toBe(startedAt.getTime());
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    const failures = run.failures as { file: string; error: string }[];
    expect(failures.map((f) => f.file)).toEqual(["protest-bad.md", "broken.pdf"]);
    expect(failures[0]!.error).toMatch(/language/);
  });
});
