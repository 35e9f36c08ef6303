"use client";

import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, loggerLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "../server/routers/_app.ts";
import { makeQueryClient } from "./query-client.ts";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  // On the server always make a new client (one per request); in the browser reuse one,
  // so React suspending during the first render does not throw the cache away.
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

function baseUrl() {
  if (typeof window !== "undefined") return "";
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        // Mutations go one by one, carrying the ingest token the caller put in the request context
        // (`mutationOptions({ trpc: { context: { ingestToken } } })`) as a Bearer header; queries are batched.
        splitLink({
          condition: (op) => op.type === "mutation",
          true: httpLink({
            transformer: superjson,
            url: `${baseUrl()}/api/trpc`,
            headers: ({ op }) => {
              const token = op.context.ingestToken;
              return typeof token === "string" && token ? { authorization: `Bearer ${token}` } : {};
            },
          }),
          false: httpBatchLink({ transformer: superjson, url: `${baseUrl()}/api/trpc` }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
