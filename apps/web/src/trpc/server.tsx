import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { serverDb } from "../server/db.ts";
import { appRouter } from "../server/routers/_app.ts";
import { createContext } from "../server/trpc.ts";
import { makeQueryClient } from "./query-client.ts";

/** One context per request (React `cache` scopes it to the render). */
const createRscContext = cache(async () => createContext({ headers: new Headers(await headers()), db: serverDb() }));

/** One query client per request. */
export const getQueryClient = cache(makeQueryClient);

/** Query options for prefetching in server components (`await getQueryClient().prefetchQuery(trpc.x.y.queryOptions(…))`). */
export const trpc = createTRPCOptionsProxy({ ctx: createRscContext, router: appRouter, queryClient: getQueryClient });

/** Direct server-side calls, no HTTP: for data a server component renders itself. */
export const api = cache(async () => appRouter.createCaller(await createRscContext()));

/** Sends the request's query cache to client components (they render from it during SSR and hydrate without refetching). */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/** Runs a byId call; a NOT_FOUND becomes the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
}
