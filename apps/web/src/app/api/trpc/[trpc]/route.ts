import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { serverDb } from "~/server/db.ts";
import { appRouter } from "~/server/routers/_app.ts";
import { createContext } from "~/server/trpc.ts";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, db: serverDb() }),
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC /${path ?? "?"}:`, error);
    },
  });
}

export { handler as GET, handler as POST };
