-- CreateTable
CREATE TABLE "PositionCell" (
    "actorId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "day" DATE,
    "n" INTEGER NOT NULL,
    "changes" INTEGER NOT NULL,
    "changedFrom" TEXT,
    "changedOn" DATE,
    "support" INTEGER NOT NULL,
    "oppose" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,
    "ambiguous" INTEGER NOT NULL,

    CONSTRAINT "PositionCell_pkey" PRIMARY KEY ("actorId","issueId")
);

-- CreateIndex
CREATE INDEX "PositionCell_issueId_idx" ON "PositionCell"("issueId");

-- AddForeignKey
ALTER TABLE "PositionCell" ADD CONSTRAINT "PositionCell_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionCell" ADD CONSTRAINT "PositionCell_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
