import type { Metadata } from "next";
import { Filters } from "~/components/Filters.tsx";
import { PageHead } from "~/components/ui.tsx";
import { parseCursor, parseFilter } from "~/lib/filters.ts";
import { TRPCReactProvider } from "~/trpc/client.tsx";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";
import { ArticleList } from "./ArticleList.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Articles" };

const LIMIT = 25;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const filter = parseFilter(sp);
  const cursor = parseCursor(sp);
  await getQueryClient().prefetchQuery(trpc.articles.list.queryOptions({ filter, page: { cursor, limit: LIMIT } }));
  return (
    <>
      <PageHead title="Articles">
        <p>The sources: every article ingested, with what was extracted from it.</p>
      </PageHead>
      <Filters value={filter} />
      <TRPCReactProvider>
        <HydrateClient>
          <ArticleList filter={filter} cursor={cursor} limit={LIMIT} />
        </HydrateClient>
      </TRPCReactProvider>
    </>
  );
}
