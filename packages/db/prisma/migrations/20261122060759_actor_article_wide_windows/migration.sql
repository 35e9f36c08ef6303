-- The end of an article's publication window copied onto ActorArticle when the window is longer than one day, and
-- indexes to find the actors seen in a date range (the actor list, the overview's actor count). Filled here for a
-- database that already holds data.

-- AlterTable
ALTER TABLE "ActorArticle" ADD COLUMN     "wideTo" DATE;

-- Backfill
UPDATE "ActorArticle" aa SET "wideTo" = a."publishedWindowTo"
FROM "Article" a WHERE a.id = aa."articleId" AND a."publishedWindowTo" > a."publishedWindowFrom";

-- CreateIndex
CREATE INDEX "ActorArticle_day_actorId_idx" ON "ActorArticle"("day", "actorId");

-- CreateIndex
CREATE INDEX "ActorArticle_wideTo_day_actorId_idx" ON "ActorArticle"("wideTo", "day", "actorId");
