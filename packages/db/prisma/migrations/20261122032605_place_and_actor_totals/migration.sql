-- Per-place totals for the unfiltered map and per-actor counts for the actor page. Filled by rebuild-summaries,
-- which migrateDeploy runs when they are empty while their base rows exist.

-- CreateTable
CREATE TABLE "PlaceTotal" (
    "placeId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "firstDay" DATE,
    "lastDay" DATE,
    "kinds" TEXT[],
    "counts" INTEGER[],

    CONSTRAINT "PlaceTotal_pkey" PRIMARY KEY ("placeId")
);

-- CreateTable
CREATE TABLE "ActorTotal" (
    "actorId" TEXT NOT NULL,
    "participations" INTEGER NOT NULL,
    "articles" INTEGER NOT NULL,

    CONSTRAINT "ActorTotal_pkey" PRIMARY KEY ("actorId")
);

-- AddForeignKey
ALTER TABLE "PlaceTotal" ADD CONSTRAINT "PlaceTotal_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorTotal" ADD CONSTRAINT "ActorTotal_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
