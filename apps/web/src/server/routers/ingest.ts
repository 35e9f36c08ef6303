import { SubmittedArticle } from "@lagebild/model";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";
import { ingestSubmitted } from "../ingest.ts";

export const ingestRouter = createTRPCRouter({
  /**
   * Adds one article through the same pipeline as the CLI (`extractBatch` → `persistExtraction`) and records the run.
   * Token-protected: refused when LAGEBILD_INGEST_TOKEN is unset or the caller's token does not match.
   */
  submit: protectedProcedure.input(SubmittedArticle).mutation(({ ctx, input }) => ingestSubmitted(ctx.db, input)),
});
