// Writes extractions (packages/model: Extraction = article graphs + events merged across them) into the database.
// One interactive transaction per article: an article is stored completely or not at all, and a failing article does
// not undo the others. Idempotent: an article already stored (same content hash or URL) is reported `unchanged`.
import {
  ArticleGraph as ArticleGraphSchema,
  Dossier as DossierSchema,
  EVENT_KINDS,
  MergedEvent as MergedEventSchema,
  dateSpan,
  eventKindInfo,
  precisionOf,
} from "@lagebild/model";
import type { ArticleGraph, Dossier, Event as ArticleEvent, Extraction, FuzzyDate, Mention, MergedEvent } from "@lagebild/model";
import { loadDossier } from "@lagebild/model/node";
import { Prisma } from "./client.ts";
import type { Db, Tx } from "./client.ts";

export type ArticleStatus = "new" | "unchanged" | "failed";

export interface ArticleOutcome {
  contentHash: string;
  file: string;
  status: ArticleStatus;
  /** Database id of the stored article (new or unchanged). */
  articleId?: string;
  /** Why the article failed. */
  error?: string;
  /** For new articles: events created, and events of earlier articles the reports were attached to. */
  eventsCreated?: number;
  eventsAttached?: number;
}

export interface PersistResult {
  articles: ArticleOutcome[];
  new: number;
  unchanged: number;
  failed: number;
}

export interface FindEventContext {
  /** The article being stored. */
  articleId: string;
  contentHash: string;
  /**
   * Events that other merged events of the same extraction were stored as. The extraction says those are different
   * events, so a match among them is ignored.
   */
  excludeEventIds: ReadonlySet<string>;
}

/** Returns the id of a stored event that `event` is the same real-world event as, or null to create a new one. */
export type FindExistingEvent = (tx: Tx, event: MergedEvent, ctx: FindEventContext) => Promise<string | null | undefined>;

export interface PersistOptions {
  /** How a merged event is matched to events stored by earlier runs. Default: `defaultFindExistingEvent`. */
  findExistingEvent?: FindExistingEvent;
  /** The dossier the extraction was made for, stored if missing. Default: the bundled dossier `extraction.dossier`. */
  dossier?: Dossier;
  /** Interactive transaction timeout per article. Default 60 s. */
  transactionTimeoutMs?: number;
  /** Called after each article. */
  onArticle?: (outcome: ArticleOutcome) => void;
}

function toDay(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** Inclusive [first day, last day] of a fuzzy ISO date, as Dates at UTC midnight. */
export function fuzzyRange(value: string): [Date, Date] {
  const [from, to] = dateSpan(value);
  return [toDay(from), toDay(to)];
}

function dateColumns(date: FuzzyDate | null | undefined) {
  if (!date) {
    return { dateValue: null, datePrecision: null, dateFrom: null, dateTo: null, dateResolution: null, dateRule: null, dateAnchor: null, dateText: null };
  }
  const [from, to] = fuzzyRange(date.value);
  return {
    dateValue: date.value,
    // The precision of the value as written, so that 'day' always means a one-day range (the map's date-window
    // queries rely on it); the extraction's own precision says the same for any well-formed date.
    datePrecision: precisionOf(date.value),
    dateFrom: from,
    dateTo: to,
    dateResolution: date.resolution.kind,
    dateRule: date.resolution.rule,
    dateAnchor: date.resolution.anchor ?? null,
    dateText: date.resolution.text ?? null,
  };
}

/**
 * A change to the `EventTally` summary: `n` more (or fewer) events (placeId null) or event–place links (placeId set)
 * of a kind at an exact date range.
 */
interface TallyDelta {
  placeId: string | null;
  kind: string;
  datePrecision: string | null;
  dateFrom: Date | null;
  dateTo: Date | null;
  n: number;
}

const isoOrEmpty = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** The summary row's key: `placeId|kind|precision|dateFrom|dateTo`, empty parts for nulls. */
function tallyKey(d: Omit<TallyDelta, "n">): string {
  return [d.placeId ?? "", d.kind, d.datePrecision ?? "", isoOrEmpty(d.dateFrom), isoOrEmpty(d.dateTo)].join("|");
}

/**
 * Adds the deltas to `EventTally` in one statement. Increments (not recomputed totals), so concurrent ingests add
 * up correctly; rows are upserted in key order so two transactions lock them in the same order.
 */
async function applyTally(tx: Tx, deltas: TallyDelta[]) {
  const byKey = new Map<string, TallyDelta>();
  for (const d of deltas) {
    const k = tallyKey(d);
    const had = byKey.get(k);
    if (had) had.n += d.n;
    else byKey.set(k, { ...d });
  }
  const rows = [...byKey.entries()].filter(([, d]) => d.n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!rows.length) return;
  const ids = rows.map(([k]) => k);
  const placeIds = rows.map(([, d]) => d.placeId);
  const kinds = rows.map(([, d]) => d.kind);
  const precisions = rows.map(([, d]) => d.datePrecision);
  const froms = rows.map(([, d]) => (d.dateFrom ? isoOrEmpty(d.dateFrom) : null));
  const tos = rows.map(([, d]) => (d.dateTo ? isoOrEmpty(d.dateTo) : null));
  const ns = rows.map(([, d]) => d.n);
  await tx.$executeRaw`
    INSERT INTO "EventTally" (id, "placeId", kind, "datePrecision", "dateFrom", "dateTo", n)
    SELECT id, pl, k, pr, f::date, t::date, n
    FROM unnest(${ids}::text[], ${placeIds}::text[], ${kinds}::text[], ${precisions}::text[], ${froms}::text[], ${tos}::text[], ${ns}::int[])
      AS x(id, pl, k, pr, f, t, n)
    ORDER BY id
    ON CONFLICT (id) DO UPDATE SET n = "EventTally".n + EXCLUDED.n`;

  // The same links summed per place and kind over all dates (a refinement's -1/+1 cancels out here), with the first
  // and last day of the added links. A removed link (a refinement) may have been the first or last: those pairs are
  // recomputed from EventTally below.
  const totals = new Map<string, { placeId: string; kind: string; n: number; first: string | null; last: string | null; removed: boolean }>();
  for (const [, d] of rows) {
    if (d.placeId === null) continue;
    const k = `${d.placeId}|${d.kind}`;
    let t = totals.get(k);
    if (!t) totals.set(k, (t = { placeId: d.placeId, kind: d.kind, n: 0, first: null, last: null, removed: false }));
    t.n += d.n;
    if (d.n < 0) t.removed = true;
    else if (d.dateFrom && d.dateTo) {
      const [f, l] = [isoOrEmpty(d.dateFrom), isoOrEmpty(d.dateTo)];
      if (t.first === null || f < t.first) t.first = f;
      if (t.last === null || l > t.last) t.last = l;
    }
  }
  const pairs = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t);
  if (!pairs.length) return;
  // The places' PlaceTotal rows are locked first (in key order): whoever touches a place's totals waits here for the
  // others to commit, so the totals recomputed below from PlaceKindTotal see every committed change.
  const places = [...new Set(pairs.map((t) => t.placeId))].sort();
  await tx.$executeRaw`
    INSERT INTO "PlaceTotal" ("placeId", n, kinds, counts)
    SELECT p, 0, '{}', '{}' FROM unnest(${places}::text[]) AS u(p) ORDER BY p
    ON CONFLICT ("placeId") DO UPDATE SET n = "PlaceTotal".n`;
  // One statement upserts (and so locks, in key order) every pair touched, also those whose count nets to zero.
  await tx.$executeRaw`
    INSERT INTO "PlaceKindTotal" ("placeId", kind, n, "firstDay", "lastDay")
    SELECT pl, k, n, f::date, l::date
    FROM unnest(${pairs.map((t) => t.placeId)}::text[], ${pairs.map((t) => t.kind)}::text[], ${pairs.map((t) => t.n)}::int[],
                ${pairs.map((t) => t.first)}::text[], ${pairs.map((t) => t.last)}::text[]) AS x(pl, k, n, f, l)
    ORDER BY pl, k
    ON CONFLICT ("placeId", kind) DO UPDATE SET n = "PlaceKindTotal".n + EXCLUDED.n,
      "firstDay" = LEAST("PlaceKindTotal"."firstDay", EXCLUDED."firstDay"), "lastDay" = GREATEST("PlaceKindTotal"."lastDay", EXCLUDED."lastDay")`;
  const recompute = pairs.filter((t) => t.removed);
  if (recompute.length) {
    // The rows are locked by the upsert above, so this statement starts after every other writer of them committed
    // and sees their EventTally rows too.
    const [pl, k] = [recompute.map((t) => t.placeId), recompute.map((t) => t.kind)];
    await tx.$executeRaw`
      UPDATE "PlaceKindTotal" p SET
        "firstDay" = (SELECT min(t."dateFrom") FROM "EventTally" t WHERE t."placeId" = p."placeId" AND t.kind = p.kind AND t.n <> 0),
        "lastDay" = (SELECT max(t."dateTo") FROM "EventTally" t WHERE t."placeId" = p."placeId" AND t.kind = p.kind AND t.n <> 0)
      WHERE ("placeId", kind) IN (SELECT * FROM unnest(${pl}::text[], ${k}::text[]))`;
  }
  await refreshPlaceTotals(tx, places);
}

/** Recomputes `PlaceTotal` rows from `PlaceKindTotal`: the given places, or all (`null`; the caller empties it first). */
export async function refreshPlaceTotals(tx: Tx, places: string[] | null): Promise<void> {
  const only = places ? Prisma.sql`AND "placeId" = ANY(${places}::text[])` : Prisma.empty;
  await tx.$executeRaw`
    INSERT INTO "PlaceTotal" ("placeId", n, "firstDay", "lastDay", kinds, counts)
    SELECT "placeId", sum(n)::int, min("firstDay"), max("lastDay"), array_agg(kind ORDER BY n DESC, kind ASC), array_agg(n ORDER BY n DESC, kind ASC)
    FROM "PlaceKindTotal" WHERE n <> 0 ${only}
    GROUP BY "placeId"
    ORDER BY "placeId"
    ON CONFLICT ("placeId") DO UPDATE SET n = EXCLUDED.n, "firstDay" = EXCLUDED."firstDay", "lastDay" = EXCLUDED."lastDay",
      kinds = EXCLUDED.kinds, counts = EXCLUDED.counts`;
  if (places) {
    // A place left without links (never in normal operation) counts nothing.
    await tx.$executeRaw`
      UPDATE "PlaceTotal" t SET n = 0, "firstDay" = NULL, "lastDay" = NULL, kinds = '{}', counts = '{}'
      WHERE t."placeId" = ANY(${places}::text[]) AND NOT EXISTS (SELECT 1 FROM "PlaceKindTotal" k WHERE k."placeId" = t."placeId" AND k.n <> 0)`;
  }
}

/**
 * Recomputes `PositionCell` rows from the positions: the given actor × issue cells, or all of them (`null`).
 * With cells, each is first locked (advisory, in a fixed order) so that concurrent articles touching the same cell
 * recompute one after the other, each from a snapshot that includes the other's committed positions.
 */
export async function refreshPositionCells(tx: Tx, cells: { actorId: string; issueId: string }[] | null): Promise<void> {
  let only = Prisma.empty;
  if (cells) {
    const keys = [...new Set(cells.map((c) => `${c.actorId} ${c.issueId}`))].sort();
    if (!keys.length) return;
    for (const k of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lagebild:cell ${k}`}, 0))`;
    const split = keys.map((k) => k.split(" ") as [string, string]);
    only = Prisma.sql`WHERE (p."actorId", p."issueId") IN (SELECT a, i FROM unnest(${split.map((x) => x[0])}::text[], ${split.map((x) => x[1])}::text[]) AS u(a, i))`;
  }
  await tx.$executeRaw`
    WITH ev AS (
      SELECT p.id, p."actorId", p."issueId", p.stance, p.day FROM "Position" p ${only}
    ), ordered AS (
      SELECT ev.*, LAG(stance) OVER w AS prev, LAST_VALUE(stance) OVER wf AS latest, LAST_VALUE(day) OVER wf AS "latestDay"
      FROM ev
      WINDOW w AS (PARTITION BY "actorId", "issueId" ORDER BY day ASC NULLS FIRST, id ASC),
             wf AS (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    INSERT INTO "PositionCell" ("actorId", "issueId", stance, day, n, changes, "changedFrom", "changedOn", support, oppose, neutral, ambiguous)
    SELECT "actorId", "issueId", max(latest), max("latestDay"), count(*)::int,
      count(*) FILTER (WHERE prev IS NOT NULL AND prev <> stance)::int,
      (array_agg(prev ORDER BY day ASC NULLS FIRST, id ASC) FILTER (WHERE prev IS NOT NULL AND prev <> stance))
        [count(*) FILTER (WHERE prev IS NOT NULL AND prev <> stance)],
      (array_agg(day ORDER BY day ASC NULLS FIRST, id ASC) FILTER (WHERE prev IS NOT NULL AND prev <> stance))
        [count(*) FILTER (WHERE prev IS NOT NULL AND prev <> stance)],
      count(*) FILTER (WHERE stance = 'support')::int, count(*) FILTER (WHERE stance = 'oppose')::int,
      count(*) FILTER (WHERE stance = 'neutral')::int, count(*) FILTER (WHERE stance = 'ambiguous')::int
    FROM ordered GROUP BY "actorId", "issueId"
    ORDER BY "actorId", "issueId"
    ON CONFLICT ("actorId", "issueId") DO UPDATE SET stance = EXCLUDED.stance, day = EXCLUDED.day, n = EXCLUDED.n,
      changes = EXCLUDED.changes, "changedFrom" = EXCLUDED."changedFrom", "changedOn" = EXCLUDED."changedOn",
      support = EXCLUDED.support, oppose = EXCLUDED.oppose, neutral = EXCLUDED.neutral, ambiguous = EXCLUDED.ambiguous`;
}

/**
 * Rewrites `PositionCellDay` rows: for each given cell, the rows from the earliest `day` given for it on (cells whose
 * given days are all null are left alone: undated evidence is not part of the as-of sequence), continuing from the
 * cell's last row before that day; or every row of every cell (`null`; the caller empties the table first).
 * Call it under the cell locks `refreshPositionCells` takes (in the same transaction).
 */
export async function refreshPositionCellDays(tx: Tx, cells: { actorId: string; issueId: string; day: Date | null }[] | null): Promise<void> {
  let from: Prisma.Sql;
  if (cells) {
    const first = new Map<string, { actorId: string; issueId: string; day: string }>();
    for (const c of cells) {
      if (!c.day) continue;
      const k = `${c.actorId} ${c.issueId}`;
      const day = isoOrEmpty(c.day);
      const had = first.get(k);
      if (!had || day < had.day) first.set(k, { actorId: c.actorId, issueId: c.issueId, day });
    }
    const list = [...first.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
    if (!list.length) return;
    from = Prisma.sql`
      SELECT a AS "actorId", i AS "issueId", d::date AS "fromDay"
      FROM unnest(${list.map((c) => c.actorId)}::text[], ${list.map((c) => c.issueId)}::text[], ${list.map((c) => c.day)}::text[]) AS u(a, i, d)`;
  } else {
    from = Prisma.sql`SELECT DISTINCT "actorId", "issueId", '-infinity'::date AS "fromDay" FROM "Position" WHERE day IS NOT NULL`;
  }
  // seed: the cell's state at the end of the last day before the rewrite. ev: the dated evidence from that day on,
  // each with the stance before it (the seed's for the first). run: running counts; the last row of each day is that
  // day's state. grp: the last change up to each row is the first row of its run of equal change counts.
  await tx.$executeRaw`
    WITH c AS (${from}),
    seed AS (
      SELECT c."actorId", c."issueId", c."fromDay", s.stance, s.n, s.changes, s."changedFrom", s."changedOn", s.support, s.oppose, s.neutral, s.ambiguous
      FROM c LEFT JOIN LATERAL (
        SELECT x.* FROM "PositionCellDay" x
        WHERE x."actorId" = c."actorId" AND x."issueId" = c."issueId" AND x.day < c."fromDay"
        ORDER BY x.day DESC LIMIT 1
      ) s ON TRUE
    ),
    ev AS (
      SELECT p.id, p."actorId", p."issueId", p.stance, p.day, COALESCE(LAG(p.stance) OVER w, seed.stance) AS prev
      FROM seed JOIN "Position" p ON p."actorId" = seed."actorId" AND p."issueId" = seed."issueId" AND p.day >= seed."fromDay"
      WINDOW w AS (PARTITION BY p."actorId", p."issueId" ORDER BY p.day, p.id)
    ),
    run AS (
      SELECT ev.*, (prev IS NOT NULL AND prev <> stance) AS changed,
        count(*) OVER r AS n,
        count(*) FILTER (WHERE prev IS NOT NULL AND prev <> stance) OVER r AS changes,
        count(*) FILTER (WHERE stance = 'support') OVER r AS support,
        count(*) FILTER (WHERE stance = 'oppose') OVER r AS oppose,
        count(*) FILTER (WHERE stance = 'neutral') OVER r AS neutral,
        count(*) FILTER (WHERE stance = 'ambiguous') OVER r AS ambiguous,
        LEAD(day) OVER r AS "nextDay"
      FROM ev
      WINDOW r AS (PARTITION BY "actorId", "issueId" ORDER BY day, id ROWS UNBOUNDED PRECEDING)
    ),
    grp AS (
      SELECT run.*, FIRST_VALUE(CASE WHEN changed THEN prev END) OVER g AS "chFrom", FIRST_VALUE(CASE WHEN changed THEN day END) OVER g AS "chOn"
      FROM run
      WINDOW g AS (PARTITION BY "actorId", "issueId", changes ORDER BY day, id)
    )
    INSERT INTO "PositionCellDay" ("actorId", "issueId", day, stance, n, changes, "changedFrom", "changedOn", support, oppose, neutral, ambiguous)
    SELECT g."actorId", g."issueId", g.day, g.stance, (COALESCE(s.n, 0) + g.n)::int, (COALESCE(s.changes, 0) + g.changes)::int,
      CASE WHEN g.changes > 0 THEN g."chFrom" ELSE s."changedFrom" END,
      CASE WHEN g.changes > 0 THEN g."chOn" ELSE s."changedOn" END,
      (COALESCE(s.support, 0) + g.support)::int, (COALESCE(s.oppose, 0) + g.oppose)::int,
      (COALESCE(s.neutral, 0) + g.neutral)::int, (COALESCE(s.ambiguous, 0) + g.ambiguous)::int
    FROM grp g JOIN seed s ON s."actorId" = g."actorId" AND s."issueId" = g."issueId"
    WHERE g."nextDay" IS DISTINCT FROM g.day
    ORDER BY 1, 2, 3
    ON CONFLICT ("actorId", "issueId", day) DO UPDATE SET stance = EXCLUDED.stance, n = EXCLUDED.n, changes = EXCLUDED.changes,
      "changedFrom" = EXCLUDED."changedFrom", "changedOn" = EXCLUDED."changedOn",
      support = EXCLUDED.support, oppose = EXCLUDED.oppose, neutral = EXCLUDED.neutral, ambiguous = EXCLUDED.ambiguous`;
}

function familyKinds(kind: string): string[] {
  const family = EVENT_KINDS.find((k) => k.kind === kind)?.family;
  return family ? EVENT_KINDS.filter((k) => k.family === family).map((k) => k.kind) : [kind];
}

/**
 * Default event matching across runs: a stored event of the same kind family (packages/model ontology) whose date
 * range overlaps the merged event's, sharing at least one participant actor key or place key. Events without a date
 * never match. Among several candidates the one sharing most keys wins, then the narrowest date range, then the oldest.
 */
export const defaultFindExistingEvent: FindExistingEvent = async (tx, event, ctx) => {
  if (!event.date) return null;
  const actorKeys = [...new Set(event.participants.map((p) => p.actor))];
  const placeKeys = [...new Set(event.places)];
  if (actorKeys.length === 0 && placeKeys.length === 0) return null;
  const [from, to] = fuzzyRange(event.date.value);
  const candidates = await tx.event.findMany({
    where: {
      kind: { in: familyKinds(event.kind) },
      dateFrom: { lte: to },
      dateTo: { gte: from },
      id: { notIn: [...ctx.excludeEventIds] },
      OR: [
        { participants: { some: { actor: { key: { in: actorKeys } } } } },
        { places: { some: { place: { key: { in: placeKeys } } } } },
      ],
    },
    select: {
      id: true,
      dateFrom: true,
      dateTo: true,
      createdAt: true,
      participants: { select: { actor: { select: { key: true } } } },
      places: { select: { place: { select: { key: true } } } },
    },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  const actors = new Set(actorKeys);
  const places = new Set(placeKeys);
  let best: { id: string; shared: number; span: number } | null = null;
  for (const c of candidates) {
    const shared =
      new Set(c.participants.map((p) => p.actor.key).filter((k) => actors.has(k))).size +
      new Set(c.places.map((p) => p.place.key).filter((k) => places.has(k))).size;
    const span = (c.dateTo?.getTime() ?? 0) - (c.dateFrom?.getTime() ?? 0);
    if (!best || shared > best.shared || (shared === best.shared && span < best.span)) best = { id: c.id, shared, span };
  }
  return best?.id ?? null;
};

/** Stores the dossier and its issue codebook (insert or update by dossier id and issue code). */
export async function ensureDossier(db: Db | Tx, dossier: Dossier): Promise<{ dossierId: string; issueIds: Map<string, string> }> {
  const d = DossierSchema.parse(dossier);
  await db.dossier.upsert({
    where: { id: d.id },
    create: { id: d.id, name: d.name, description: d.description ?? null, language: d.language },
    update: { name: d.name, description: d.description ?? null, language: d.language },
  });
  const issueIds = new Map<string, string>();
  for (const issue of d.issues) {
    const row = await db.issue.upsert({
      where: { dossierId_code: { dossierId: d.id, code: issue.id } },
      create: { dossierId: d.id, code: issue.id, label: issue.label, proposition: issue.proposition, cues: issue.cues },
      update: { label: issue.label, proposition: issue.proposition, cues: issue.cues },
      select: { id: true },
    });
    issueIds.set(issue.id, row.id);
  }
  return { dossierId: d.id, issueIds };
}

interface DossierContext {
  dossierId: string | null;
  issueIds: Map<string, string>;
  /** Why issues are unavailable, quoted when an article needs one. */
  problem?: string;
}

async function resolveDossier(db: Db, id: string, provided?: Dossier): Promise<DossierContext> {
  try {
    if (provided) return await ensureDossier(db, provided);
    const row = await db.dossier.findUnique({ where: { id }, select: { id: true, issues: { select: { id: true, code: true } } } });
    if (row) return { dossierId: row.id, issueIds: new Map(row.issues.map((i) => [i.code, i.id])) };
    return await ensureDossier(db, loadDossier(id));
  } catch (e) {
    return { dossierId: null, issueIds: new Map(), problem: `dossier ${id} is not available: ${message(e)}` };
  }
}

function message(e: unknown): string {
  if (e instanceof Prisma.PrismaClientKnownRequestError) return `${e.code}: ${e.message.split("\n").filter(Boolean).pop() ?? e.message}`;
  if (e instanceof Error) return e.message;
  return String(e);
}

class ArticleError extends Error {}

function byKey(x: { key: string }, y: { key: string }) {
  return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
}

function checkMention(m: Mention, textLength: number, what: string) {
  if (m.end > textLength) throw new ArticleError(`${what}: mention [${m.start}, ${m.end}) lies outside the article text (${textLength} characters)`);
}

/** A merged event's share of one article: the article's events (by index) it covers. */
interface EventGroup {
  /** Index in extraction.events; undefined for an article event no merged event covers. */
  mergedIndex?: number;
  merged: MergedEvent;
  ordinals: number[];
}

/** Stores an extraction, one transaction per article, in the order given. */
export async function persistExtraction(db: Db, extraction: Extraction, opts: PersistOptions = {}): Promise<PersistResult> {
  const dossier = await resolveDossier(db, extraction.dossier, opts.dossier);

  // Merged events, validated, indexed by the articles they have reports in.
  const invalidMerged = new Map<number, string>();
  const groupsByArticle = new Map<string, Map<number, number[]>>();
  extraction.events.forEach((raw, i) => {
    const parsed = MergedEventSchema.safeParse(raw);
    if (!parsed.success) invalidMerged.set(i, parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "));
    for (const ref of raw.reports ?? []) {
      let byMerged = groupsByArticle.get(ref.article);
      if (!byMerged) groupsByArticle.set(ref.article, (byMerged = new Map()));
      byMerged.set(i, [...(byMerged.get(i) ?? []), ref.event]);
    }
  });

  /** merged event index → stored event id, for articles already committed in this call. */
  const storedEvents = new Map<number, string>();
  const outcomes: ArticleOutcome[] = [];
  for (const raw of extraction.articles) {
    const outcome = await persistOne(db, raw, extraction, { dossier, invalidMerged, groupsByArticle, storedEvents }, opts);
    outcomes.push(outcome);
    opts.onArticle?.(outcome);
  }
  return {
    articles: outcomes,
    new: outcomes.filter((o) => o.status === "new").length,
    unchanged: outcomes.filter((o) => o.status === "unchanged").length,
    failed: outcomes.filter((o) => o.status === "failed").length,
  };
}

interface RunState {
  dossier: DossierContext;
  invalidMerged: Map<number, string>;
  groupsByArticle: Map<string, Map<number, number[]>>;
  storedEvents: Map<number, string>;
}

async function persistOne(db: Db, raw: ArticleGraph, extraction: Extraction, run: RunState, opts: PersistOptions): Promise<ArticleOutcome> {
  const contentHash = String(raw?.article?.contentHash ?? "");
  const file = String(raw?.article?.file ?? "");
  const parsed = ArticleGraphSchema.safeParse(raw);
  if (!parsed.success) {
    const error = parsed.error.issues.slice(0, 5).map((x) => `${x.path.join(".")}: ${x.message}`).join("; ");
    return { contentHash, file, status: "failed", error: `invalid article graph: ${error}` };
  }
  const graph = parsed.data;
  const a = graph.article;

  const existing = await db.article.findFirst({
    where: { OR: [{ contentHash: a.contentHash }, ...(a.url ? [{ url: a.url }] : [])] },
    select: { id: true },
  });
  if (existing) return { contentHash, file, status: "unchanged", articleId: existing.id };

  const pending = new Map<number, string>();
  try {
    const stats = await db.$transaction(
      (tx) => writeArticle(tx, graph, extraction, run, pending, opts),
      { timeout: opts.transactionTimeoutMs ?? 60_000, maxWait: 30_000 },
    );
    for (const [k, v] of pending) run.storedEvents.set(k, v);
    return { contentHash, file, status: "new", articleId: stats.articleId, eventsCreated: stats.created, eventsAttached: stats.attached };
  } catch (e) {
    // Stored meanwhile by a concurrent ingest: same outcome as finding it above.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await db.article.findFirst({
        where: { OR: [{ contentHash: a.contentHash }, ...(a.url ? [{ url: a.url }] : [])] },
        select: { id: true },
      });
      if (again) return { contentHash, file, status: "unchanged", articleId: again.id };
    }
    return { contentHash, file, status: "failed", error: message(e) };
  }
}

async function writeArticle(
  tx: Tx,
  graph: ArticleGraph,
  extraction: Extraction,
  run: RunState,
  pending: Map<number, string>,
  opts: PersistOptions,
): Promise<{ articleId: string; created: number; attached: number }> {
  const a = graph.article;
  const textLength = a.text.length;
  const published = a.published ?? null;
  const article = await tx.article.create({
    data: {
      contentHash: a.contentHash,
      url: a.url ?? null,
      file: a.file,
      title: a.title ?? null,
      outlet: a.outlet ?? null,
      agencies: a.agencies,
      authors: a.authors,
      language: a.language,
      publishedValue: published?.value ?? null,
      publishedPrecision: published?.precision ?? null,
      publishedWindowFrom: published ? fuzzyRange(published.window[0])[0] : null,
      publishedWindowTo: published ? fuzzyRange(published.window[1])[1] : null,
      publishedSource: published?.source ?? null,
      text: a.text,
      dossierId: run.dossier.dossierId,
    },
    select: { id: true, createdAt: true, publishedWindowFrom: true, publishedWindowTo: true },
  });
  const articleId = article.id;

  if (graph.sentences.length) {
    await tx.sentence.createMany({
      data: graph.sentences.map((s) => ({ articleId, index: s.index, start: s.start, end: s.end, text: s.text })),
    });
  }

  // Articles that aliases name as their provenance (normally this one).
  const otherHashes = [
    ...new Set([...graph.actors, ...graph.places].flatMap((x) => x.aliases.map((al) => al.article)).filter((h): h is string => !!h && h !== a.contentHash)),
  ];
  const articleIdByHash = new Map<string, string>([[a.contentHash, articleId]]);
  if (otherHashes.length) {
    for (const r of await tx.article.findMany({ where: { contentHash: { in: otherHashes } }, select: { id: true, contentHash: true } })) {
      articleIdByHash.set(r.contentHash, r.id);
    }
  }
  const provenance = (hash: string | undefined) => (hash ? (articleIdByHash.get(hash) ?? null) : null);

  // Actors: insert or fill in by key; aliases appended with provenance; mentions.
  const actorIds = new Map<string, string>();
  const actorSelect = { id: true, key: true, role: true, affiliationKey: true, iso: true, wikidata: true } as const;
  const actorRows = new Map((await tx.actor.findMany({ where: { key: { in: graph.actors.map((x) => x.key) } }, select: actorSelect })).map((r) => [r.key, r]));
  // Sorted by key, so concurrent ingests insert shared keys in the same order (no deadlock between them).
  const newActors = [...new Map(graph.actors.filter((x) => !actorRows.has(x.key)).map((x) => [x.key, x])).values()].sort(byKey);
  if (newActors.length) {
    // skipDuplicates: an actor stored meanwhile by a concurrent ingest is read back below.
    await tx.actor.createMany({
      data: newActors.map((actor) => ({
        key: actor.key,
        kind: actor.kind,
        name: actor.name,
        role: actor.role ?? null,
        affiliationKey: actor.affiliation ?? null,
        iso: actor.externalIds.iso ?? null,
        wikidata: actor.externalIds.wikidata ?? null,
      })),
      skipDuplicates: true,
    });
    for (const r of await tx.actor.findMany({ where: { key: { in: newActors.map((x) => x.key) } }, select: actorSelect })) actorRows.set(r.key, r);
  }
  for (const actor of graph.actors) {
    const row = actorRows.get(actor.key);
    if (!row) throw new ArticleError(`actor ${actor.key} could not be stored`);
    const fill: Prisma.ActorUpdateInput = {};
    if (row.role == null && actor.role) fill.role = row.role = actor.role;
    if (row.affiliationKey == null && actor.affiliation) fill.affiliationKey = row.affiliationKey = actor.affiliation;
    if (row.iso == null && actor.externalIds.iso) fill.iso = row.iso = actor.externalIds.iso;
    if (row.wikidata == null && actor.externalIds.wikidata) fill.wikidata = row.wikidata = actor.externalIds.wikidata;
    if (Object.keys(fill).length) await tx.actor.update({ where: { id: row.id }, data: fill });
    actorIds.set(actor.key, row.id);
    actor.mentions.forEach((m, i) => checkMention(m, textLength, `actor ${actor.key} mention ${i}`));
  }
  await appendAliases(
    tx,
    graph.actors.flatMap((actor) => actor.aliases.map((al) => ({ ownerId: actorIds.get(actor.key)!, name: al.name, articleId: provenance(al.article) }))),
    "actor",
  );
  /** Changes to the ActorTotal counts, written at the end. */
  const actorTotals = new Map<string, ActorTotalDelta>();
  const addTotal = (actorId: string, d: Partial<ActorTotalDelta>) => {
    const t = actorTotals.get(actorId) ?? { participations: 0, articles: 0, mentions: 0, quotes: 0, positions: 0 };
    for (const k of Object.keys(d) as (keyof ActorTotalDelta)[]) t[k] += d[k] ?? 0;
    actorTotals.set(actorId, t);
  };
  const actorMentions = graph.actors.flatMap((actor) =>
    actor.mentions.map((m) => ({ articleId, kind: "actor", start: m.start, end: m.end, text: m.text, sentence: m.sentence, actorId: actorIds.get(actor.key)! })),
  );
  if (actorMentions.length) {
    await tx.mention.createMany({ data: actorMentions });
    // The ActorArticle summary: this article's mentions per actor, with its publication day (articles never change).
    const perActor = new Map<string, number>();
    for (const m of actorMentions) perActor.set(m.actorId, (perActor.get(m.actorId) ?? 0) + 1);
    await tx.actorArticle.createMany({
      data: [...perActor].map(([actorId, mentions]) => ({ actorId, articleId, mentions, day: article.publishedWindowFrom, wideTo: wideTo(article), articleCreatedAt: article.createdAt })),
    });
    for (const [actorId, mentions] of perActor) addTotal(actorId, { articles: 1, mentions });
  }

  // Places: insert or fill in by key.
  const placeIds = new Map<string, string>();
  const placeSelect = { id: true, key: true, country: true } as const;
  const placeRows = new Map((await tx.place.findMany({ where: { key: { in: graph.places.map((x) => x.key) } }, select: placeSelect })).map((r) => [r.key, r]));
  const newPlaces = [...new Map(graph.places.filter((x) => !placeRows.has(x.key)).map((x) => [x.key, x])).values()].sort(byKey);
  if (newPlaces.length) {
    await tx.place.createMany({
      data: newPlaces.map((place) => ({ key: place.key, name: place.name, lat: place.lat, lon: place.lon, country: place.country ?? null, precision: place.precision })),
      skipDuplicates: true,
    });
    for (const r of await tx.place.findMany({ where: { key: { in: newPlaces.map((x) => x.key) } }, select: placeSelect })) placeRows.set(r.key, r);
  }
  for (const place of graph.places) {
    const row = placeRows.get(place.key);
    if (!row) throw new ArticleError(`place ${place.key} could not be stored`);
    if (row.country == null && place.country) {
      row.country = place.country;
      await tx.place.update({ where: { id: row.id }, data: { country: place.country } });
    }
    placeIds.set(place.key, row.id);
    place.mentions.forEach((m, i) => checkMention(m, textLength, `place ${place.key} mention ${i}`));
  }
  await appendAliases(
    tx,
    graph.places.flatMap((place) => place.aliases.map((al) => ({ ownerId: placeIds.get(place.key)!, name: al.name, articleId: provenance(al.article) }))),
    "place",
  );
  const placeMentions = graph.places.flatMap((place) =>
    place.mentions.map((m) => ({ articleId, kind: "place", start: m.start, end: m.end, text: m.text, sentence: m.sentence, placeId: placeIds.get(place.key)! })),
  );
  if (placeMentions.length) await tx.mention.createMany({ data: placeMentions });

  /** Actor id by key: this article's actors, else one stored earlier. */
  const actorId = async (key: string, what: string, required: boolean): Promise<string | null> => {
    const known = actorIds.get(key);
    if (known) return known;
    const row = await tx.actor.findUnique({ where: { key }, select: { id: true } });
    if (row) {
      actorIds.set(key, row.id);
      return row.id;
    }
    if (required) throw new ArticleError(`${what}: unknown actor ${key} (not among the article's actors)`);
    return null;
  };
  const placeId = async (key: string): Promise<string | null> => {
    const known = placeIds.get(key);
    if (known) return known;
    const row = await tx.place.findUnique({ where: { key }, select: { id: true } });
    if (row) placeIds.set(key, row.id);
    return row?.id ?? null;
  };

  // Quotes.
  const quoteRows = [];
  for (const [i, q] of graph.quotes.entries()) {
    checkMention(q.mention, textLength, `quote ${i}`);
    quoteRows.push({
      articleId,
      ordinal: i,
      speakerId: q.speaker ? await actorId(q.speaker, `quote ${i} speaker`, true) : null,
      speakerLabel: q.speakerLabel,
      text: q.text,
      mode: q.mode,
      start: q.mention.start,
      end: q.mention.end,
      sentence: q.mention.sentence,
      saidOn: q.saidOn ?? null,
      articleDay: article.publishedWindowFrom,
    });
  }
  const quoteIds = new Map<number, string>();
  if (quoteRows.length) {
    await tx.quote.createMany({ data: quoteRows });
    for (const r of quoteRows) if (r.speakerId) addTotal(r.speakerId, { quotes: 1 });
    for (const r of await tx.quote.findMany({ where: { articleId }, select: { id: true, ordinal: true } })) quoteIds.set(r.ordinal, r.id);
    await tx.mention.createMany({
      data: graph.quotes.map((q, i) => ({
        articleId,
        kind: "quote",
        start: q.mention.start,
        end: q.mention.end,
        text: q.mention.text,
        sentence: q.mention.sentence,
        quoteId: quoteIds.get(i)!,
      })),
    });
  }

  // Positions.
  const positionRows = [];
  for (const [i, p] of graph.positions.entries()) {
    checkMention(p.evidence, textLength, `position ${i}`);
    const issueId = run.dossier.issueIds.get(p.issue);
    if (!issueId) {
      throw new ArticleError(`position ${i}: unknown issue ${p.issue}${run.dossier.problem ? ` (${run.dossier.problem})` : ` in dossier ${extraction.dossier}`}`);
    }
    let quoteId: string | null = null;
    if (p.quote != null) {
      quoteId = quoteIds.get(p.quote) ?? null;
      if (!quoteId) throw new ArticleError(`position ${i}: quote ${p.quote} does not exist (the article has ${graph.quotes.length})`);
    }
    const range = p.date ? fuzzyRange(p.date) : null;
    positionRows.push({
      articleId,
      ordinal: i,
      actorId: (await actorId(p.actor, `position ${i}`, true))!,
      issueId,
      stance: p.stance,
      modality: p.modality ?? null,
      evidenceText: p.evidence.text,
      evidenceStart: p.evidence.start,
      evidenceEnd: p.evidence.end,
      evidenceSentence: p.evidence.sentence,
      date: p.date ?? null,
      dateFrom: range?.[0] ?? null,
      dateTo: range?.[1] ?? null,
      // The day the position counts from (own date, else the article's publication day), stored for the matrix.
      day: range?.[0] ?? (published ? fuzzyRange(published.window[0])[0] : null),
      quoteId,
    });
  }
  if (positionRows.length) {
    await tx.position.createMany({ data: positionRows });
    for (const r of positionRows) addTotal(r.actorId, { positions: 1 });
    await refreshPositionCells(tx, positionRows);
    await refreshPositionCellDays(tx, positionRows);
    const positionIds = new Map((await tx.position.findMany({ where: { articleId }, select: { id: true, ordinal: true } })).map((r) => [r.ordinal, r.id]));
    await tx.mention.createMany({
      data: graph.positions.map((p, i) => ({
        articleId,
        kind: "position",
        start: p.evidence.start,
        end: p.evidence.end,
        text: p.evidence.text,
        sentence: p.evidence.sentence,
        positionId: positionIds.get(i)!,
      })),
    });
  }

  // Events: group this article's events by the merged event covering them.
  const groups: EventGroup[] = [];
  const covered = new Set<number>();
  for (const [mergedIndex, ordinals] of run.groupsByArticle.get(a.contentHash) ?? []) {
    const invalid = run.invalidMerged.get(mergedIndex);
    if (invalid) throw new ArticleError(`merged event ${mergedIndex} is invalid: ${invalid}`);
    const own = [...new Set(ordinals)].filter((o) => !covered.has(o));
    for (const o of own) {
      if (!Number.isInteger(o) || o < 0 || o >= graph.events.length) {
        throw new ArticleError(`merged event ${mergedIndex} reports event ${o}, but the article has ${graph.events.length} events`);
      }
      covered.add(o);
    }
    if (own.length) groups.push({ mergedIndex, merged: extraction.events[mergedIndex]!, ordinals: own });
  }
  graph.events.forEach((ev, o) => {
    if (covered.has(o)) return;
    groups.push({
      merged: {
        kind: ev.kind,
        summary: ev.summary,
        date: ev.date ?? null,
        status: ev.status,
        participants: ev.participants,
        places: ev.places,
        reports: [{ article: a.contentHash, event: o }],
        independentSources: 1,
        conflicts: [],
      },
      ordinals: [o],
    });
  });

  let created = 0;
  let attached = 0;
  const find = opts.findExistingEvent ?? defaultFindExistingEvent;
  // Rows for all groups, written together after the loop.
  const participantRows = new Map<string, { eventId: string; actorId: string; role: string }>();
  const eventPlaceRows = new Map<string, { eventId: string; placeId: string }>();
  const figureRows = new Map<string, { eventId: string; articleId: string; what: string; value: string }>();
  const reportMentions: Prisma.MentionCreateManyInput[] = [];
  const tally: TallyDelta[] = [];
  /** Events of article events that no merged event covers, created above in this loop. */
  const orphanEvents: string[] = [];
  for (const group of groups) {
    const { merged } = group;
    const excludeEventIds = new Set<string>([
      ...[...run.storedEvents, ...pending].filter(([k]) => k !== group.mergedIndex).map(([, v]) => v),
      ...orphanEvents,
    ]);
    let eventId: string | null | undefined = group.mergedIndex !== undefined ? (pending.get(group.mergedIndex) ?? run.storedEvents.get(group.mergedIndex)) : undefined;
    eventId ??= await eventOfStoredReports(tx, merged, a.contentHash);
    if (!eventId) {
      const found = await find(tx, merged, { articleId, contentHash: a.contentHash, excludeEventIds });
      if (found && !excludeEventIds.has(found)) eventId = found;
    }
    const isAttached = !!eventId;
    if (eventId) {
      attached++;
      await refineEvent(tx, eventId, merged, tally);
    } else {
      created++;
      const info = eventKindInfo(merged.kind);
      const ev = await tx.event.create({
        data: {
          kind: merged.kind,
          plover: info.plover,
          family: info.family,
          summary: merged.summary,
          status: merged.status,
          ...dateColumns(merged.date),
          independentSources: Math.max(1, merged.independentSources),
        },
        select: { id: true, kind: true, datePrecision: true, dateFrom: true, dateTo: true },
      });
      eventId = ev.id;
      tally.push({ placeId: null, kind: ev.kind, datePrecision: ev.datePrecision, dateFrom: ev.dateFrom, dateTo: ev.dateTo, n: 1 });
    }
    if (group.mergedIndex !== undefined) pending.set(group.mergedIndex, eventId);
    else orphanEvents.push(eventId);

    // Participants and places: the merged event's and this article's, as far as the actors/places are stored.
    const reported = group.ordinals.map((o) => graph.events[o]!);
    for (const p of [...merged.participants, ...reported.flatMap((e) => e.participants)]) {
      const id = await actorId(p.actor, "event participant", false);
      if (id) participantRows.set(`${eventId} ${id} ${p.role}`, { eventId, actorId: id, role: p.role });
    }
    for (const key of [...merged.places, ...reported.flatMap((e) => e.places)]) {
      const id = await placeId(key);
      if (id) eventPlaceRows.set(`${eventId} ${id}`, { eventId, placeId: id });
    }

    for (const o of group.ordinals) reportMentions.push(...(await writeReport(tx, eventId, articleId, o, graph.events[o]!, textLength)));

    // Figures this article gives (kept per article; differing values are the conflicts).
    for (const f of [...reported.flatMap((e) => e.figures), ...merged.conflicts.filter((f) => f.article === a.contentHash)]) {
      figureRows.set(JSON.stringify([eventId, f.what, f.value]), { eventId, articleId, what: f.what, value: f.value });
    }

    if (isAttached) await updateIndependentSources(tx, eventId, merged.independentSources);
  }
  // Participant and place rows carry copies of their event's kind, dates, weight and creation time. The events are
  // read under a share lock, so a concurrent date refinement or source count of one of them waits for this
  // transaction and then updates these rows too.
  const linkedEvents = [...new Set([...participantRows.values(), ...eventPlaceRows.values()].map((r) => r.eventId))].sort();
  if (linkedEvents.length) {
    await tx.$executeRaw`SELECT 1 FROM "Event" WHERE id = ANY(${linkedEvents}::text[]) ORDER BY id FOR SHARE`;
    const events = new Map(
      (
        await tx.event.findMany({
          where: { id: { in: linkedEvents } },
          select: { id: true, kind: true, datePrecision: true, dateFrom: true, dateTo: true, independentSources: true, createdAt: true },
        })
      ).map((e) => [e.id, e]),
    );
    const copy = (eventId: string) => {
      const e = events.get(eventId);
      if (!e) throw new ArticleError(`event ${eventId} disappeared while the article was stored`);
      return e;
    };
    if (participantRows.size) {
      const added = await tx.eventParticipant.createManyAndReturn({
        data: [...participantRows.values()].map((r) => {
          const e = copy(r.eventId);
          return { ...r, kind: e.kind, dateFrom: e.dateFrom, dateTo: e.dateTo, independentSources: e.independentSources, eventCreatedAt: e.createdAt };
        }),
        skipDuplicates: true,
        select: { actorId: true },
      });
      for (const { actorId } of added) addTotal(actorId, { participations: 1 });
    }
    if (eventPlaceRows.size) {
      // Only links that are new count in the summary; each at its event's final dates.
      const links = await tx.eventPlace.createManyAndReturn({
        data: [...eventPlaceRows.values()].map((r) => {
          const e = copy(r.eventId);
          return { ...r, kind: e.kind, dateFrom: e.dateFrom, dateTo: e.dateTo, eventCreatedAt: e.createdAt };
        }),
        skipDuplicates: true,
        select: { eventId: true, placeId: true },
      });
      for (const l of links) {
        const e = copy(l.eventId);
        tally.push({ placeId: l.placeId, kind: e.kind, datePrecision: e.datePrecision, dateFrom: e.dateFrom, dateTo: e.dateTo, n: 1 });
      }
    }
  }
  await applyTally(tx, tally);
  await addActorTotals(tx, actorTotals);
  if (figureRows.size) await tx.eventFigure.createMany({ data: [...figureRows.values()], skipDuplicates: true });
  if (reportMentions.length) await tx.mention.createMany({ data: reportMentions });
  return { articleId, created, attached };
}

/** `ActorArticle.wideTo`: the end of an article's publication window when the window is longer than one day. */
function wideTo(a: { publishedWindowFrom: Date | null; publishedWindowTo: Date | null }): Date | null {
  return a.publishedWindowFrom && a.publishedWindowTo && a.publishedWindowTo > a.publishedWindowFrom ? a.publishedWindowTo : null;
}

/** What one article adds to an actor's `ActorTotal` row. */
interface ActorTotalDelta {
  participations: number;
  articles: number;
  mentions: number;
  quotes: number;
  positions: number;
}

/** Adds to the ActorTotal counts (increments, in key order, so concurrent ingests add up and do not deadlock). */
async function addActorTotals(tx: Tx, totals: Map<string, ActorTotalDelta>) {
  const rows = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!rows.length) return;
  const col = (k: keyof ActorTotalDelta) => rows.map(([, t]) => t[k]);
  await tx.$executeRaw`
    INSERT INTO "ActorTotal" ("actorId", participations, articles, mentions, quotes, positions)
    SELECT a, p, n, m, q, s
    FROM unnest(${rows.map(([a]) => a)}::text[], ${col("participations")}::int[], ${col("articles")}::int[], ${col("mentions")}::int[],
                ${col("quotes")}::int[], ${col("positions")}::int[]) AS u(a, p, n, m, q, s)
    ORDER BY a
    ON CONFLICT ("actorId") DO UPDATE SET participations = "ActorTotal".participations + EXCLUDED.participations,
      articles = "ActorTotal".articles + EXCLUDED.articles, mentions = "ActorTotal".mentions + EXCLUDED.mentions,
      quotes = "ActorTotal".quotes + EXCLUDED.quotes, positions = "ActorTotal".positions + EXCLUDED.positions`;
}

async function appendAliases(tx: Tx, rows: { ownerId: string; name: string; articleId: string | null }[], owner: "actor" | "place") {
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const k = `${r.ownerId}\u0000${r.name}\u0000${r.articleId ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (!unique.length) return;
  // NULL article ids are distinct for the unique index, so aliases without provenance are deduplicated here.
  const withoutArticle = unique.filter((r) => r.articleId === null);
  let present = new Set<string>();
  if (withoutArticle.length) {
    const ownerIds = [...new Set(withoutArticle.map((r) => r.ownerId))];
    present =
      owner === "actor"
        ? new Set((await tx.actorAlias.findMany({ where: { actorId: { in: ownerIds }, articleId: null }, select: { actorId: true, name: true } })).map((r) => `${r.actorId}\u0000${r.name}`))
        : new Set((await tx.placeAlias.findMany({ where: { placeId: { in: ownerIds }, articleId: null }, select: { placeId: true, name: true } })).map((r) => `${r.placeId}\u0000${r.name}`));
  }
  const fresh = unique.filter((r) => r.articleId !== null || !present.has(`${r.ownerId}\u0000${r.name}`));
  if (!fresh.length) return;
  if (owner === "actor") {
    await tx.actorAlias.createMany({ data: fresh.map((r) => ({ actorId: r.ownerId, name: r.name, articleId: r.articleId })), skipDuplicates: true });
  } else {
    await tx.placeAlias.createMany({ data: fresh.map((r) => ({ placeId: r.ownerId, name: r.name, articleId: r.articleId })), skipDuplicates: true });
  }
}

/** The stored event that another article's report of this merged event already belongs to. */
async function eventOfStoredReports(tx: Tx, merged: MergedEvent, contentHash: string): Promise<string | null> {
  const refs = merged.reports.filter((r) => r.article !== contentHash);
  if (!refs.length) return null;
  const row = await tx.eventReport.findFirst({
    where: {
      OR: refs.map((r) => ({ ordinal: r.event, article: { contentHash: r.article } })),
      event: { kind: { in: familyKinds(merged.kind) } },
    },
    select: { eventId: true },
    orderBy: { createdAt: "asc" },
  });
  return row?.eventId ?? null;
}

/** When attaching a report: take the merged event's date if the stored event has none or a coarser one. */
async function refineEvent(tx: Tx, eventId: string, merged: MergedEvent, tally: TallyDelta[]) {
  if (!merged.date) return;
  // Locked until commit: the date read here is the one the summary counts are moved from.
  await tx.$executeRaw`SELECT 1 FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
  const ev = await tx.event.findUnique({ where: { id: eventId }, select: { kind: true, datePrecision: true, dateFrom: true, dateTo: true } });
  if (!ev) throw new ArticleError(`event ${eventId} chosen for attaching does not exist`);
  const [from, to] = fuzzyRange(merged.date.value);
  const storedSpan = ev.dateFrom && ev.dateTo ? ev.dateTo.getTime() - ev.dateFrom.getTime() : Infinity;
  if (to.getTime() - from.getTime() < storedSpan) {
    const cols = dateColumns(merged.date);
    await tx.event.update({ where: { id: eventId }, data: cols });
    // The copies of the dates on the event's participant and place rows.
    await tx.eventParticipant.updateMany({ where: { eventId }, data: { dateFrom: cols.dateFrom, dateTo: cols.dateTo } });
    await tx.eventPlace.updateMany({ where: { eventId }, data: { dateFrom: cols.dateFrom, dateTo: cols.dateTo } });
    // Move the event and its stored place links from the old date range to the new one in the summary.
    const places = await tx.eventPlace.findMany({ where: { eventId }, select: { placeId: true } });
    for (const placeId of [null, ...places.map((p) => p.placeId)]) {
      tally.push({ placeId, kind: ev.kind, datePrecision: ev.datePrecision, dateFrom: ev.dateFrom, dateTo: ev.dateTo, n: -1 });
      tally.push({ placeId, kind: ev.kind, datePrecision: cols.datePrecision, dateFrom: cols.dateFrom, dateTo: cols.dateTo, n: 1 });
    }
  }
}

/**
 * Independent sources of a stored event: its reporting articles grouped by the agency wire they carry (articles
 * crediting the same agencies count once), else by outlet. Never lowered below what the extraction computed.
 */
async function updateIndependentSources(tx: Tx, eventId: string, fromExtraction: number) {
  const reports = await tx.eventReport.findMany({
    where: { eventId },
    select: { article: { select: { id: true, agencies: true, outlet: true } } },
  });
  const groups = new Set(
    reports.map(({ article }) =>
      article.agencies.length
        ? `wire:${[...article.agencies].map((x) => x.toLowerCase()).sort().join(",")}`
        : article.outlet
          ? `outlet:${article.outlet.toLowerCase()}`
          : `article:${article.id}`,
    ),
  );
  const ev = await tx.event.findUnique({ where: { id: eventId }, select: { independentSources: true } });
  const value = Math.max(1, groups.size, fromExtraction, ev?.independentSources ?? 0);
  if (ev && ev.independentSources !== value) {
    await tx.event.update({ where: { id: eventId }, data: { independentSources: value } });
    await tx.eventParticipant.updateMany({ where: { eventId }, data: { independentSources: value } });
  }
}

/** Stores one article event as a report of `eventId`; returns its trigger and evidence mentions, to be written. */
async function writeReport(tx: Tx, eventId: string, articleId: string, ordinal: number, ev: ArticleEvent, textLength: number): Promise<Prisma.MentionCreateManyInput[]> {
  checkMention(ev.trigger, textLength, `event ${ordinal} trigger`);
  ev.evidence.forEach((m, i) => checkMention(m, textLength, `event ${ordinal} evidence ${i}`));
  const report = await tx.eventReport.create({
    data: {
      eventId,
      articleId,
      ordinal,
      kind: ev.kind,
      summary: ev.summary,
      status: ev.status,
      ...dateColumns(ev.date),
      triggerText: ev.trigger.text,
      triggerStart: ev.trigger.start,
      triggerEnd: ev.trigger.end,
      triggerSentence: ev.trigger.sentence,
      participants: ev.participants,
      placeKeys: ev.places,
    },
    select: { id: true },
  });
  return [
    { kind: "trigger", m: ev.trigger },
    ...ev.evidence.map((m) => ({ kind: "evidence", m })),
  ].map(({ kind, m }) => ({ articleId, kind, start: m.start, end: m.end, text: m.text, sentence: m.sentence, eventReportId: report.id }));
}

export interface IngestFailure {
  file: string;
  contentHash?: string;
  error: string;
}

export interface IngestRunSummary {
  origin: "cli" | "http";
  startedAt: Date;
  /** Default: now. */
  finishedAt?: Date;
  /** Counts and failures are taken from here unless given explicitly. */
  result?: PersistResult;
  articlesNew?: number;
  articlesUnchanged?: number;
  /** Default: the number of failures (from `result` plus `failures`). */
  articlesFailed?: number;
  /** Failures before persisting (unreadable files, extraction errors); added to those in `result`. */
  failures?: IngestFailure[];
}

/** Records one ingest run and returns its id. */
export async function recordIngestRun(db: Db, summary: IngestRunSummary): Promise<string> {
  const failures: IngestFailure[] = [
    ...(summary.result?.articles ?? [])
      .filter((o) => o.status === "failed")
      .map((o) => ({ file: o.file, contentHash: o.contentHash || undefined, error: o.error ?? "failed" })),
    ...(summary.failures ?? []),
  ];
  const row = await db.ingestRun.create({
    data: {
      origin: summary.origin,
      startedAt: summary.startedAt,
      finishedAt: summary.finishedAt ?? new Date(),
      articlesNew: summary.articlesNew ?? summary.result?.new ?? 0,
      articlesUnchanged: summary.articlesUnchanged ?? summary.result?.unchanged ?? 0,
      articlesFailed: summary.articlesFailed ?? failures.length,
      failures: failures as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return row.id;
}
