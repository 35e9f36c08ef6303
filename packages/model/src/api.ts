import { z } from "zod";
import { ActorKind } from "./actor.ts";
import { IsoFuzzyDate } from "./common.ts";
import { EventKind } from "./event.ts";
import { IssueId } from "./position.ts";

/** Database ids as exposed over the API. */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** Filters shared by every view; the dashboard keeps them in the URL. */
export const ViewFilter = z.object({
  from: Day.optional(),
  to: Day.optional(),
  actors: z.array(Id).max(50).optional(),
  issues: z.array(IssueId).max(50).optional(),
  kinds: z.array(EventKind).max(50).optional(),
  outlets: z.array(z.string().min(1).max(200)).max(50).optional(),
});
export type ViewFilter = z.infer<typeof ViewFilter>;

export const Page = z.object({
  cursor: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const ByIdInput = z.object({ id: Id });
export const ListInput = z.object({ filter: ViewFilter.default({}), page: Page.default({ cursor: 0, limit: 50 }) });
export const ActorListInput = ListInput.extend({ kind: ActorKind.optional(), q: z.string().max(200).optional() });
export const MatrixInput = z.object({ filter: ViewFilter.default({}), asOf: Day.optional(), dossier: z.string().optional() });

/** An article submitted through the dashboard's add-article form or the HTTP ingest endpoint. */
export const SubmittedArticle = z.object({
  text: z.string().trim().min(20, "the article text is too short").max(2_000_000),
  title: z.string().max(500).optional(),
  url: z.string().url().optional(),
  outlet: z.string().max(200).optional(),
  published: IsoFuzzyDate.optional(),
  authors: z.array(z.string().max(200)).max(50).optional(),
  fileName: z.string().max(300).optional(),
});
export type SubmittedArticle = z.infer<typeof SubmittedArticle>;
