-- The actor page lists each spelling of an actor's name with its first articles in the order they were seen: this index
-- gives them a few entries per spelling, instead of ordering all of a busy actor's alias rows.

-- CreateIndex
CREATE INDEX "ActorAlias_actorId_name_createdAt_id_idx" ON "ActorAlias"("actorId", "name", "createdAt", "id");
