import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenScale, dayNumber, packRows, ticks } from "../src/components/viz/time-scale.ts";
import { ACTORS, openTestDb, PLACES, seed, type TestDb } from "./viz-fixture.ts";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.db, [
    {
      file: "t1.md",
      outlet: "Spiegel",
      published: "2026-02-07",
      sentences: [
        "Im Juni 2025 hatten die USA Sanktionen verhängt.",
        "Am Freitag verhandelten Witkoff und Araghtschi in Maskat.",
        "Eine für Istanbul geplante Runde wurde abgesagt.",
        "Eine weitere Runde ist für Ende Februar geplant.",
        "Ein Angriff wäre denkbar, hieß es.",
        "Seit Jahren streiten beide Seiten.",
      ],
      actors: [ACTORS.us, ACTORS.witkoff, ACTORS.araghtschi, ACTORS.iran],
      places: [PLACES.maskat],
      events: [
        { kind: "sanction", summary: "US sanctions", date: "2025-06", participants: [["state:US", "initiator"], ["state:IR", "target"]], sentence: 0 },
        { kind: "negotiate", summary: "Talks in Muscat", date: "2026-02-06", participants: [["person:steve-witkoff", "participant"], ["person:abbas-araghtschi", "participant"]], places: ["place:maskat"], sentence: 1, merge: "muscat" },
        { kind: "negotiate", summary: "Istanbul round called off", date: "2026-02-05", status: "cancelled", sentence: 2 },
        { kind: "negotiate", summary: "Next round", date: "2026-02-27", status: "planned", participants: [["state:US", "participant"]], sentence: 3 },
        { kind: "attack", summary: "Possible strike", status: "hypothetical", participants: [["state:US", "initiator"]], sentence: 4 },
        { kind: "accuse", summary: "Years of dispute", date: "2025", participants: [["state:IR", "initiator"]], sentence: 5 },
      ],
    },
    {
      file: "t2.md",
      outlet: "Zeit",
      published: "2026-02-06",
      sentences: ["Witkoff und Araghtschi verhandelten in Maskat."],
      actors: [ACTORS.witkoff, ACTORS.araghtschi],
      places: [PLACES.maskat],
      events: [{ kind: "negotiate", summary: "Talks in Muscat", date: "2026-02-06", places: ["place:maskat"], merge: "muscat" }],
    },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe("timeline.events", () => {
  it("returns dated events in date order with honest spans, status, participants, places and report counts", async () => {
    const res = await t.caller.timeline.events({ filter: {} });
    expect(res.total).toBe(5);
    expect(res.undated).toBe(1);
    expect(res.truncated).toBe(false);
    expect(res.events.map((e) => e.summary)).toEqual(["Years of dispute", "US sanctions", "Istanbul round called off", "Talks in Muscat", "Next round"]);

    const month = res.events.find((e) => e.summary === "US sanctions")!;
    expect(month).toMatchObject({ precision: "month", date: "2025-06", from: "2025-06-01", to: "2025-06-30", kind: "sanction" });
    const year = res.events.find((e) => e.summary === "Years of dispute")!;
    expect(year).toMatchObject({ precision: "year", from: "2025-01-01", to: "2025-12-31" });

    const talks = res.events.find((e) => e.summary === "Talks in Muscat")!;
    expect(talks).toMatchObject({ precision: "day", from: "2026-02-06", to: "2026-02-06", reportCount: 2, status: "reported" });
    expect(talks.participants.map((p) => p.name).sort()).toEqual(["Araghtschi", "Witkoff"]);
    expect(talks.places.map((p) => p.name)).toEqual(["Maskat"]);

    expect(res.events.find((e) => e.summary === "Istanbul round called off")?.status).toBe("cancelled");
    expect(res.events.find((e) => e.summary === "Next round")?.status).toBe("planned");
  });

  it("keeps a month-precision event in any range overlapping its month", async () => {
    const mid = await t.caller.timeline.events({ filter: { from: "2025-06-15", to: "2025-06-20" } });
    expect(mid.events.map((e) => e.summary).sort()).toEqual(["US sanctions", "Years of dispute"]);
    const after = await t.caller.timeline.events({ filter: { from: "2025-07-01", to: "2025-07-31" } });
    expect(after.events.map((e) => e.summary)).toEqual(["Years of dispute"]);
  });

  it("narrows by kind, actor and outlet", async () => {
    const kinds = await t.caller.timeline.events({ filter: { kinds: ["negotiate"] } });
    expect(kinds.events.map((e) => e.summary)).toEqual(["Istanbul round called off", "Talks in Muscat", "Next round"]);

    const us = await t.db.actor.findUniqueOrThrow({ where: { key: "state:US" }, select: { id: true } });
    const byActor = await t.caller.timeline.events({ filter: { actors: [us.id] } });
    expect(byActor.events.map((e) => e.summary)).toEqual(["US sanctions", "Next round"]);
    expect(byActor.undated).toBe(1); // the hypothetical strike

    const zeit = await t.caller.timeline.events({ filter: { outlets: ["Zeit"] } });
    expect(zeit.events.map((e) => e.summary)).toEqual(["Talks in Muscat"]);
  });

  it("keeps the most widely reported events when more match than the limit, and says so", async () => {
    const res = await t.caller.timeline.events({ filter: {}, limit: 1 });
    expect(res.truncated).toBe(true);
    expect(res.total).toBe(5);
    expect(res.events.map((e) => e.summary)).toEqual(["Talks in Muscat"]);
  });
});

describe("timeline.overview", () => {
  it("gives the full extent ignoring from/to, and weekly counts of day-precision events", async () => {
    const res = await t.caller.timeline.overview({ filter: { from: "2026-02-01", to: "2026-02-10" } });
    expect(res.min).toBe("2025-01-01");
    expect(res.max).toBe("2026-02-27");
    // Week of Monday 2 Feb 2026: the cancelled round (5 Feb) and the talks (6 Feb).
    expect(res.weeks).toContainEqual({ week: "2026-02-02", count: 2 });
    expect(res.weeks).toContainEqual({ week: "2026-02-23", count: 1 });
    expect(res.weeks.reduce((n, w) => n + w.count, 0)).toBe(3);
  });
});

describe("broken time axis", () => {
  it("compresses the background before the focus window and keeps the focus linear", () => {
    const s = brokenScale("2025-01-01", "2026-02-28", 1000, { focus: ["2026-01-01", "2026-02-28"] });
    expect(s.segments).toHaveLength(2);
    expect(s.breaks).toHaveLength(1);
    const bgWidth = s.xOf("2026-01-01") - s.xOf("2025-01-01");
    // 365 background days get about a quarter of the width; 59 crisis days the rest.
    expect(bgWidth).toBeLessThan(300);
    const dayInCrisis = s.xOf("2026-02-02") - s.xOf("2026-02-01");
    const dayInBackground = s.xOf("2025-06-02") - s.xOf("2025-06-01");
    expect(dayInCrisis).toBeGreaterThan(10 * dayInBackground);
    // A month-precision span is as wide as its month.
    const june = s.x(dayNumber("2025-07-01")) - s.xOf("2025-06-01");
    expect(june).toBeGreaterThan(15);
    expect(s.xOf("2026-02-28")).toBeLessThan(1000);
    expect(s.x(dayNumber("2026-02-28") + 1)).toBe(1000);
  });

  it("stays linear for a short range", () => {
    const s = brokenScale("2026-01-01", "2026-02-28", 590, { focus: ["2026-01-01", "2026-02-28"] });
    expect(s.segments).toHaveLength(1);
    expect(s.xOf("2026-01-11") - s.xOf("2026-01-01")).toBeCloseTo(100, 5);
    const labels = ticks(s).filter((x) => x.label).map((x) => x.label);
    expect(labels).toContain("Feb 2026");
  });

  it("packs overlapping marks into separate rows", () => {
    const { rows, rowCount } = packRows([
      { x0: 0, x1: 50 },
      { x0: 10, x1: 20 },
      { x0: 60, x1: 70 },
      { x0: 15, x1: 30 },
    ]);
    expect(rows).toEqual([0, 1, 0, 2]);
    expect(rowCount).toBe(3);
  });
});
