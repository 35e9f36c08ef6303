/**
 * Positions: the actor × issue matrix of the dossier's codebook, the evidence behind one cell, and actor × actor
 * agreement derived from shared stances.
 *
 * "As of" a day, an actor's stance on an issue is the stance of its *latest* evidence dated on or before that day
 * (a position's own date when known, else its article's publication day; ties broken by the later-stored row).
 * A cell also counts its evidence and how often the stance changed along the way (consecutive evidence with a
 * different stance). Everything is aggregated in SQL.
 */
import { Prisma } from "@lagebild/db/client";
import { Id, MatrixInput, ViewFilter } from "@lagebild/model";
import { DEFAULT_DOSSIER_ID, loadDossier } from "@lagebild/model/node";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { isoDate, positionDaySql, positionFilterNeedsArticle, positionFilterSql } from "../../components/viz/server/sql-filter.ts";
import type { Db } from "../db.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export const STANCE_VALUES = ["support", "oppose", "neutral", "ambiguous"] as const;
type Stance = (typeof STANCE_VALUES)[number];

/** Rows (actors) shown at most; the answer says how many actors had evidence. */
const MAX_ACTORS = 60;

export const CellInput = z.object({
  actorId: Id,
  /** The Issue row id (as returned by `matrix`), or the codebook code (`enrichment`). */
  issueId: Id,
  asOf: Day.optional(),
  filter: ViewFilter.default({}),
  dossier: z.string().optional(),
});

export const AgreementInput = MatrixInput.extend({ limit: z.number().int().min(2).max(MAX_ACTORS).default(25) });

interface IssueRow {
  id: string;
  code: string;
  label: string;
  proposition: string;
}

/** The dossier whose codebook to use: the requested one, else the default, else any dossier with issues. */
async function pickDossier(db: Db, requested?: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string; n: number }[]>`
    SELECT d.id, count(i.id)::int AS n FROM "Dossier" d LEFT JOIN "Issue" i ON i."dossierId" = d.id GROUP BY d.id`;
  if (requested) return rows.some((r) => r.id === requested) ? requested : null;
  const withIssues = rows.filter((r) => r.n > 0);
  return withIssues.find((r) => r.id === DEFAULT_DOSSIER_ID)?.id ?? withIssues.sort((a, b) => a.id.localeCompare(b.id))[0]?.id ?? null;
}

async function codebook(db: Db, dossierId: string, codes?: string[]): Promise<IssueRow[]> {
  const issues = await db.issue.findMany({
    where: { dossierId, ...(codes?.length ? { code: { in: codes } } : {}) },
    select: { id: true, code: true, label: true, proposition: true },
  });
  return issues;
}

/** Orders issues as the dossier's codebook lists them (the DB keeps no order), unknown codes last. */
function codebookOrder(dossierId: string): Map<string, number> {
  try {
    const d = loadDossier(dossierId);
    return new Map(d.issues.map((iss, i) => [iss.id, i]));
  } catch {
    return new Map();
  }
}

interface LatestRow {
  actorId: string;
  issueId: string;
  stance: Stance;
  day: Date | null;
  n: number;
  changes: number;
  changedFrom: Stance | null;
  changedOn: Date | null;
  support: number;
  oppose: number;
  neutral: number;
  ambiguous: number;
  /** Evidence of this actor over all issues, and the number of actors with evidence. */
  actorN: number;
  actors: number;
}

/**
 * Filtered evidence (position rows) with the day each counts from, for the codebook's issues (already narrowed to the
 * filter's issues). Without a date or outlet filter this reads only the Position(actorId, issueId, day, id, stance)
 * index, already in the order the window functions need.
 */
function evidenceSql(issueIds: string[], filter: ViewFilter, asOf?: string) {
  const rest: ViewFilter = { ...filter, issues: undefined };
  return Prisma.sql`
    SELECT p.id, p."actorId", p."issueId", p.stance, ${positionDaySql} AS day
    FROM "Position" p
    ${positionFilterNeedsArticle(rest) ? Prisma.sql`JOIN "Article" a ON a.id = p."articleId"` : Prisma.empty}
    WHERE p."issueId" = ANY(${issueIds}::text[]) AND ${positionFilterSql(rest, asOf)}`;
}

/**
 * No filter besides the issues (the codebook narrows those): the summaries answer — PositionCell for the latest
 * stances, PositionCellDay for the stances as of a day.
 */
function unfiltered(f: ViewFilter): boolean {
  return f.from === undefined && f.to === undefined && !f.actors?.length && !f.kinds?.length && !f.outlets?.length;
}

/**
 * Per actor × issue of the given issues, the cell as of `asOf` from the PositionCellDay summary: the cell's last row
 * on or before that day (one index probe per cell), i.e. its dated evidence up to that day — the same computation
 * as over the evidence itself (undated evidence never counts as of a day).
 */
function cellsAsOf(issueIds: string[], asOf: string) {
  return Prisma.sql`
    SELECT d."actorId", d."issueId", d.stance, d.day, d.n, d.changes, d."changedFrom", d."changedOn", d.support, d.oppose, d.neutral, d.ambiguous
    FROM "PositionCell" c
    CROSS JOIN LATERAL (
      SELECT x.* FROM "PositionCellDay" x
      WHERE x."actorId" = c."actorId" AND x."issueId" = c."issueId" AND x.day <= ${asOf}::date
      ORDER BY x.day DESC LIMIT 1
    ) d
    WHERE c."issueId" = ANY(${issueIds}::text[])`;
}

/**
 * One row per actor × issue for the `limit` actors with the most evidence: the latest stance as of `asOf`, the
 * amount of evidence, the number of stance changes and the last change.
 * One pass: the evidence is sorted once per cell by day (then storage order); LAG finds changes, LAST_VALUE the
 * latest stance, a count over the actor's partition ranks the actors.
 */
function latestStances(db: Db, issueIds: string[], filter: ViewFilter, asOf: string | undefined, limit: number) {
  if (unfiltered(filter)) {
    // Without a filter the summaries answer (the same computation, kept up to date): PositionCell for the latest
    // stances, PositionCellDay as of a day.
    const source =
      asOf === undefined
        ? Prisma.sql`
          SELECT c."actorId", c."issueId", c.stance, c.day, c.n, c.changes, c."changedFrom", c."changedOn", c.support, c.oppose, c.neutral, c.ambiguous
          FROM "PositionCell" c WHERE c."issueId" = ANY(${issueIds}::text[]) AND c.n > 0`
        : cellsAsOf(issueIds, asOf);
    return db.$queryRaw<LatestRow[]>`
      WITH cells AS (
        SELECT s.*, (sum(s.n) OVER (PARTITION BY s."actorId"))::int AS "actorN" FROM (${source}) s
      ),
      ranked AS (
        SELECT "actorId", max("actorN") AS n, (count(*) OVER ())::int AS actors FROM cells GROUP BY "actorId"
        ORDER BY n DESC, "actorId" ASC LIMIT ${limit}
      )
      SELECT cells.*, ranked.actors FROM cells JOIN ranked USING ("actorId")`;
  }
  return db.$queryRaw<LatestRow[]>`
    WITH ev AS (${evidenceSql(issueIds, filter, asOf)}),
    ordered AS (
      SELECT ev.*,
        LAG(stance) OVER w AS prev,
        LAST_VALUE(stance) OVER wf AS latest,
        LAST_VALUE(day) OVER wf AS "latestDay",
        count(*) OVER (PARTITION BY "actorId") AS "actorN"
      FROM ev
      WINDOW w AS (PARTITION BY "actorId", "issueId" ORDER BY day ASC NULLS FIRST, id ASC),
             wf AS (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ),
    cells AS (
      SELECT "actorId", "issueId",
        max(latest) AS stance,
        max("latestDay") AS day,
        count(*)::int AS n,
        count(*) FILTER (WHERE prev IS NOT NULL AND prev <> stance)::int AS changes,
        -- The last change: the filtered array in day order, indexed by its length (same order as the window: no re-sort).
        (array_agg(prev ORDER BY day ASC NULLS FIRST, id ASC) FILTER (WHERE prev IS NOT NULL AND prev <> stance))
          [count(*) FILTER (WHERE prev IS NOT NULL AND prev <> stance)] AS "changedFrom",
        (array_agg(day ORDER BY day ASC NULLS FIRST, id ASC) FILTER (WHERE prev IS NOT NULL AND prev <> stance))
          [count(*) FILTER (WHERE prev IS NOT NULL AND prev <> stance)] AS "changedOn",
        count(*) FILTER (WHERE stance = 'support')::int AS support,
        count(*) FILTER (WHERE stance = 'oppose')::int AS oppose,
        count(*) FILTER (WHERE stance = 'neutral')::int AS neutral,
        count(*) FILTER (WHERE stance = 'ambiguous')::int AS ambiguous,
        max("actorN")::int AS "actorN"
      FROM ordered
      GROUP BY "actorId", "issueId"
    ),
    ranked AS (
      SELECT "actorId", max("actorN") AS n, (count(*) OVER ())::int AS actors FROM cells GROUP BY "actorId"
      ORDER BY n DESC, "actorId" ASC LIMIT ${limit}
    )
    SELECT cells.*, ranked.actors FROM cells JOIN ranked USING ("actorId")`;
}

async function actorNames(db: Db, ids: string[]) {
  const rows = await db.actor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

/** One piece of evidence with its article and quote, as `cell` reads it. */
interface EvidenceDetail {
  id: string;
  stance: string;
  modality: string | null;
  date: string | null;
  evidenceText: string;
  evidenceSentence: number;
  evidenceStart: number;
  evidenceEnd: number;
  article: { id: string; title: string | null; outlet: string | null; url: string | null; publishedValue: string | null };
  quote: {
    id: string;
    text: string;
    mode: string;
    speakerLabel: string;
    saidOn: string | null;
    sentence: number;
    speaker: { id: string; name: string } | null;
  } | null;
}

export interface MatrixCell {
  actorId: string;
  issueId: string;
  stance: Stance;
  /** Day of the evidence the stance rests on. */
  day: string | null;
  evidence: number;
  changes: number;
  /** The stance before the latest change, and the day of that change (null when it never changed). */
  changedFrom: Stance | null;
  changedOn: string | null;
  counts: Record<Stance, number>;
}

export const positionsRouter = createTRPCRouter({
  matrix: publicProcedure.input(MatrixInput).query(async ({ ctx, input }) => {
    const dossierId = await pickDossier(ctx.db, input.dossier);
    if (!dossierId) return { dossier: null, asOf: input.asOf ?? null, issues: [], actors: [], cells: [], totalActors: 0 };
    const issueRows = await codebook(ctx.db, dossierId, input.filter.issues);
    const order = codebookOrder(dossierId);
    const issues = issueRows.sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999) || a.code.localeCompare(b.code));
    const rows = await latestStances(
      ctx.db,
      issues.map((i) => i.id),
      input.filter,
      input.asOf,
      MAX_ACTORS,
    );
    const names = await actorNames(ctx.db, [...new Set(rows.map((r) => r.actorId))]);
    const byActor = new Map<string, { id: string; name: string; kind: string; evidence: number }>();
    for (const r of rows) {
      const a = names.get(r.actorId);
      if (a && !byActor.has(r.actorId)) byActor.set(r.actorId, { id: a.id, name: a.name, kind: a.kind, evidence: r.actorN });
    }
    const actors = [...byActor.values()].sort((a, b) => b.evidence - a.evidence || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const cells: MatrixCell[] = rows.map((r) => ({
      actorId: r.actorId,
      issueId: r.issueId,
      stance: r.stance,
      day: isoDate(r.day),
      evidence: r.n,
      changes: r.changes,
      changedFrom: r.changedFrom,
      changedOn: isoDate(r.changedOn),
      counts: { support: r.support, oppose: r.oppose, neutral: r.neutral, ambiguous: r.ambiguous },
    }));
    // The summary table and the evidence query return rows in different orders; answer in one stable order.
    cells.sort((a, b) => a.actorId.localeCompare(b.actorId) || a.issueId.localeCompare(b.issueId));
    return { dossier: dossierId, asOf: input.asOf ?? null, issues, actors, cells, totalActors: rows[0]?.actors ?? 0 };
  }),

  /** The evidence behind one cell (newest 500, shown oldest first), each with speaker, outlet, date and the sentence; changes marked. */
  cell: publicProcedure.input(CellInput).query(async ({ ctx, input }) => {
    const [actor, issue] = await Promise.all([
      ctx.db.actor.findUnique({ where: { id: input.actorId }, select: { id: true, name: true, kind: true, role: true } }),
      ctx.db.issue.findFirst({
        where: { OR: [{ id: input.issueId }, { code: input.issueId, ...(input.dossier ? { dossierId: input.dossier } : {}) }] },
        select: { id: true, code: true, label: true, proposition: true, dossierId: true },
        orderBy: { dossierId: "asc" },
      }),
    ]);
    if (!actor) throw new TRPCError({ code: "NOT_FOUND", message: `No actor ${input.actorId}` });
    if (!issue) throw new TRPCError({ code: "NOT_FOUND", message: `No issue ${input.issueId}` });
    const filter: ViewFilter = { ...input.filter, actors: undefined, issues: undefined };
    // The newest 500 pieces of evidence (then shown oldest first), and how many there are in all. Without a filter the
    // count is the PositionCell summary's, and the newest are read in index order: dated ones newest first, then the
    // undated (they sort last), each only as far as 500.
    const later = (day: Prisma.Sql) => (input.asOf !== undefined ? Prisma.sql`(${day} IS NULL OR ${day} > ${input.asOf}::date)` : Prisma.sql`FALSE`);
    const newest = unfiltered(filter)
      ? await Promise.all([
          ctx.db.$queryRaw<{ id: string; day: Date | null; later: boolean }[]>`
            SELECT id, day, ${later(Prisma.sql`day`)} AS later FROM (
              (SELECT p.id, p.day, 0 AS undated FROM "Position" p
               WHERE p."actorId" = ${actor.id} AND p."issueId" = ${issue.id} AND p.day IS NOT NULL ORDER BY p.day DESC, p.id DESC LIMIT 500)
              UNION ALL
              (SELECT p.id, p.day, 1 FROM "Position" p
               WHERE p."actorId" = ${actor.id} AND p."issueId" = ${issue.id} AND p.day IS NULL ORDER BY p.id DESC LIMIT 500)
            ) x
            ORDER BY undated, day DESC, id DESC
            LIMIT 500`,
          ctx.db.positionCell.findUnique({ where: { actorId_issueId: { actorId: actor.id, issueId: issue.id } }, select: { n: true } }),
        ]).then(([rows, cellRow]) => rows.map((r) => ({ ...r, total: cellRow?.n ?? 0 })))
      : await ctx.db.$queryRaw<{ id: string; day: Date | null; later: boolean; total: number }[]>`
          SELECT p.id, ${positionDaySql} AS day, (count(*) OVER ())::int AS total, ${later(positionDaySql)} AS later
          FROM "Position" p
          ${positionFilterNeedsArticle(filter) ? Prisma.sql`JOIN "Article" a ON a.id = p."articleId"` : Prisma.empty}
          WHERE p."actorId" = ${actor.id} AND p."issueId" = ${issue.id} AND ${positionFilterSql(filter)}
          ORDER BY day DESC NULLS LAST, p.id DESC
          LIMIT 500`;
    const rows = newest.reverse();
    // The details of those (up to 500) pieces of evidence as one JSON text: JSON.parse reads it in a fraction of the
    // time Prisma takes to decode the same rows and relations.
    const [detailList] = await ctx.db.$queryRaw<{ list: string }[]>`
      SELECT COALESCE(json_agg(json_build_object(
        'id', p.id, 'stance', p.stance, 'modality', p.modality, 'date', p.date, 'evidenceText', p."evidenceText",
        'evidenceSentence', p."evidenceSentence", 'evidenceStart', p."evidenceStart", 'evidenceEnd', p."evidenceEnd",
        'article', json_build_object('id', a.id, 'title', a.title, 'outlet', a.outlet, 'url', a.url, 'publishedValue', a."publishedValue"),
        'quote', CASE WHEN q.id IS NULL THEN NULL ELSE json_build_object(
          'id', q.id, 'text', q.text, 'mode', q.mode, 'speakerLabel', q."speakerLabel", 'saidOn', q."saidOn", 'sentence', q.sentence,
          'speaker', CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'name', s.name) END) END
      )), '[]')::text AS list
      FROM "Position" p
      JOIN "Article" a ON a.id = p."articleId"
      LEFT JOIN "Quote" q ON q.id = p."quoteId"
      LEFT JOIN "Actor" s ON s.id = q."speakerId"
      WHERE p.id = ANY(${rows.map((r) => r.id)}::text[])`;
    const details = JSON.parse(detailList?.list ?? "[]") as EvidenceDetail[];
    const byId = new Map(details.map((d) => [d.id, d]));
    let prev: string | null = null;
    const evidence = rows.flatMap((r) => {
      const d = byId.get(r.id);
      if (!d) return [];
      const counted = !r.later;
      const changedFrom = counted && prev !== null && prev !== d.stance ? prev : null;
      if (counted) prev = d.stance;
      return [
        {
          id: d.id,
          stance: d.stance as Stance,
          modality: d.modality,
          /** The day this evidence counts from (own date, else publication day). */
          day: isoDate(r.day),
          date: d.date,
          /** True when dated after `asOf` (shown greyed, not counted). */
          afterAsOf: r.later,
          changedFrom,
          sentence: { index: d.evidenceSentence, text: d.evidenceText },
          /** Who said it: the quote's speaker (anonymous speakers by their label), else the actor the stance is about. */
          speaker: d.quote ? (d.quote.speaker ?? { id: null, name: d.quote.speakerLabel }) : { id: actor.id as string | null, name: actor.name },
          quote: d.quote
            ? { id: d.quote.id, text: d.quote.text, mode: d.quote.mode, speakerLabel: d.quote.speakerLabel, saidOn: d.quote.saidOn, sentence: d.quote.sentence }
            : null,
          article: { id: d.article.id, title: d.article.title, outlet: d.article.outlet, url: d.article.url, published: d.article.publishedValue },
        },
      ];
    });
    const counted = evidence.filter((e) => !e.afterAsOf);
    return {
      actor,
      issue: { id: issue.id, code: issue.code, label: issue.label, proposition: issue.proposition },
      asOf: input.asOf ?? null,
      stance: counted.at(-1)?.stance ?? null,
      changes: counted.filter((e) => e.changedFrom).length,
      /** All evidence for the cell; `evidence` holds the newest 500 of it. */
      total: newest[0]?.total ?? 0,
      evidence,
    };
  }),

  /**
   * Actor × actor agreement as of a day, among the `limit` actors with the most evidence: for each pair, the issues
   * where both have a clear latest stance (support, oppose or neutral; ambiguous does not count) and the share of
   * those where the stances are equal.
   */
  agreement: publicProcedure.input(AgreementInput).query(async ({ ctx, input }) => {
    const dossierId = await pickDossier(ctx.db, input.dossier);
    if (!dossierId) return { dossier: null, asOf: input.asOf ?? null, actors: [], pairs: [] };
    // One statement (one snapshot): the latest stance per actor × issue is the last evidence in day order; `top`
    // ranks the actors by evidence; the result lists the ranked actors (kind 'actor') and then the pairs.
    const issueIds = (await codebook(ctx.db, dossierId, input.filter.issues)).map((i) => i.id);
    // Without a filter, the latest stances come from the PositionCell summary, as of a day from PositionCellDay.
    const latest = !unfiltered(input.filter)
      ? null
      : input.asOf === undefined
        ? Prisma.sql`
          SELECT c."actorId", c."issueId", c.stance, sum(c.n) OVER (PARTITION BY c."actorId") AS "actorN"
          FROM "PositionCell" c WHERE c."issueId" = ANY(${issueIds}::text[]) AND c.n > 0`
        : Prisma.sql`SELECT d."actorId", d."issueId", d.stance, sum(d.n) OVER (PARTITION BY d."actorId") AS "actorN" FROM (${cellsAsOf(issueIds, input.asOf)}) d`;
    const fromEvidence = Prisma.sql`
        SELECT "actorId", "issueId", stance, "actorN" FROM (
          SELECT "actorId", "issueId", stance,
            ROW_NUMBER() OVER c AS rn,
            count(*) OVER (PARTITION BY "actorId", "issueId") AS cn,
            count(*) OVER (PARTITION BY "actorId") AS "actorN"
          FROM (${evidenceSql(issueIds, input.filter, input.asOf)}) ev
          WINDOW c AS (PARTITION BY "actorId", "issueId" ORDER BY day ASC NULLS FIRST, id ASC)
        ) w WHERE rn = cn`;
    const rows = await ctx.db.$queryRaw<{ kind: "actor" | "pair"; a: string; b: string | null; rank: number; shared: number; agree: number; issues: string[] | null }[]>`
      WITH latest AS MATERIALIZED (${latest ?? fromEvidence}),
      top AS (
        SELECT "actorId", (ROW_NUMBER() OVER (ORDER BY max("actorN") DESC, "actorId" ASC))::int AS rank
        FROM latest GROUP BY "actorId" ORDER BY rank LIMIT ${input.limit}
      ),
      clear AS (SELECT l."actorId", l."issueId", l.stance FROM latest l JOIN top USING ("actorId") WHERE l.stance <> 'ambiguous')
      SELECT 'actor' AS kind, "actorId" AS a, NULL AS b, rank, 0 AS shared, 0 AS agree, NULL::text[] AS issues FROM top
      UNION ALL
      SELECT 'pair', x."actorId", y."actorId", 0, count(*)::int, count(*) FILTER (WHERE x.stance = y.stance)::int,
             array_agg(x."issueId" ORDER BY x."issueId") FILTER (WHERE x.stance = y.stance)
      FROM clear x JOIN clear y ON x."issueId" = y."issueId" AND x."actorId" < y."actorId"
      GROUP BY x."actorId", y."actorId"`;
    const top = rows.filter((r) => r.kind === "actor").sort((x, y) => x.rank - y.rank).map((r) => r.a);
    const pairs = rows.filter((r) => r.kind === "pair" && r.b !== null).map((r) => ({ a: r.a, b: r.b!, shared: r.shared, agree: r.agree, issues: r.issues }));
    const names = await actorNames(ctx.db, top);
    const actors = top.flatMap((id) => {
      const a = names.get(id);
      return a ? [{ id: a.id, name: a.name }] : [];
    });
    return {
      dossier: dossierId,
      asOf: input.asOf ?? null,
      actors,
      pairs: pairs.map((p) => ({ a: p.a, b: p.b, shared: p.shared, agree: p.agree, share: p.shared ? p.agree / p.shared : 0, agreedIssues: p.issues ?? [] })),
    };
  }),
});
