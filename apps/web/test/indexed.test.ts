/**
 * The lists that are read from copied columns and summaries (participant and place rows carrying their event's
 * kind, dates, weight and creation time; ActorArticle; Quote.articleDay) answer exactly what the straightforward
 * queries over the base tables answer. The reference queries here are the routers' queries before those columns
 * existed.
 */
import type { ViewFilter } from "@lagebild/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventFilterSql } from "../src/components/viz/server/sql-filter.ts";
import { ALIAS_ARTICLES } from "../src/server/routers/actors.ts";
import { ACTORS, PLACES, openTestDb, seed, type ArticleSpec, type EventSpec, type TestDb } from "./viz-fixture.ts";

let t: TestDb;
const id: Record<string, string> = {};

/** 24 articles, published on 8 days (several a day), each with three events at Maskat or Genf: day, month and
 * year dates, undated ones, events merged across articles (several reports, more sources), and quotes. */
function corpus(): ArticleSpec[] {
  const kinds = ["negotiate", "threaten", "consult", "protest"];
  const dates = ["2026-01-19", "2026-01-19", "2026-01", "2026-02-03", undefined, "2026", "2026-01-05", "2026-02-03", "2025-12-30"];
  const cast: [string, "initiator" | "target" | "participant"][][] = [
    [["state:IR", "initiator"], ["state:US", "target"]],
    [["state:US", "initiator"], ["person:steve-witkoff", "participant"]],
    [["state:IR", "participant"], ["person:steve-witkoff", "participant"]],
    [["state:IR", "initiator"], ["state:IR", "target"]],
  ];
  return Array.from({ length: 24 }, (_, i) => {
    const events: EventSpec[] = [0, 1, 2].map((j) => {
      const n = i * 3 + j;
      return {
        kind: kinds[n % kinds.length]!,
        summary: `Ereignis ${n}`,
        date: dates[n % dates.length],
        participants: cast[n % cast.length],
        places: [n % 3 ? "place:maskat" : "place:genf"],
        sentence: j,
        // Every fifth event is reported again three articles later (one event, two reports, two sources).
        ...(n % 5 === 0 ? { merge: `m${n}` } : i >= 3 && (n - 9) % 5 === 0 ? { merge: `m${n - 9}` } : {}),
      };
    });
    return {
      file: `x${i}.md`,
      outlet: ["Spiegel", "Zeit", "taz"][i % 3]!,
      published: `2026-0${1 + (i % 2)}-${String(3 + ((i * 7) % 8)).padStart(2, "0")}`,
      sentences: [`Iran und USA trafen sich in Maskat, Meldung ${i}.`, `Witkoff sprach in Genf, Meldung ${i}.`, `Iran drohte erneut, Meldung ${i}.`],
      actors: [ACTORS.iran, ACTORS.us, ACTORS.witkoff],
      places: [PLACES.maskat, PLACES.genf],
      events,
      quotes: [{ speaker: "person:steve-witkoff", speakerLabel: "Witkoff", text: `Witkoff sprach in Genf`, sentence: 1 }],
    };
  });
}

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.db, corpus());
  for (const a of await t.db.actor.findMany({ select: { id: true, key: true } })) id[a.key] = a.id;
  for (const p of await t.db.place.findMany({ select: { id: true, key: true } })) id[p.key] = p.id;
});

afterAll(async () => {
  await t?.close();
});

const filters = (): ViewFilter[] => [
  {},
  { from: "2026-01-10", to: "2026-02-03" },
  { to: "2026-01-19" },
  { from: "2026-01-20" },
  { kinds: ["negotiate", "protest"] },
  { actors: [id["state:IR"]!] },
  { actors: [id["state:US"]!, id["person:steve-witkoff"]!], kinds: ["threaten", "consult", "negotiate"], from: "2026-01-01" },
  { actors: [id["person:steve-witkoff"]!], outlets: ["Zeit"] },
  { actors: [id["state:IR"]!], from: "2026-01-19", to: "2026-01-19" },
  { issues: ["enrichment"] },
];

describe("places.events", () => {
  it("pages through a place's events in the same order and with the same total as over the events themselves", async () => {
    for (const place of ["place:maskat", "place:genf"]) {
      for (const filter of filters()) {
        const reference = await t.db.$queryRaw<{ id: string }[]>`
          SELECT e.id FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId"
          WHERE ep."placeId" = ${id[place]} AND ${eventFilterSql(filter)}
          ORDER BY e."dateFrom" DESC NULLS LAST, e."createdAt" DESC, e.id ASC`;
        const seen: string[] = [];
        for (let cursor: number | null = 0; cursor !== null; ) {
          const res = await t.caller.places.events({ id: id[place]!, filter, page: { cursor, limit: 4 } });
          expect(res.total, JSON.stringify(filter)).toBe(reference.length);
          seen.push(...res.items.map((e) => e.id));
          cursor = res.nextCursor;
        }
        expect(seen, `${place} ${JSON.stringify(filter)}`).toEqual(reference.map((r) => r.id));
      }
    }
    expect((await t.caller.places.events({ id: id["place:maskat"]!, filter: {} })).total).toBeGreaterThan(30);
  });
});

describe("timeline.events with an actor filter", () => {
  it("keeps the same most-reported events, counts and undated sample as over the events themselves", async () => {
    for (const filter of filters()) {
      for (const limit of [5, 600]) {
        const where = eventFilterSql(filter);
        const top = await t.db.$queryRaw<{ id: string }[]>`
          SELECT id FROM (
            SELECT e.id, e."dateFrom", e."dateTo" FROM "Event" e
            WHERE e."dateFrom" IS NOT NULL AND e."dateTo" IS NOT NULL AND ${where}
            ORDER BY e."independentSources" DESC, e."dateFrom" ASC, e.id ASC LIMIT ${limit}
          ) page ORDER BY "dateFrom", "dateTo", id`;
        const [counts] = await t.db.$queryRaw<{ dated: number; undated: number }[]>`
          SELECT count(*) FILTER (WHERE e."dateFrom" IS NOT NULL)::int AS dated, count(*) FILTER (WHERE e."dateFrom" IS NULL)::int AS undated
          FROM "Event" e WHERE ${where}`;
        const undated = await t.db.$queryRaw<{ id: string }[]>`
          SELECT e.id FROM "Event" e WHERE e."dateFrom" IS NULL AND ${where} ORDER BY e."independentSources" DESC, e.id ASC LIMIT 20`;
        const res = await t.caller.timeline.events({ filter, limit });
        const what = `${JSON.stringify(filter)} limit ${limit}`;
        expect(res.events.map((e) => e.id), what).toEqual(top.map((r) => r.id));
        expect([res.total, res.undated], what).toEqual([counts!.dated, counts!.undated]);
        expect(res.undatedSample.map((e) => e.id), what).toEqual(undated.map((r) => r.id));
      }
    }
    const iran = await t.caller.timeline.events({ filter: { actors: [id["state:IR"]!] }, limit: 5 });
    expect([iran.events.length, iran.truncated, iran.undated > 0]).toEqual([5, true, true]);
  });
});

describe("actors.byId", () => {
  it("pages through an actor's events and the articles it is seen in in the same order as over the base tables", async () => {
    for (const key of ["state:IR", "person:steve-witkoff"]) {
      const actor = id[key]!;
      const events = await t.db.$queryRaw<{ role: string; id: string }[]>`
        SELECT ep.role, e.id FROM "EventParticipant" ep JOIN "Event" e ON e.id = ep."eventId"
        WHERE ep."actorId" = ${actor}
        ORDER BY e."dateFrom" ASC NULLS LAST, e."createdAt" ASC, e.id ASC, ep.role ASC`;
      const seenIn = await t.db.$queryRaw<{ id: string; mentions: number }[]>`
        SELECT ar.id, m.n AS mentions
        FROM (SELECT "articleId", count(*)::int AS n FROM "Mention" WHERE "actorId" = ${actor} GROUP BY "articleId") m
        JOIN "Article" ar ON ar.id = m."articleId"
        ORDER BY ar."publishedWindowFrom" ASC NULLS LAST, ar."createdAt" ASC, ar.id ASC`;
      const quotes = await t.db.$queryRaw<{ id: string }[]>`
        SELECT q.id FROM "Quote" q JOIN "Article" ar ON ar.id = q."articleId"
        WHERE q."speakerId" = ${actor} ORDER BY ar."publishedWindowFrom" ASC NULLS LAST, q.start ASC, q.id ASC LIMIT 200`;
      const gotEvents: { role: string; id: string }[] = [];
      const gotSeen: { id: string; mentions: number }[] = [];
      for (let cursor = 0; cursor < Math.max(events.length, seenIn.length) + 7; cursor += 7) {
        const res = await t.caller.actors.byId({ id: actor, events: { cursor, limit: 7 }, seenIn: { cursor, limit: 7 } });
        expect([res.eventTotal, res.seenInTotal]).toEqual([events.length, seenIn.length]);
        gotEvents.push(...res.events.map((e) => ({ role: e.role, id: e.id })));
        gotSeen.push(...res.seenIn.map((a) => ({ id: a.id, mentions: a.mentions })));
        expect(res.quotes.map((q) => q.id)).toEqual(quotes.map((q) => q.id));
      }
      expect(gotEvents, key).toEqual(events);
      expect(gotSeen, key).toEqual(seenIn);
    }
  });

  it("lists each spelling with its first articles, as many as there are", async () => {
    const res = await t.caller.actors.byId({ id: id["state:IR"]! });
    expect(res.aliases).toHaveLength(1);
    expect(res.aliases[0]).toMatchObject({ name: "Iran", articleCount: 24 });
    const first = await t.db.$queryRaw<{ id: string }[]>`
      SELECT "articleId" AS id FROM "ActorAlias" WHERE "actorId" = ${id["state:IR"]} ORDER BY "createdAt", id LIMIT ${ALIAS_ARTICLES}`;
    expect(first).toHaveLength(ALIAS_ARTICLES);
    expect(res.aliases[0]!.articles.map((a) => a.id)).toEqual(first.map((r) => r.id));
  });
});
