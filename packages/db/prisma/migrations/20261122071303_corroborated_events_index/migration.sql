-- The overview's corroborated-events count (independentSources >= 2 within a date window) from this partial index alone.

-- CreateIndex
CREATE INDEX "Event_corroborated_dateFrom_dateTo_kind_idx" ON "Event"("dateFrom", "dateTo", "kind") WHERE ("independentSources" >= 2);
