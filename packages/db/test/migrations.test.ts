import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, inject, test } from "vitest";
import {
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  createMigration,
  diffMigrationsToSchema,
  findNativeSchemaEngine,
  migrateDeploy,
} from "../src/migrate.ts";
import { freshDatabase, type TestDatabase } from "./helpers.ts";

const opened: TestDatabase[] = [];
const tmpDirs: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.drop()));
  for (const d of tmpDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp() {
  const dir = mkdtempSync(join(tmpdir(), "lagebild-db-mig-"));
  tmpDirs.push(dir);
  return dir;
}

const committed = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("migrations", () => {
  test("apply on an empty database with Prisma's bookkeeping, once", async () => {
    const d = await freshDatabase({ migrated: false });
    opened.push(d);
    const first = await migrateDeploy(d.url, { engine: "wasm" });
    expect(first).toEqual({ engine: "wasm", applied: committed, rebuilt: [] });

    const rows = await d.db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }[]>`
      SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const r of rows) {
      const sql = readFileSync(join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.rolled_back_at).toBeNull();
    }

    // The schema is usable, and a second deploy has nothing to do.
    expect(await d.db.article.count()).toBe(0);
    expect(await migrateDeploy(d.url, { engine: "wasm" })).toEqual({ engine: "wasm", applied: [], rebuilt: [] });
  });

  test("committed migrations and schema.prisma agree (drift check)", async () => {
    expect(await diffMigrationsToSchema(inject("adminUrl"))).toBe("");
  });

  test("the drift check reports a schema change, and create-migration turns it into a migration", async () => {
    const dir = tmp();
    const schemaPath = join(dir, "schema.prisma");
    const migrationsDir = join(dir, "migrations");
    cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    writeFileSync(
      schemaPath,
      readFileSync(SCHEMA_PATH, "utf8").replace(/(model Actor \{\n)/, "$1  nickname String?\n"),
    );
    const adminUrl = inject("adminUrl");

    const drift = await diffMigrationsToSchema(adminUrl, { schemaPath, migrationsDir });
    expect(drift).toMatch(/ALTER TABLE "Actor" ADD COLUMN\s+"nickname" TEXT/);

    const folder = await createMigration(adminUrl, "Actor nickname", { schemaPath, migrationsDir });
    expect(folder).toMatch(/^\d{14}_actor_nickname$/);
    expect(readFileSync(join(migrationsDir, folder!, "migration.sql"), "utf8")).toMatch(/"nickname"/);
    expect(await diffMigrationsToSchema(adminUrl, { schemaPath, migrationsDir })).toBe("");

    // The new migration applies on top of the committed ones.
    const d = await freshDatabase({ migrated: false });
    opened.push(d);
    const res = await migrateDeploy(d.url, { engine: "wasm", schemaPath, migrationsDir });
    expect(res.applied).toEqual([...committed, folder]);
  });

  test("PRISMA_SCHEMA_ENGINE_BINARY counts as a native engine only when it runs", () => {
    const saved = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
    const fake = join(tmp(), "schema-engine");
    writeFileSync(fake, "#!/bin/sh\necho schema-engine-cli 0.0.0\n", { mode: 0o755 });
    try {
      process.env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
      expect(findNativeSchemaEngine()).toBeNull();
      process.env.PRISMA_SCHEMA_ENGINE_BINARY = fake;
      expect(findNativeSchemaEngine()).toBe(fake);
    } finally {
      if (saved === undefined) delete process.env.PRISMA_SCHEMA_ENGINE_BINARY;
      else process.env.PRISMA_SCHEMA_ENGINE_BINARY = saved;
    }
  });
});
