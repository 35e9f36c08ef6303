-- CreateTable
CREATE TABLE "PlaceKindTotal" (
    "placeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "PlaceKindTotal_pkey" PRIMARY KEY ("placeId","kind")
);

-- CreateIndex
CREATE INDEX "EventTally_placeId_dateFrom_idx" ON "EventTally"("placeId", "dateFrom");

-- CreateIndex
CREATE INDEX "EventTally_placeId_dateTo_idx" ON "EventTally"("placeId", "dateTo");

-- AddForeignKey
ALTER TABLE "PlaceKindTotal" ADD CONSTRAINT "PlaceKindTotal_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;
