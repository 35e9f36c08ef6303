/**
 * A test file's own database (see db.ts), emptied before each test so every test seeds exactly the data it asserts
 * on, and a server-side tRPC caller on it (no request, no token).
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createCaller } from "../../src/server/routers/_app.ts";
import { createContextInner } from "../../src/server/trpc.ts";
import { openTestDb, type TestDb } from "./db.ts";

export function useFreshDb() {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await openTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t!.reset();
  });
  const db = () => t!.db;
  return { db, caller: () => createCaller(createContextInner({ db: db(), ingestToken: null })) };
}
