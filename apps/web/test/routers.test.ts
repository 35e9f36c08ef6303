import { persistExtraction } from "@lagebild/db";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { docA, docB, threeArticles } from "./support/fixtures.ts";
import { useFreshDb } from "./support/fresh-db.ts";

const { db, caller } = useFreshDb();

async function seed() {
  const result = await persistExtraction(db(), threeArticles());
  expect(result.failed, JSON.stringify(result.articles.filter((a) => a.status === "failed"))).toBe(0);
  const ids = Object.fromEntries(
    (await db().actor.findMany({ select: { id: true, key: true } })).map((a) => [a.key, a.id]),
  ) as Record<string, string>;
  const articles = Object.fromEntries((await db().article.findMany({ select: { id: true, outlet: true } })).map((a) => [a.outlet, a.id])) as Record<string, string>;
  return { ids, articles };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
  throw new Error("expected the call to fail");
}

describe("events.list", () => {
  it("lists every event newest first, with participants and source counts", async () => {
    await seed();
    const res = await caller().events.list({});
    expect(res.total).toBe(3);
    expect(res.items.map((e) => e.kind)).toEqual(["threaten", "negotiate", "sanction"]);
    const talks = res.items[1]!;
    expect(talks.date).toBe("2026-02-06");
    expect(talks.reportCount).toBe(2);
    expect(talks.independentSources).toBe(2);
    expect(talks.participants.map((p) => p.name).sort()).toEqual(["Abbas Araghtschi", "Steve Witkoff"]);
    expect(talks.places.map((p) => p.name)).toEqual(["Maskat"]);
  });

  it("filters by kind, actor, outlet, date range and issue in SQL", async () => {
    const { ids } = await seed();
    const list = async (filter: object) => (await caller().events.list({ filter })).items.map((e) => e.kind).sort();
    expect(await list({ kinds: ["negotiate"] })).toEqual(["negotiate"]);
    expect(await list({ kinds: ["negotiate", "sanction"] })).toEqual(["negotiate", "sanction"]);
    expect(await list({ actors: [ids["person:donald-trump"]!] })).toEqual(["threaten"]);
    expect(await list({ actors: [ids["state:IR"]!] })).toEqual(["sanction", "threaten"]);
    expect(await list({ outlets: ["Zeit"] })).toEqual(["sanction"]);
    expect(await list({ outlets: ["Tagesschau"] })).toEqual(["negotiate", "threaten"]);
    expect(await list({ from: "2026-02-01", to: "2026-02-07" })).toEqual(["negotiate"]);
    expect(await list({ from: "2026-02-07" })).toEqual(["threaten"]);
    expect(await list({ to: "2026-01-31" })).toEqual(["sanction"]);
    // An event is about an issue when an article reporting it carries a position on it.
    expect(await list({ issues: ["military"] })).toEqual(["negotiate", "threaten"]);
    expect(await list({ issues: ["enrichment"] })).toEqual(["negotiate"]);
    // Filters combine with AND.
    expect(await list({ issues: ["military"], kinds: ["threaten"], from: "2026-02-08", to: "2026-02-08" })).toEqual(["threaten"]);
    expect(await list({ outlets: ["Zeit"], kinds: ["negotiate"] })).toEqual([]);
  });

  it("paginates with cursor and limit, and reports the total", async () => {
    await seed();
    const first = await caller().events.list({ page: { cursor: 0, limit: 2 } });
    expect(first.items.map((e) => e.kind)).toEqual(["threaten", "negotiate"]);
    expect(first.total).toBe(3);
    expect(first.nextCursor).toBe(2);
    const second = await caller().events.list({ page: { cursor: 2, limit: 2 } });
    expect(second.items.map((e) => e.kind)).toEqual(["sanction"]);
    expect(second.nextCursor).toBeNull();
    const past = await caller().events.list({ page: { cursor: 10, limit: 2 } });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(3);
  });
});

describe("events.byId", () => {
  it("returns the evidence of every report: article, outlet, sentence, trigger", async () => {
    await seed();
    const { items } = await caller().events.list({ filter: { kinds: ["negotiate"] } });
    const e = await caller().events.byId({ id: items[0]!.id });
    expect(e.kind).toBe("negotiate");
    expect(e.plover).toBe("CONSULT");
    expect(e.date?.value).toBe("2026-02-06");
    expect(e.date?.text).toBe("am Freitag");
    expect(e.independentSources).toBe(2);
    expect(e.reports).toHaveLength(2);
    const outlets = e.reports.map((r) => r.article.outlet).sort();
    expect(outlets).toEqual(["Spiegel", "Tagesschau"]);
    const spiegel = e.reports.find((r) => r.article.outlet === "Spiegel")!;
    expect(spiegel.article.publishedValue).toBe("2026-02-07");
    expect(spiegel.evidence).toHaveLength(1);
    const ev = spiegel.evidence[0]!;
    expect(ev.text).toBe(docA.sentences[0]!.text);
    expect(ev.trigger).toBe("verhandelt");
    expect(ev.before + ev.trigger + ev.after).toBe(ev.text);
    const tagesschau = e.reports.find((r) => r.article.outlet === "Tagesschau")!;
    expect(tagesschau.evidence[0]!.text).toBe(docB.sentences[1]!.text);
    expect(tagesschau.article.agencies).toEqual(["dpa"]);
    expect(e.participants.map((p) => `${p.name}:${p.role}`).sort()).toEqual(["Abbas Araghtschi:participant", "Steve Witkoff:participant"]);
    expect(e.places).toEqual([expect.objectContaining({ name: "Maskat", country: "OM", lat: 23.588 })]);
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    expect(await codeOf(caller().events.byId({ id: "doesnotexist" }))).toBe("NOT_FOUND");
  });
});

describe("actors", () => {
  it("byId: aliases with where each was seen, role, affiliation, events, quotes", async () => {
    const { ids, articles } = await seed();
    const a = await caller().actors.byId({ id: ids["person:abbas-araghtschi"]! });
    expect(a.name).toBe("Abbas Araghtschi");
    expect(a.role).toBe("Außenminister");
    expect(a.affiliation).toMatchObject({ id: ids["state:IR"], name: "Iran" });
    const aliases = Object.fromEntries(a.aliases.map((al) => [al.name, al.articles.map((x) => x.id).sort()]));
    expect(aliases["Abbas Araghtschi"]).toEqual([articles["Spiegel"]]);
    expect(aliases["Araghtschi"]).toEqual([articles["Spiegel"], articles["Tagesschau"]].sort());
    expect(a.seenIn.map((s) => `${s.outlet}:${s.mentions}`).sort()).toEqual(["Spiegel:2", "Tagesschau:1"]);
    expect(a.events.map((e) => e.kind)).toEqual(["negotiate"]);
    expect(a.quotes.map((q) => q.text)).toEqual(["Es war ein guter Anfang"]);
  });

  it("byId: positions over time, and members of a state", async () => {
    const { ids } = await seed();
    const iran = await caller().actors.byId({ id: ids["state:IR"]! });
    expect(iran.positions).toEqual([expect.objectContaining({ stance: "oppose", modality: "reject", date: "2026-02-07", issue: expect.objectContaining({ code: "enrichment" }) })]);
    expect(iran.members.map((m) => m.name)).toEqual(["Abbas Araghtschi"]);
    const trump = await caller().actors.byId({ id: ids["person:donald-trump"]! });
    expect(trump.positions.map((p) => `${p.issue.code}:${p.stance}`)).toEqual(["military:support"]);
  });

  it("byId: events and the articles an actor is seen in come a page at a time, with totals", async () => {
    const { ids } = await seed();
    const id = ids["state:IR"]!;
    const all = await caller().actors.byId({ id });
    expect(all.seenInTotal).toBe(all.seenIn.length);
    expect(all.seenInTotal).toBeGreaterThan(1);
    expect(all.eventTotal).toBe(all.events.length);
    expect(all.eventPage.nextCursor).toBeNull();
    const first = await caller().actors.byId({ id, seenIn: { cursor: 0, limit: 1 }, events: { cursor: 0, limit: 1 } });
    expect(first.seenIn).toEqual(all.seenIn.slice(0, 1));
    expect(first.seenInPage.nextCursor).toBe(1);
    expect(first.seenInTotal).toBe(all.seenInTotal);
    const second = await caller().actors.byId({ id, seenIn: { cursor: 1, limit: 100 } });
    expect(second.seenIn).toEqual(all.seenIn.slice(1));
    expect(second.seenInPage.nextCursor).toBeNull();
    expect(first.events).toEqual(all.events.slice(0, 1));
    expect(first.eventPage.nextCursor).toBe(all.eventTotal > 1 ? 1 : null);
  });

  it("list: filters by the view filter, kind and name", async () => {
    const { ids } = await seed();
    const all = await caller().actors.list({});
    expect(all.total).toBe(5);
    // Most mentioned first: Iran (once in each article) and Araghtschi (twice in A, once in B), then by name.
    expect(all.items.slice(0, 3).map((a) => a.name)).toEqual(["Abbas Araghtschi", "Iran", "Donald Trump"]);
    const people = await caller().actors.list({ kind: "person" });
    expect(people.items.map((a) => a.name).sort()).toEqual(["Abbas Araghtschi", "Donald Trump", "Steve Witkoff"]);
    const inZeit = await caller().actors.list({ filter: { outlets: ["Zeit"] } });
    expect(inZeit.items.map((a) => a.name).sort()).toEqual(["Iran", "USA"]);
    const q = await caller().actors.list({ q: "witk" });
    expect(q.items.map((a) => a.id)).toEqual([ids["person:steve-witkoff"]]);
  });
});

describe("articles", () => {
  it("list: newest first, filtered by outlet and date, paginated", async () => {
    await seed();
    const all = await caller().articles.list({});
    expect(all.items.map((a) => a.outlet)).toEqual(["Tagesschau", "Spiegel", "Zeit"]);
    expect(all.items[0]).toMatchObject({ title: "Trump droht Iran mit Militärschlag", published: "2026-02-08", eventCount: 2, quoteCount: 1, positionCount: 1 });
    expect((await caller().articles.list({ filter: { outlets: ["Spiegel"] } })).items.map((a) => a.outlet)).toEqual(["Spiegel"]);
    expect((await caller().articles.list({ filter: { from: "2026-02-01" } })).total).toBe(2);
    expect((await caller().articles.list({ filter: { kinds: ["sanction"] } })).items.map((a) => a.outlet)).toEqual(["Zeit"]);
    const page2 = await caller().articles.list({ page: { cursor: 1, limit: 1 } });
    expect(page2.items.map((a) => a.outlet)).toEqual(["Spiegel"]);
    expect(page2.nextCursor).toBe(2);
  });

  it("byId: cleaned text with actor, place, date, quote and trigger spans at the right offsets", async () => {
    const { ids, articles } = await seed();
    const a = await caller().articles.byId({ id: articles["Spiegel"]! });
    expect(a.text).toBe(docA.text);
    const at = (kind: string) => a.spans.filter((s) => s.kind === kind).map((s) => ({ text: a.text.slice(s.start, s.end), refId: s.refId }));
    expect(at("actor")).toEqual(
      expect.arrayContaining([
        { text: "Abbas Araghtschi", refId: ids["person:abbas-araghtschi"] },
        { text: "Steve Witkoff", refId: ids["person:steve-witkoff"] },
        { text: "Iran", refId: ids["state:IR"] },
      ]),
    );
    expect(at("place").map((s) => s.text)).toEqual(["Maskat"]);
    expect(at("quote").map((s) => s.text)).toEqual(["Es war ein guter Anfang"]);
    const trigger = at("trigger");
    expect(trigger.map((s) => s.text)).toEqual(["verhandelt"]);
    expect(at("date")).toEqual([{ text: "am Freitag", refId: trigger[0]!.refId }]);
    expect(a.actors.map((x) => x.name)).toEqual(["Abbas Araghtschi", "Iran", "Steve Witkoff"]);
    expect(a.published).toMatchObject({ value: "2026-02-07", source: "front-matter" });
    // The talks are corroborated by the Tagesschau article.
    expect(a.events).toEqual([expect.objectContaining({ kind: "negotiate", corroborated: true, otherArticles: [expect.objectContaining({ id: articles["Tagesschau"] })] })]);
    const zeit = await caller().articles.byId({ id: articles["Zeit"]! });
    expect(zeit.events[0]).toMatchObject({ kind: "sanction", corroborated: false });
    // "USA" names both the actor and a place: one actor highlight that mentions the place, not two nested ones.
    const usa = zeit.spans.filter((s) => zeit.text.slice(s.start, s.end) === "USA");
    expect(usa).toEqual([expect.objectContaining({ kind: "actor", refId: ids["state:US"], label: expect.stringContaining("place: USA") })]);
    expect(zeit.places.map((p) => p.name).sort()).toEqual(["USA", "Washington"]);
  });
});

describe("overview", () => {
  it("counts articles, events, actors and independent sources; date range; filtered", async () => {
    await seed();
    const s = await caller().overview.summary({});
    expect(s.counts).toEqual({ articles: 3, events: 3, actors: 5, sources: 3, corroboratedEvents: 1 });
    expect(s.eventRange).toEqual({ from: "2026-01-14", to: "2026-02-08" });
    expect(s.articleRange).toEqual({ from: "2026-01-15", to: "2026-02-08" });
    const f = await caller().overview.summary({ filter: { outlets: ["Zeit"] } });
    expect(f.counts).toMatchObject({ articles: 1, events: 1, actors: 2, sources: 1 });
    const latest = await caller().overview.latestEvents({ limit: 2 });
    expect(latest.map((e) => e.kind)).toEqual(["threaten", "negotiate"]);
  });

  it("reports the last ingest run and its failures", async () => {
    await db().ingestRun.create({
      data: { origin: "cli", startedAt: new Date("2026-02-09T10:00:00Z"), finishedAt: new Date("2026-02-09T10:01:00Z"), articlesNew: 4, articlesFailed: 1, failures: [{ file: "leer.txt", error: "empty file" }] },
    });
    const s = await caller().overview.summary({});
    expect(s.counts.articles).toBe(0);
    expect(s.lastRun).toMatchObject({ origin: "cli", articlesNew: 4, articlesFailed: 1, failures: [{ file: "leer.txt", error: "empty file" }] });
  });

  it("filterOptions: actors, issues, kinds and outlets with counts", async () => {
    await seed();
    const o = await caller().overview.filterOptions();
    expect(o.outlets.map((x) => `${x.value}:${x.count}`)).toEqual(["Spiegel:1", "Tagesschau:1", "Zeit:1"]);
    expect(o.kinds.find((k) => k.value === "negotiate")?.count).toBe(1);
    expect(o.issues.map((i) => i.value)).toContain("enrichment");
    expect(o.actors.map((a) => a.label).slice(0, 2)).toEqual(["Abbas Araghtschi", "Iran"]);
    expect(o.minDate).toBe("2026-01-14");
    expect(o.maxDate).toBe("2026-02-08");
  });
});

describe("input validation (zod, before any SQL)", () => {
  it("rejects malformed ids, filters and pages", async () => {
    const c = caller();
    expect(await codeOf(c.events.byId({ id: "not an id!" }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.actors.byId({ id: "" }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.articles.byId({ id: "x".repeat(65) }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.events.list({ filter: { from: "2026/02/01" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.events.list({ filter: { kinds: ["invade" as never] } }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.events.list({ filter: { issues: ["Not-An-Issue"] } }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.events.list({ page: { cursor: -1, limit: 10 } }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.articles.list({ page: { cursor: 0, limit: 501 } }))).toBe("BAD_REQUEST");
    expect(await codeOf(c.actors.list({ kind: "alien" as never }))).toBe("BAD_REQUEST");
  });
});
