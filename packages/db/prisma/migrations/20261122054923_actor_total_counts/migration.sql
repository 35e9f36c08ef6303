-- Mentions, quotes and positions per actor in the ActorTotal summary (the actor list and the filter bar order and
-- count by them). The rows of a database that already holds data are recomputed here from the base tables, with the
-- statement `rebuild-summaries ActorTotal` uses, so the counts are right after `prisma migrate deploy` alone.

-- AlterTable
ALTER TABLE "ActorTotal" ADD COLUMN     "mentions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "positions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quotes" INTEGER NOT NULL DEFAULT 0;

-- Backfill
DELETE FROM "ActorTotal";
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
GROUP BY 1;
