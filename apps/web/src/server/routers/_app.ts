import { createCallerFactory, createTRPCRouter } from "../trpc.ts";
import { actorsRouter } from "./actors.ts";
import { articlesRouter } from "./articles.ts";
import { eventsRouter } from "./events.ts";
import { ingestRouter } from "./ingest.ts";
import { overviewRouter } from "./overview.ts";
import { placesRouter } from "./places.ts";
import { positionsRouter } from "./positions.ts";
import { timelineRouter } from "./timeline.ts";

export const appRouter = createTRPCRouter({
  overview: overviewRouter,
  events: eventsRouter,
  actors: actorsRouter,
  articles: articlesRouter,
  ingest: ingestRouter,
  places: placesRouter,
  positions: positionsRouter,
  timeline: timelineRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP: `createCaller(createContextInner({ db }))`. */
export const createCaller = createCallerFactory(appRouter);
