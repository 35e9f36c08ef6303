-- DropIndex
DROP INDEX "Event_kind_idx";

-- DropIndex
DROP INDEX "EventParticipant_actorId_idx";

-- DropIndex
DROP INDEX "EventPlace_placeId_idx";

-- DropIndex
DROP INDEX "Position_actorId_issueId_idx";

-- CreateTable
CREATE TABLE "EventTally" (
    "id" TEXT NOT NULL,
    "placeId" TEXT,
    "kind" TEXT NOT NULL,
    "datePrecision" TEXT,
    "dateFrom" DATE,
    "dateTo" DATE,
    "n" INTEGER NOT NULL,

    CONSTRAINT "EventTally_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventTally_placeId_kind_idx" ON "EventTally"("placeId", "kind");

-- CreateIndex
CREATE INDEX "Event_kind_dateFrom_dateTo_idx" ON "Event"("kind", "dateFrom", "dateTo");

-- CreateIndex
CREATE INDEX "Event_independentSources_dateFrom_id_idx" ON "Event"("independentSources" DESC, "dateFrom", "id");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_eventId_idx" ON "EventParticipant"("actorId", "eventId");

-- CreateIndex
CREATE INDEX "EventPlace_placeId_eventId_idx" ON "EventPlace"("placeId", "eventId");

-- CreateIndex
CREATE INDEX "Position_actorId_issueId_dateFrom_idx" ON "Position"("actorId", "issueId", "dateFrom");

-- AddForeignKey
ALTER TABLE "EventTally" ADD CONSTRAINT "EventTally_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;
