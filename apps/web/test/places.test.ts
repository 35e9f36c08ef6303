import { migrateDeploy, rebuildSummaries } from "@lagebild/db";
import type { ViewFilter } from "@lagebild/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTORS, openTestDb, PLACES, seed, type TestDb } from "./viz-fixture.ts";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.db, [
    {
      file: "a1.md",
      outlet: "Spiegel",
      published: "2026-01-20",
      sentences: [
        "In Maskat verhandelten Witkoff und Araghtschi am Montag.",
        "Washington erklärte, man sei zuversichtlich.",
        "In Teheran drohte Iran mit Vergeltung.",
      ],
      actors: [ACTORS.witkoff, ACTORS.araghtschi, ACTORS.iran, ACTORS.us],
      // Washington is mentioned (metonymically) but no event happens there.
      places: [PLACES.maskat, PLACES.teheran, PLACES.washington],
      events: [
        { kind: "negotiate", summary: "Talks in Muscat", date: "2026-01-19", participants: [["person:steve-witkoff", "participant"], ["person:abbas-araghtschi", "participant"]], places: ["place:maskat"], sentence: 0, merge: "muscat-1" },
        { kind: "threaten", summary: "Iran threatens retaliation", date: "2026-01-20", participants: [["state:IR", "initiator"]], places: ["place:teheran"], sentence: 2 },
      ],
    },
    {
      file: "a2.md",
      outlet: "Zeit",
      published: "2026-02-07",
      sentences: ["In Maskat verhandelten beide Seiten erneut.", "Zuvor hatte es in Maskat schon im Januar Gespräche gegeben.", "In Genf trafen sich Diplomaten."],
      actors: [ACTORS.witkoff, ACTORS.araghtschi],
      places: [PLACES.maskat, PLACES.genf],
      events: [
        { kind: "negotiate", summary: "Second round in Muscat", date: "2026-02-06", participants: [["person:steve-witkoff", "participant"]], places: ["place:maskat"], sentence: 0 },
        { kind: "negotiate", summary: "Talks in Muscat", date: "2026-01-19", places: ["place:maskat"], sentence: 1, merge: "muscat-1" },
        { kind: "consult", summary: "Diplomats meet in Geneva", date: "2026-02", places: ["place:genf"], sentence: 2 },
      ],
    },
    {
      file: "a3.md",
      outlet: "Spiegel",
      published: "2025-06-12",
      sentences: ["In Teheran wurden Proteste niedergeschlagen."],
      actors: [ACTORS.iran],
      places: [PLACES.teheran],
      events: [{ kind: "crackdown", summary: "Crackdown in Tehran", date: "2025-06-11", participants: [["state:IR", "initiator"]], places: ["place:teheran"] }],
    },
  ]);
});

afterAll(async () => {
  await t?.close();
});

const byName = <T extends { name: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.name, x]));

describe("places.map", () => {
  it("counts events per place (a merged event once) and orders kinds by frequency", async () => {
    const { places } = await t.caller.places.map({ filter: {} });
    const p = byName(places);
    expect(p.Maskat?.eventCount).toBe(2);
    expect(p.Maskat?.kinds).toEqual([{ kind: "negotiate", count: 2 }]);
    expect(p.Maskat?.dominantKind).toBe("negotiate");
    expect(p.Maskat?.first).toBe("2026-01-19");
    expect(p.Maskat?.last).toBe("2026-02-06");
    expect(p.Teheran?.eventCount).toBe(2);
    expect(p.Teheran?.kinds.map((k) => k.kind).sort()).toEqual(["crackdown", "threaten"]);
    expect(p.Genf?.eventCount).toBe(1);
    // A month-precision event's span reaches the end of the month.
    expect(p.Genf?.last).toBe("2026-02-28");
    expect(places[0]!.eventCount).toBeGreaterThanOrEqual(places.at(-1)!.eventCount);
  });

  it("does not mark places that are only mentioned (no event there)", async () => {
    const { places } = await t.caller.places.map({ filter: {} });
    expect(places.map((x) => x.name)).not.toContain("Washington");
    expect(places).toHaveLength(3);
  });

  it("narrows by date range, kind, actor and outlet", async () => {
    const jan = byName((await t.caller.places.map({ filter: { from: "2026-01-01", to: "2026-01-31" } })).places);
    expect(Object.keys(jan).sort()).toEqual(["Maskat", "Teheran"]);
    expect(jan.Maskat?.eventCount).toBe(1);
    expect(jan.Teheran?.kinds).toEqual([{ kind: "threaten", count: 1 }]);

    const kinds = (await t.caller.places.map({ filter: { kinds: ["crackdown"] } })).places;
    expect(kinds.map((x) => [x.name, x.eventCount])).toEqual([["Teheran", 1]]);

    const [witkoffId] = (await t.db.actor.findMany({ where: { key: "person:steve-witkoff" }, select: { id: true } })).map((a) => a.id);
    const actor = byName((await t.caller.places.map({ filter: { actors: [witkoffId!] } })).places);
    expect(Object.keys(actor)).toEqual(["Maskat"]);
    expect(actor.Maskat?.eventCount).toBe(2);

    const zeit = byName((await t.caller.places.map({ filter: { outlets: ["Zeit"] } })).places);
    expect(Object.keys(zeit).sort()).toEqual(["Genf", "Maskat"]);
  });

  it("answers kind and date filters from the EventTally summary exactly as from the events themselves", async () => {
    // An outlet filter naming every outlet matches everything but forces the query over EventPlace ⋈ Event.
    const allOutlets = ["Spiegel", "Zeit"];
    const filters: ViewFilter[] = [{}, { from: "2026-01-19", to: "2026-01-31" }, { from: "2026-02-10" }, { kinds: ["negotiate", "consult"] }, { to: "2025-12-31", kinds: ["crackdown"] }];
    for (const f of filters) {
      const fromSummary = await t.caller.places.map({ filter: f });
      const fromEvents = await t.caller.places.map({ filter: { ...f, outlets: allOutlets } });
      expect(fromSummary).toEqual(fromEvents);
      const overview = await t.caller.timeline.overview({ filter: f });
      expect(overview).toEqual(await t.caller.timeline.overview({ filter: { ...f, outlets: allOutlets } }));
      const timeline = await t.caller.timeline.events({ filter: f });
      expect([timeline.total, timeline.undated]).toEqual(await t.caller.timeline.events({ filter: { ...f, outlets: allOutlets } }).then((r) => [r.total, r.undated]));
    }
  });

  it("only reads: an emptied summary (a database from before it) stays empty until migrateDeploy rebuilds it", async () => {
    const window = { from: "2026-01-19", to: "2026-02-06" };
    const [all, windowed] = [await t.caller.places.map({ filter: {} }), await t.caller.places.map({ filter: window })];
    await t.db.$executeRaw`TRUNCATE "EventTally", "PlaceKindTotal"`;
    await rebuildSummaries(t.db, { only: ["EventTally"] });
    expect(await t.caller.places.map({ filter: {} })).toEqual(all);
    expect(await t.caller.places.map({ filter: window })).toEqual(windowed);

    await t.db.$executeRaw`TRUNCATE "EventTally", "PlaceKindTotal"`;
    await t.caller.places.map({ filter: {} });
    await t.caller.timeline.overview({ filter: {} });
    expect(await t.db.eventTally.count()).toBe(0);
    expect((await migrateDeploy(t.url)).rebuilt).toEqual(["EventTally"]);
    expect(await t.caller.places.map({ filter: {} })).toEqual(all);
    expect(await t.caller.places.map({ filter: window })).toEqual(windowed);
  });

  it("rejects a malformed filter", async () => {
    await expect(t.caller.places.map({ filter: { from: "Jan 2026" } })).rejects.toThrow();
  });
});

describe("places.events", () => {
  it("lists the events at a place, newest first, with who and how many reports", async () => {
    const maskat = await t.db.place.findUniqueOrThrow({ where: { key: "place:maskat" }, select: { id: true } });
    const res = await t.caller.places.events({ id: maskat.id, filter: {} });
    expect(res.place.name).toBe("Maskat");
    expect(res.total).toBe(2);
    expect(res.items.map((e) => e.summary)).toEqual(["Second round in Muscat", "Talks in Muscat"]);
    const first = res.items[1]!;
    expect(first.reportCount).toBe(2);
    expect(first.participants.map((p) => p.name).sort()).toEqual(["Araghtschi", "Witkoff"]);

    const narrowed = await t.caller.places.events({ id: maskat.id, filter: { to: "2026-01-31" } });
    expect(narrowed.items.map((e) => e.summary)).toEqual(["Talks in Muscat"]);
  });

  it("answers NOT_FOUND for an unknown place", async () => {
    await expect(t.caller.places.events({ id: "nope", filter: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
