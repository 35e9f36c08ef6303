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
import { ensurePositionSummaries } from "../../components/viz/server/summaries.ts";
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

/** No filter besides the issues (the codebook narrows those) and no `asOf`: the PositionCell summary answers. */
function unfiltered(f: ViewFilter, asOf: string | undefined): boolean {
  return asOf === undefined && f.from === undefined && f.to === undefined && !f.actors?.length && !f.kinds?.length && !f.outlets?.length;
}

/**
 * One row per actor × issue for the `limit` actors with the most evidence: the latest stance as of `asOf`, the
 * amount of evidence, the number of stance changes and the last change.
 * One pass: the evidence is sorted once per cell by day (then storage order); LAG finds changes, LAST_VALUE the
 * latest stance, a count over the actor's partition ranks the actors.
 */
function latestStances(db: Db, issueIds: string[], filter: ViewFilter, asOf: string | undefined, limit: number) {
  if (unfiltered(filter, asOf)) {
    // The latest stances without a filter are the PositionCell summary (the same computation, kept up to date).
    return db.$queryRaw<LatestRow[]>`
      WITH cells AS (
        SELECT c."actorId", c."issueId", c.stance, c.day, c.n, c.changes, c."changedFrom", c."changedOn",
               c.support, c.oppose, c.neutral, c.ambiguous, (sum(c.n) OVER (PARTITION BY c."actorId"))::int AS "actorN"
        FROM "PositionCell" c WHERE c."issueId" = ANY(${issueIds}::text[]) AND c.n > 0
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
    await ensurePositionSummaries(ctx.db);
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
    await ensurePositionSummaries(ctx.db);
    // The newest 500 pieces of evidence (then shown oldest first), and how many there are in all.
    const newest = await ctx.db.$queryRaw<{ id: string; day: Date | null; later: boolean; total: number }[]>`
      SELECT p.id, ${positionDaySql} AS day, (count(*) OVER ())::int AS total,
        ${input.asOf !== undefined ? Prisma.sql`(${positionDaySql} IS NULL OR ${positionDaySql} > ${input.asOf}::date)` : Prisma.sql`FALSE`} AS later
      FROM "Position" p
      ${positionFilterNeedsArticle(filter) ? Prisma.sql`JOIN "Article" a ON a.id = p."articleId"` : Prisma.empty}
      WHERE p."actorId" = ${actor.id} AND p."issueId" = ${issue.id} AND ${positionFilterSql(filter)}
      ORDER BY day DESC NULLS LAST, p.id DESC
      LIMIT 500`;
    const rows = newest.reverse();
    const details = await ctx.db.position.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      select: {
        id: true,
        stance: true,
        modality: true,
        date: true,
        evidenceText: true,
        evidenceSentence: true,
        evidenceStart: true,
        evidenceEnd: true,
        article: { select: { id: true, title: true, outlet: true, url: true, publishedValue: true } },
        quote: {
          select: { id: true, text: true, mode: true, speakerLabel: true, saidOn: true, sentence: true, speaker: { select: { id: true, name: true } } },
        },
      },
    });
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
    await ensurePositionSummaries(ctx.db);
    // Without a filter, the latest stances come from the PositionCell summary.
    const latest = unfiltered(input.filter, input.asOf)
      ? Prisma.sql`
        SELECT c."actorId", c."issueId", c.stance, sum(c.n) OVER (PARTITION BY c."actorId") AS "actorN"
        FROM "PositionCell" c WHERE c."issueId" = ANY(${issueIds}::text[]) AND c.n > 0`
      : Prisma.sql`
        SELECT "actorId", "issueId", stance, "actorN" FROM (
          SELECT "actorId", "issueId", stance,
            ROW_NUMBER() OVER c AS rn,
            count(*) OVER (PARTITION BY "actorId", "issueId") AS cn,
            count(*) OVER (PARTITION BY "actorId") AS "actorN"
          FROM (${evidenceSql(issueIds, input.filter, input.asOf)}) ev
          WINDOW c AS (PARTITION BY "actorId", "issueId" ORDER BY day ASC NULLS FIRST, id ASC)
        ) w WHERE rn = cn`;
    const rows = await ctx.db.$queryRaw<{ kind: "actor" | "pair"; a: string; b: string | null; rank: number; shared: number; agree: number; issues: string[] | null }[]>`
      WITH latest AS MATERIALIZED (${latest}),
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
