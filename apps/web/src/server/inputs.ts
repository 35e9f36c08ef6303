/**
 * Input schemas the web API needs beyond the model's own, composed only from model schemas
 * (the model stays the single source of truth; nothing here defines a new field type).
 */
import { ListInput, Page, SubmittedArticle, ViewFilter } from "@lagebild/model";
import { z } from "zod";

/** Just the view filter (overview, filter options). */
export const FilterInput = z.object({ filter: ViewFilter.default({}) });
export type FilterInput = z.infer<typeof FilterInput>;

/** Latest events on the overview: the filter plus how many. */
export const LatestInput = FilterInput.extend({ limit: Page.shape.limit.unwrap().max(50).default(8) });

export { ListInput };

/** Metadata sent alongside a multipart file upload to `POST /api/ingest` (the text comes from the file). */
export const UploadMetadata = SubmittedArticle.pick({ title: true, url: true, outlet: true, published: true, authors: true });
export type UploadMetadata = z.infer<typeof UploadMetadata>;
