// Derived data the dashboard reads instead of the base tables, rebuilt from the base tables.
//
// `persistExtraction` keeps every summary in step, article by article, in the article's transaction. A rebuild is
// needed only when rows were written around it (a bulk load) or when a migration added a summary to a database that
// already holds data. It is an explicit step — `pnpm --filter @lagebild/db db rebuild-summaries`, or `migrateDeploy`,
// which rebuilds the summaries that are empty while their base rows exist — so the web pages only ever read.
import type { Db, Tx } from "./client.ts";
import { refreshPlaceTotals, refreshPositionCellDays, refreshPositionCells } from "./persist.ts";

/** What a rebuild can (re)compute, in the order it does so. */
export const SUMMARIES = ["Position.day", "EventTally", "PositionCell", "PositionCellDay", "ActorArticle", "ActorTotal", "copies"] as const;
export type Summary = (typeof SUMMARIES)[number];

/** A rebuild reads every event or position once: minutes at a million events on a slow machine. */
const REBUILD = { timeout: 30 * 60_000, maxWait: 120_000 };

/**
 * The summaries a database lacks: empty while their base rows exist (`EventTally`/`PlaceKindTotal`/`PlaceTotal` with
 * events or links, `PositionCell` with positions, `PositionCellDay` with dated positions, `ActorArticle` with actor
 * mentions, `ActorTotal` with participants, actor mentions, quoted speakers or positions), and `Position.day` unset where a day is known. Cheap:
 * a few EXISTS probes.
 */
export async function missingSummaries(db: Db): Promise<Summary[]> {
  const [r] = await db.$queryRaw<
    {
      events: boolean;
      tally: boolean;
      links: boolean;
      totals: boolean;
      placeTotals: boolean;
      participants: boolean;
      actorTotals: boolean;
      speakers: boolean;
      positions: boolean;
      cells: boolean;
      dated: boolean;
      days: boolean;
      mentions: boolean;
      seen: boolean;
      undated: boolean;
    }[]
  >`
    SELECT EXISTS (SELECT 1 FROM "Event") AS events, EXISTS (SELECT 1 FROM "EventTally") AS tally,
           EXISTS (SELECT 1 FROM "EventPlace") AS links, EXISTS (SELECT 1 FROM "PlaceKindTotal") AS totals,
           EXISTS (SELECT 1 FROM "PlaceTotal") AS "placeTotals", EXISTS (SELECT 1 FROM "EventParticipant") AS participants,
           EXISTS (SELECT 1 FROM "ActorTotal") AS "actorTotals", EXISTS (SELECT 1 FROM "Quote" WHERE "speakerId" IS NOT NULL) AS speakers,
           EXISTS (SELECT 1 FROM "Position") AS positions, EXISTS (SELECT 1 FROM "PositionCell") AS cells,
           EXISTS (SELECT 1 FROM "Position" WHERE day IS NOT NULL) AS dated, EXISTS (SELECT 1 FROM "PositionCellDay") AS days,
           EXISTS (SELECT 1 FROM "Mention" WHERE "actorId" IS NOT NULL) AS mentions, EXISTS (SELECT 1 FROM "ActorArticle") AS seen,
           EXISTS (SELECT 1 FROM "Position" p JOIN "Article" a ON a.id = p."articleId"
                   WHERE p.day IS NULL AND COALESCE(p."dateFrom", a."publishedWindowFrom") IS NOT NULL) AS undated`;
  if (!r) return [];
  const out: Summary[] = [];
  if (r.undated) out.push("Position.day");
  if ((r.events && !r.tally) || (r.links && (!r.totals || !r.placeTotals))) out.push("EventTally");
  // Filling days changes the cells' evidence order, so the cells follow.
  if (r.undated || (r.positions && !r.cells)) out.push("PositionCell");
  if (r.undated || (r.dated && !r.days)) out.push("PositionCellDay");
  if (r.mentions && !r.seen) out.push("ActorArticle");
  if ((r.participants || r.mentions || r.speakers || r.positions) && !r.actorTotals) out.push("ActorTotal");
  return out;
}

export interface RebuildResult {
  rebuilt: Summary[];
  ms: number;
}

/**
 * Recomputes summaries from the base tables: those named in `only`, else all of them (including the event columns
 * copied onto participant, place and quote rows: "copies"). Each in one transaction that locks its summary tables
 * against concurrent writers (readers go on reading the old rows until it commits).
 */
export async function rebuildSummaries(db: Db, opts: { only?: readonly Summary[]; log?: (line: string) => void } = {}): Promise<RebuildResult> {
  const t0 = performance.now();
  const todo = SUMMARIES.filter((s) => !opts.only || opts.only.includes(s));
  for (const s of todo) {
    const t = performance.now();
    await db.$transaction((tx) => STEPS[s](tx), REBUILD);
    opts.log?.(`${s} rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return { rebuilt: todo, ms: Math.round(performance.now() - t0) };
}

/** Rebuilds what `missingSummaries` lists (nothing when all are there). */
export async function rebuildMissingSummaries(db: Db, opts: { log?: (line: string) => void } = {}): Promise<RebuildResult> {
  const missing = await missingSummaries(db);
  if (!missing.length) return { rebuilt: [], ms: 0 };
  return rebuildSummaries(db, { only: missing, log: opts.log });
}

const STEPS: Record<Summary, (tx: Tx) => Promise<void>> = {
  /** The day each position counts from: its own date, else its article's publication day. */
  async "Position.day"(tx) {
    await tx.$executeRaw`
      UPDATE "Position" p SET day = COALESCE(p."dateFrom", a."publishedWindowFrom")
      FROM "Article" a
      WHERE a.id = p."articleId" AND p.day IS DISTINCT FROM COALESCE(p."dateFrom", a."publishedWindowFrom")`;
  },

  /** Events and event–place links per kind and exact date range, the links per place and kind, and per place. */
  async EventTally(tx) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lagebild:EventTally'))`;
    await tx.$executeRaw`LOCK TABLE "EventTally", "PlaceTotal", "PlaceKindTotal" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "EventTally"`;
    await tx.$executeRaw`DELETE FROM "PlaceKindTotal"`;
    await tx.$executeRaw`DELETE FROM "PlaceTotal"`;
    await tx.$executeRaw`
      INSERT INTO "EventTally" (id, "placeId", kind, "datePrecision", "dateFrom", "dateTo", n)
      SELECT concat_ws('|', COALESCE("placeId", ''), kind, COALESCE("datePrecision", ''), COALESCE("dateFrom"::text, ''), COALESCE("dateTo"::text, '')),
             "placeId", kind, "datePrecision", "dateFrom", "dateTo", n
      FROM (
        SELECT NULL::text AS "placeId", e.kind, e."datePrecision", e."dateFrom", e."dateTo", count(*)::int AS n
        FROM "Event" e GROUP BY 2, 3, 4, 5
        UNION ALL
        SELECT ep."placeId", e.kind, e."datePrecision", e."dateFrom", e."dateTo", count(*)::int
        FROM "EventPlace" ep JOIN "Event" e ON e.id = ep."eventId" GROUP BY 1, 2, 3, 4, 5
      ) x`;
    await tx.$executeRaw`
      INSERT INTO "PlaceKindTotal" ("placeId", kind, n, "firstDay", "lastDay")
      SELECT "placeId", kind, sum(n)::int, min("dateFrom"), max("dateTo") FROM "EventTally" WHERE "placeId" IS NOT NULL GROUP BY 1, 2`;
    await refreshPlaceTotals(tx, null);
  },

  /** The latest stance, counts and changes per actor × issue (all evidence). */
  async PositionCell(tx) {
    await tx.$executeRaw`LOCK TABLE "PositionCell" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "PositionCell"`;
    await refreshPositionCells(tx, null);
  },

  /** The same per actor × issue × day over the dated evidence up to that day (the matrix as of a day). */
  async PositionCellDay(tx) {
    await tx.$executeRaw`LOCK TABLE "PositionCellDay" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "PositionCellDay"`;
    await refreshPositionCellDays(tx, null);
  },

  /** Actor mentions per actor and article, with the article's publication day (and window end when wider) and creation time. */
  async ActorArticle(tx) {
    await tx.$executeRaw`LOCK TABLE "ActorArticle" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "ActorArticle"`;
    await tx.$executeRaw`
      INSERT INTO "ActorArticle" ("actorId", "articleId", mentions, day, "wideTo", "articleCreatedAt")
      SELECT m."actorId", m."articleId", m.n, a."publishedWindowFrom",
             CASE WHEN a."publishedWindowTo" > a."publishedWindowFrom" THEN a."publishedWindowTo" END, a."createdAt"
      FROM (SELECT "actorId", "articleId", count(*)::int AS n FROM "Mention" WHERE "actorId" IS NOT NULL GROUP BY 1, 2) m
      JOIN "Article" a ON a.id = m."articleId"`;
  },

  /** Per actor: participant rows, articles that mention it, mentions, quotes as speaker, positions. */
  async ActorTotal(tx) {
    await tx.$executeRaw`LOCK TABLE "ActorTotal" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "ActorTotal"`;
    // The same statement fills the table in the migration that added mentions, quotes and positions.
    await tx.$executeRaw`
      INSERT INTO "ActorTotal" ("actorId", participations, articles, mentions, quotes, positions)
      SELECT x."actorId", sum(x.p)::int, sum(x.a)::int, sum(x.m)::int, sum(x.q)::int, sum(x.s)::int
      FROM (
        SELECT "actorId", count(*) AS p, 0 AS a, 0 AS m, 0 AS q, 0 AS s FROM "EventParticipant" GROUP BY 1
        UNION ALL
        SELECT "actorId", 0, count(DISTINCT "articleId"), count(*), 0, 0 FROM "Mention" WHERE "actorId" IS NOT NULL GROUP BY 1
        UNION ALL
        SELECT "speakerId", 0, 0, 0, count(*), 0 FROM "Quote" WHERE "speakerId" IS NOT NULL GROUP BY 1
        UNION ALL
        SELECT "actorId", 0, 0, 0, 0, count(*) FROM "Position" GROUP BY 1
      ) x
      GROUP BY 1`;
  },

  /** The event columns copied onto participant and place rows, and the publication day copied onto quotes. */
  async copies(tx) {
    await tx.$executeRaw`
      UPDATE "EventParticipant" ep
      SET kind = e.kind, "dateFrom" = e."dateFrom", "dateTo" = e."dateTo", "independentSources" = e."independentSources", "eventCreatedAt" = e."createdAt"
      FROM "Event" e
      WHERE e.id = ep."eventId"
        AND (ep.kind, ep."dateFrom", ep."dateTo", ep."independentSources", ep."eventCreatedAt")
            IS DISTINCT FROM (e.kind, e."dateFrom", e."dateTo", e."independentSources", e."createdAt")`;
    await tx.$executeRaw`
      UPDATE "EventPlace" ep
      SET kind = e.kind, "dateFrom" = e."dateFrom", "dateTo" = e."dateTo", "eventCreatedAt" = e."createdAt"
      FROM "Event" e
      WHERE e.id = ep."eventId" AND (ep.kind, ep."dateFrom", ep."dateTo", ep."eventCreatedAt") IS DISTINCT FROM (e.kind, e."dateFrom", e."dateTo", e."createdAt")`;
    await tx.$executeRaw`
      UPDATE "Quote" q SET "articleDay" = a."publishedWindowFrom"
      FROM "Article" a
      WHERE a.id = q."articleId" AND q."articleDay" IS DISTINCT FROM a."publishedWindowFrom"`;
  },
};

/** Names accepted on the command line (`rebuild-summaries [name …]`). */
export function parseSummaryNames(names: string[]): Summary[] {
  const bad = names.filter((n) => !(SUMMARIES as readonly string[]).includes(n));
  if (bad.length) throw new Error(`unknown summary ${bad.join(", ")}; known: ${SUMMARIES.join(", ")}`);
  return names as Summary[];
}

