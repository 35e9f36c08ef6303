import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDb, type Db } from "../src/client.ts";
import { adminQuery, withDatabase } from "./support/db-admin.ts";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/**
 * A new database on the test server for one test: a copy of the migrated template, or empty with `migrated: false`.
 * Dropped by `drop()`, and in any case at the end of the run.
 */
export async function freshDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `${inject("runPrefix")}_${randomBytes(5).toString("hex")}`;
  const template = opts.migrated === false ? "template0" : inject("templateDb");
  await adminQuery(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`));
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { poolSize: 4 });
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

/** Row counts of every table, to show that something did or did not change. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const [dossier, issue, article, sentence, actor, actorAlias, place, placeAlias, mention, event, eventReport, eventParticipant, eventPlace, eventFigure, quote, position, ingestRun] =
    await Promise.all([
      db.dossier.count(),
      db.issue.count(),
      db.article.count(),
      db.sentence.count(),
      db.actor.count(),
      db.actorAlias.count(),
      db.place.count(),
      db.placeAlias.count(),
      db.mention.count(),
      db.event.count(),
      db.eventReport.count(),
      db.eventParticipant.count(),
      db.eventPlace.count(),
      db.eventFigure.count(),
      db.quote.count(),
      db.position.count(),
      db.ingestRun.count(),
    ]);
  return { dossier, issue, article, sentence, actor, actorAlias, place, placeAlias, mention, event, eventReport, eventParticipant, eventPlace, eventFigure, quote, position, ingestRun };
}

/** Empties every table but Prisma's migration history (one constant statement; table names quoted by format %I). */
export async function resetDatabase(db: Db): Promise<void> {
  await db.$executeRaw`
    DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
        FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations';
      IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE TABLE ' || tables || ' CASCADE'; END IF;
    END $$`;
}
