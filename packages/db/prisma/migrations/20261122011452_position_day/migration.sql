-- DropIndex
DROP INDEX "Position_actorId_issueId_dateFrom_idx";

-- AlterTable
ALTER TABLE "Position" ADD COLUMN     "day" DATE;

-- CreateIndex
CREATE INDEX "Position_actorId_issueId_day_id_stance_idx" ON "Position"("actorId", "issueId", "day", "id", "stance");
