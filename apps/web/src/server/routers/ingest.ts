import { SubmittedArticle } from "@lagebild/model";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

export const ingestRouter = createTRPCRouter({
  /** Placeholder until the pipeline lands. */
  submit: protectedProcedure.input(SubmittedArticle).mutation(async () => {
    return { articleId: null as string | null };
  }),
});
