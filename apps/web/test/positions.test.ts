import { migrateDeploy } from "@lagebild/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTORS, openTestDb, seed, type TestDb } from "./viz-fixture.ts";

let t: TestDb;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.db, [
    {
      file: "p1.md",
      outlet: "Spiegel",
      published: "2026-01-10",
      sentences: [
        "Iran lehnt ein Ende der Urananreicherung ab.",
        "Die USA fordern ein vollständiges Ende der Anreicherung.",
        "Ein Militärschlag bleibe eine Option, sagte Witkoff.",
      ],
      actors: [ACTORS.iran, ACTORS.us, ACTORS.witkoff],
      quotes: [{ speaker: "person:steve-witkoff", speakerLabel: "Witkoff", text: "Ein Militärschlag bleibe eine Option", sentence: 2 }],
      positions: [
        { actor: "state:IR", issue: "enrichment", stance: "oppose", sentence: 0 },
        { actor: "state:US", issue: "enrichment", stance: "support", sentence: 1, date: "2026-01-09" },
        { actor: "state:US", issue: "military", stance: "support", sentence: 2, quote: 0 },
      ],
    },
    {
      file: "p2.md",
      outlet: "Zeit",
      published: "2026-01-14",
      sentences: ["Israel verlangt ebenfalls ein Ende der Anreicherung.", "Israel hält Militärschläge für möglich.", "Oman äußerte sich vage zur Anreicherung."],
      actors: [ACTORS.israel, ACTORS.oman],
      positions: [
        { actor: "state:IL", issue: "enrichment", stance: "support", sentence: 0 },
        { actor: "state:IL", issue: "military", stance: "support", sentence: 1 },
        { actor: "state:OM", issue: "enrichment", stance: "ambiguous", sentence: 2 },
      ],
    },
    {
      file: "p3.md",
      outlet: "Spiegel",
      published: "2026-02-05",
      sentences: ["Iran sei bereit, die Anreicherung auszusetzen, hieß es in Teheran."],
      actors: [ACTORS.iran],
      positions: [{ actor: "state:IR", issue: "enrichment", stance: "support", sentence: 0 }],
    },
    {
      file: "p4.md",
      outlet: "taz",
      published: "2026-02-10",
      sentences: ["Oman lehnte Gespräche über Raketen zunächst ab.", "Später befürwortete Oman das Raketenthema.", "Nun äußert sich Oman neutral zum Raketenprogramm."],
      actors: [ACTORS.oman],
      positions: [
        { actor: "state:OM", issue: "missiles", stance: "oppose", sentence: 0, date: "2026-01-15" },
        { actor: "state:OM", issue: "missiles", stance: "support", sentence: 1, date: "2026-01-20" },
        { actor: "state:OM", issue: "missiles", stance: "neutral", sentence: 2, date: "2026-02-10" },
      ],
    },
  ]);
  for (const a of await t.db.actor.findMany({ select: { id: true, key: true } })) id[a.key] = a.id;
  for (const i of await t.db.issue.findMany({ select: { id: true, code: true } })) id[i.code] = i.id;
});

afterAll(async () => {
  await t?.close();
});

function cell<C extends { actorId: string; issueId: string }>(m: { cells: C[] }, actor: string, issue: string) {
  return m.cells.find((c) => c.actorId === id[actor] && c.issueId === id[issue]);
}

describe("positions.matrix", () => {
  it("lays out actors × codebook issues with the latest stance, evidence count and changes", async () => {
    const m = await t.caller.positions.matrix({ filter: {} });
    expect(m.dossier).toBe("us-iran-2026");
    // The dossier's codebook, in its own order.
    expect(m.issues.map((i) => i.code)).toEqual(["enrichment", "missiles", "proxies", "protesters", "scope", "venue", "military"]);
    expect(m.actors.map((a) => a.name).sort()).toEqual(["Iran", "Israel", "Oman", "USA"]);
    expect(cell(m, "state:IR", "enrichment")).toMatchObject({ stance: "support", evidence: 2, changes: 1, changedFrom: "oppose", changedOn: "2026-02-05" });
    expect(cell(m, "state:US", "enrichment")).toMatchObject({ stance: "support", evidence: 1, changes: 0, changedFrom: null });
    expect(cell(m, "state:US", "military")).toMatchObject({ stance: "support", evidence: 1 });
    expect(cell(m, "state:US", "missiles")).toBeUndefined();
  });

  it("reports the last of several changes", async () => {
    const m = await t.caller.positions.matrix({ filter: {} });
    expect(cell(m, "state:OM", "missiles")).toMatchObject({ stance: "neutral", evidence: 3, changes: 2, changedFrom: "support", changedOn: "2026-02-10" });
    const jan = await t.caller.positions.matrix({ filter: {}, asOf: "2026-01-31" });
    expect(cell(jan, "state:OM", "missiles")).toMatchObject({ stance: "support", evidence: 2, changes: 1, changedFrom: "oppose", changedOn: "2026-01-20" });
  });

  it("shows positions as they stood on the as-of day", async () => {
    const before = await t.caller.positions.matrix({ filter: {}, asOf: "2026-01-31" });
    expect(cell(before, "state:IR", "enrichment")).toMatchObject({ stance: "oppose", evidence: 1, changes: 0 });
    // Israel's evidence is from 14 January: not yet there on the 12th.
    const early = await t.caller.positions.matrix({ filter: {}, asOf: "2026-01-12" });
    expect(early.actors.map((a) => a.name).sort()).toEqual(["Iran", "USA"]);
    // The position's own date (9 Jan) counts, not the publication day (10 Jan).
    const ninth = await t.caller.positions.matrix({ filter: {}, asOf: "2026-01-09" });
    expect(ninth.cells.map((c) => [c.actorId, c.issueId])).toEqual([[id["state:US"], id.enrichment]]);
  });

  it("honours the actor, issue and outlet filters", async () => {
    const m = await t.caller.positions.matrix({ filter: { actors: [id["state:IR"]!], issues: ["enrichment"] } });
    expect(m.actors.map((a) => a.name)).toEqual(["Iran"]);
    expect(m.issues.map((i) => i.code)).toEqual(["enrichment"]);
    const zeit = await t.caller.positions.matrix({ filter: { outlets: ["Zeit"] } });
    expect(zeit.actors.map((a) => a.name).sort()).toEqual(["Israel", "Oman"]);
  });

  it("answers from the PositionCell summary without a filter exactly as from the evidence itself", async () => {
    // An outlet filter naming every outlet matches all evidence but forces the computation over the positions.
    const everyOutlet = { outlets: ["Spiegel", "Zeit", "taz"] };
    expect(await t.caller.positions.matrix({ filter: {} })).toEqual(await t.caller.positions.matrix({ filter: everyOutlet }));
    expect(await t.caller.positions.agreement({ filter: {} })).toEqual(await t.caller.positions.agreement({ filter: everyOutlet }));
  });

  it("answers as of any day from the PositionCellDay summary exactly as from the evidence itself", async () => {
    const everyOutlet = { outlets: ["Spiegel", "Zeit", "taz"] };
    // Before, on and between the evidence days (own dates and publication days), and after the last.
    const days = ["2026-01-08", "2026-01-09", "2026-01-10", "2026-01-14", "2026-01-15", "2026-01-17", "2026-01-20", "2026-02-05", "2026-02-09", "2026-02-10", "2026-03-01"];
    for (const asOf of days) {
      const fromSummary = await t.caller.positions.matrix({ filter: {}, asOf });
      expect(fromSummary, asOf).toEqual(await t.caller.positions.matrix({ filter: everyOutlet, asOf }));
      expect(await t.caller.positions.agreement({ filter: {}, asOf }), asOf).toEqual(await t.caller.positions.agreement({ filter: everyOutlet, asOf }));
    }
    // Oman's missiles cell as of 10 Feb: three pieces of evidence, two changes, the last from support on that day.
    expect(cell(await t.caller.positions.matrix({ filter: {}, asOf: "2026-02-10" }), "state:OM", "missiles")).toMatchObject({
      stance: "neutral",
      evidence: 3,
      changes: 2,
      changedFrom: "support",
      changedOn: "2026-02-10",
    });
  });

  it("only reads: emptied summaries (a database from before them) stay empty until migrateDeploy rebuilds them", async () => {
    const latest = await t.caller.positions.matrix({ filter: {} });
    const asOf = await t.caller.positions.matrix({ filter: {}, asOf: "2026-01-31" });
    await t.db.$executeRaw`TRUNCATE "PositionCell", "PositionCellDay"`;
    await t.caller.positions.matrix({ filter: {} });
    await t.caller.positions.agreement({ filter: {}, asOf: "2026-01-31" });
    expect([await t.db.positionCell.count(), await t.db.positionCellDay.count()]).toEqual([0, 0]);
    expect((await migrateDeploy(t.url)).rebuilt).toEqual(["PositionCell", "PositionCellDay"]);
    expect(await t.caller.positions.matrix({ filter: {} })).toEqual(latest);
    expect(await t.caller.positions.matrix({ filter: {}, asOf: "2026-01-31" })).toEqual(asOf);
  });

  it("validates its input with the model's MatrixInput", async () => {
    await expect(t.caller.positions.matrix({ filter: {}, asOf: "31.01.2026" })).rejects.toThrow();
  });
});

describe("positions.cell", () => {
  it("reads a cell's newest evidence and its count without a filter exactly as through the filtered path", async () => {
    const everyOutlet = { outlets: ["Spiegel", "Zeit", "taz"] };
    // One piece of evidence without any day (an article without a known publication day): it counts as the oldest.
    const [undated] = await t.db.$queryRaw<{ id: string }[]>`
      UPDATE "Position" SET day = NULL WHERE id = (SELECT id FROM "Position" WHERE "actorId" = ${id["state:OM"]} AND "issueId" = ${id.missiles} ORDER BY day LIMIT 1) RETURNING id`;
    try {
      for (const [actor, issue] of [["state:IR", "enrichment"], ["state:OM", "missiles"], ["state:US", "military"], ["state:IL", "missiles"]] as const) {
        for (const asOf of [undefined, "2026-01-20", "2026-02-10"]) {
          const plain = await t.caller.positions.cell({ actorId: id[actor]!, issueId: id[issue]!, asOf });
          expect(plain, `${actor} ${issue} ${asOf}`).toEqual(await t.caller.positions.cell({ actorId: id[actor]!, issueId: id[issue]!, asOf, filter: everyOutlet }));
        }
      }
      const om = await t.caller.positions.cell({ actorId: id["state:OM"]!, issueId: id.missiles! });
      expect([om.total, om.evidence[0]?.id, om.evidence[0]?.day]).toEqual([3, undated!.id, null]);
    } finally {
      await t.db.$executeRaw`UPDATE "Position" SET day = COALESCE("dateFrom", (SELECT "publishedWindowFrom" FROM "Article" a WHERE a.id = "articleId")) WHERE id = ${undated!.id}`;
    }
  });

  it("lists the evidence behind a cell with speaker, outlet, date and sentence, marking the change", async () => {
    const c = await t.caller.positions.cell({ actorId: id["state:IR"]!, issueId: id.enrichment! });
    expect(c.stance).toBe("support");
    expect(c.changes).toBe(1);
    expect(c.evidence.map((e) => [e.day, e.stance, e.article.outlet, e.changedFrom])).toEqual([
      ["2026-01-10", "oppose", "Spiegel", null],
      ["2026-02-05", "support", "Spiegel", "oppose"],
    ]);
    expect(c.evidence[1]!.sentence.text).toContain("Anreicherung auszusetzen");
    expect(c.evidence[0]!.speaker.name).toBe("Iran");
  });

  it("counts only evidence up to the as-of day and keeps later evidence flagged", async () => {
    const c = await t.caller.positions.cell({ actorId: id["state:IR"]!, issueId: "enrichment", asOf: "2026-01-31" });
    expect(c.stance).toBe("oppose");
    expect(c.changes).toBe(0);
    expect(c.evidence.map((e) => e.afterAsOf)).toEqual([false, true]);
  });

  it("names the quoted speaker when the stance rests on a quote", async () => {
    const c = await t.caller.positions.cell({ actorId: id["state:US"]!, issueId: id.military! });
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]!.quote?.text).toBe("Ein Militärschlag bleibe eine Option");
    expect(c.evidence[0]!.speaker.name).toBe("Witkoff");
  });
});

describe("positions.agreement", () => {
  const pair = (res: { pairs: { a: string; b: string; shared: number; agree: number; share: number }[] }, x: string, y: string) =>
    res.pairs.find((p) => (p.a === id[x] && p.b === id[y]) || (p.a === id[y] && p.b === id[x]));

  it("is the share of issues where both take a stance and agree", async () => {
    const res = await t.caller.positions.agreement({ filter: {} });
    expect(pair(res, "state:US", "state:IL")).toMatchObject({ shared: 2, agree: 2, share: 1 });
    expect(pair(res, "state:US", "state:IR")).toMatchObject({ shared: 1, agree: 1 });
    // Oman's only stance is ambiguous: no comparable issue.
    expect(pair(res, "state:US", "state:OM")).toBeUndefined();
  });

  it("changes with the as-of day", async () => {
    const res = await t.caller.positions.agreement({ filter: {}, asOf: "2026-01-31" });
    expect(pair(res, "state:US", "state:IR")).toMatchObject({ shared: 1, agree: 0, share: 0 });
    expect(pair(res, "state:IL", "state:IR")).toMatchObject({ shared: 1, agree: 0 });
  });
});
