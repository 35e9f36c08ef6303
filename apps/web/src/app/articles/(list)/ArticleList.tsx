"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Empty, Pager } from "~/components/ui.tsx";
import { isEmptyFilter, withFilter, type ViewFilter } from "~/lib/filter-url.ts";
import { articleTitle, formatFuzzyDate, plural } from "~/lib/format.ts";
import { useTRPC } from "~/trpc/client.tsx";

/** The article list; its data is prefetched on the server and hydrated, so it is in the first HTML. */
export function ArticleList({ filter, cursor, limit }: { filter: ViewFilter; cursor: number; limit: number }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.articles.list.queryOptions({ filter, page: { cursor, limit } }));

  if (data.total === 0) {
    return (
      <Empty title={isEmptyFilter(filter) ? "No articles yet" : "No articles match these filters"}>
        {isEmptyFilter(filter) ? (
          <p>
            Run <code>pnpm ingest path/to/articles</code> or <Link href="/add">add an article</Link>.
          </p>
        ) : (
          <p>
            <Link href="/articles">Clear the filters</Link>.
          </p>
        )}
      </Empty>
    );
  }

  return (
    <>
      <p className="meta" aria-live="polite">
        {data.total} {data.total === 1 ? "article" : "articles"}
      </p>
      <ul className="item-list card">
        {data.items.map((a) => (
          <li key={a.id} data-article={a.id}>
            <div>
              <Link href={`/articles/${a.id}`} className="item-title">
                {articleTitle(a.title, a.file)}
              </Link>
            </div>
            <div className="meta">
              {a.outlet && <span>{a.outlet}</span>}
              <span>
                <time dateTime={a.published ?? undefined}>{formatFuzzyDate(a.published, "date unknown")}</time>
                {a.publishedSource === "inferred" && " (inferred)"}
              </span>
              {a.agencies.length > 0 && <span className="badge">{a.agencies.join(", ")}</span>}
              <span>
                {plural(a.eventCount, "event")} · {plural(a.quoteCount, "quote")} · {plural(a.positionCount, "position")}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <Pager cursor={data.cursor} limit={data.limit} total={data.total} hrefFor={(c) => withFilter("/articles", filter, { cursor: c || undefined })} label="Article pages" />
    </>
  );
}
