import { afterEach, describe, expect, test } from "vitest";
import { closeDb, createDb, getDb } from "../src/client.ts";
import { freshDatabase, type TestDatabase } from "./helpers.ts";

const saved = process.env.DATABASE_URL;
const opened: TestDatabase[] = [];
afterEach(async () => {
  await closeDb();
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  await Promise.all(opened.splice(0).map((d) => d.drop()));
});

describe("client", () => {
  test("getDb needs DATABASE_URL", () => {
    delete process.env.DATABASE_URL;
    expect(() => getDb()).toThrow(/DATABASE_URL is not set/);
  });

  test("getDb is one client per URL, talking to DATABASE_URL", async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    opened.push(a, b);
    await a.db.dossier.create({ data: { id: "only-in-a", name: "A" } });

    process.env.DATABASE_URL = a.url;
    const db = getDb();
    expect(getDb()).toBe(db);
    expect((await db.dossier.findMany()).map((d) => d.id)).toEqual(["only-in-a"]);

    process.env.DATABASE_URL = b.url;
    expect(getDb()).not.toBe(db);
    expect(await getDb().dossier.count()).toBe(0);
  });

  test("createDb rejects an empty URL", () => {
    expect(() => createDb("")).toThrow(/empty database URL/);
  });
});
