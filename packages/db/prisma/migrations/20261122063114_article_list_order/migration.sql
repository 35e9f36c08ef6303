-- The article list, newest first: the dated articles read in order from this index instead of sorting all of them.

-- CreateIndex
CREATE INDEX "Article_publishedWindowFrom_createdAt_id_idx" ON "Article"("publishedWindowFrom" DESC, "createdAt" DESC, "id");
