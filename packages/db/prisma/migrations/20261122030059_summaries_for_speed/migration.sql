-- Denormalised event columns on EventParticipant and EventPlace, first/last day on PlaceKindTotal, the article
-- publication day on Quote, and two new summaries (PositionCellDay, ActorArticle). The copied columns are added
-- nullable, filled from their source rows, then made NOT NULL. The new summary tables are filled by
-- `rebuild-summaries`, which `migrateDeploy` runs when they are empty but their base rows exist.

-- AlterTable
ALTER TABLE "EventParticipant" ADD COLUMN     "dateFrom" DATE,
ADD COLUMN     "dateTo" DATE,
ADD COLUMN     "eventCreatedAt" TIMESTAMP(3),
ADD COLUMN     "independentSources" INTEGER,
ADD COLUMN     "kind" TEXT;

UPDATE "EventParticipant" ep
SET "kind" = e."kind", "dateFrom" = e."dateFrom", "dateTo" = e."dateTo", "independentSources" = e."independentSources", "eventCreatedAt" = e."createdAt"
FROM "Event" e WHERE e."id" = ep."eventId";

ALTER TABLE "EventParticipant" ALTER COLUMN "eventCreatedAt" SET NOT NULL,
ALTER COLUMN "independentSources" SET NOT NULL,
ALTER COLUMN "kind" SET NOT NULL;

-- AlterTable
ALTER TABLE "EventPlace" ADD COLUMN     "dateFrom" DATE,
ADD COLUMN     "dateTo" DATE,
ADD COLUMN     "eventCreatedAt" TIMESTAMP(3),
ADD COLUMN     "kind" TEXT;

UPDATE "EventPlace" ep
SET "kind" = e."kind", "dateFrom" = e."dateFrom", "dateTo" = e."dateTo", "eventCreatedAt" = e."createdAt"
FROM "Event" e WHERE e."id" = ep."eventId";

ALTER TABLE "EventPlace" ALTER COLUMN "eventCreatedAt" SET NOT NULL,
ALTER COLUMN "kind" SET NOT NULL;

-- AlterTable
ALTER TABLE "PlaceKindTotal" ADD COLUMN     "firstDay" DATE,
ADD COLUMN     "lastDay" DATE;

UPDATE "PlaceKindTotal" k SET "firstDay" = x.first, "lastDay" = x.last
FROM (
  SELECT "placeId", "kind", min("dateFrom") AS first, max("dateTo") AS last
  FROM "EventTally" WHERE "placeId" IS NOT NULL AND "n" <> 0 GROUP BY 1, 2
) x
WHERE x."placeId" = k."placeId" AND x."kind" = k."kind";

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "articleDay" DATE;

UPDATE "Quote" q SET "articleDay" = a."publishedWindowFrom" FROM "Article" a WHERE a."id" = q."articleId" AND a."publishedWindowFrom" IS NOT NULL;

-- CreateTable
CREATE TABLE "PositionCellDay" (
    "actorId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "stance" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "changes" INTEGER NOT NULL,
    "changedFrom" TEXT,
    "changedOn" DATE,
    "support" INTEGER NOT NULL,
    "oppose" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,
    "ambiguous" INTEGER NOT NULL,

    CONSTRAINT "PositionCellDay_pkey" PRIMARY KEY ("actorId","issueId","day")
);

-- CreateTable
CREATE TABLE "ActorArticle" (
    "actorId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "mentions" INTEGER NOT NULL,
    "day" DATE,
    "articleCreatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActorArticle_pkey" PRIMARY KEY ("actorId","articleId")
);

-- CreateIndex
CREATE INDEX "PositionCellDay_issueId_idx" ON "PositionCellDay"("issueId");

-- CreateIndex
CREATE INDEX "ActorArticle_actorId_day_articleCreatedAt_articleId_idx" ON "ActorArticle"("actorId", "day", "articleCreatedAt", "articleId");

-- CreateIndex
CREATE INDEX "ActorArticle_articleId_idx" ON "ActorArticle"("articleId");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_kind_dateFrom_dateTo_independentSo_idx" ON "EventParticipant"("actorId", "kind", "dateFrom", "dateTo", "independentSources", "eventId");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_dateFrom_eventCreatedAt_eventId_ro_idx" ON "EventParticipant"("actorId", "dateFrom", "eventCreatedAt", "eventId", "role");

-- CreateIndex
CREATE INDEX "EventPlace_placeId_dateFrom_eventCreatedAt_eventId_idx" ON "EventPlace"("placeId", "dateFrom" DESC, "eventCreatedAt" DESC, "eventId");

-- CreateIndex
CREATE INDEX "EventTally_datePrecision_dateFrom_placeId_kind_n_idx" ON "EventTally"("datePrecision", "dateFrom", "placeId", "kind", "n");

-- CreateIndex
CREATE INDEX "EventTally_datePrecision_dateTo_dateFrom_placeId_kind_n_idx" ON "EventTally"("datePrecision", "dateTo", "dateFrom", "placeId", "kind", "n");

-- CreateIndex
CREATE INDEX "Position_actorId_day_articleId_ordinal_idx" ON "Position"("actorId", "day", "articleId", "ordinal");

-- CreateIndex
CREATE INDEX "Quote_speakerId_articleDay_start_id_idx" ON "Quote"("speakerId", "articleDay", "start", "id");

-- AddForeignKey
ALTER TABLE "PositionCellDay" ADD CONSTRAINT "PositionCellDay_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionCellDay" ADD CONSTRAINT "PositionCellDay_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorArticle" ADD CONSTRAINT "ActorArticle_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorArticle" ADD CONSTRAINT "ActorArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
