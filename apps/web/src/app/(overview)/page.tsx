import Link from "next/link";
import { EventItem } from "~/components/EventItem.tsx";
import { ExportLinks } from "~/components/ExportLinks.tsx";
import { Filters } from "~/components/Filters.tsx";
import { Empty, PageHead } from "~/components/ui.tsx";
import { filterQuery, isEmptyFilter, parseFilter } from "~/lib/filters.ts";
import { fileBaseName, formatFuzzyDate, formatTimestamp, plural } from "~/lib/format.ts";
import { api } from "~/trpc/server.tsx";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = parseFilter(await searchParams);
  const caller = await api();
  const [summary, latest] = await Promise.all([caller.overview.summary({ filter }), caller.overview.latestEvents({ filter, limit: 10 })]);
  const { counts, eventRange, articleRange, lastRun, recentRuns } = summary;
  const q = filterQuery(filter);

  return (
    <>
      <PageHead title="Overview">
        <p>What the ingested coverage of the US–Iran talks says, and how well it is sourced.</p>
      </PageHead>
      <Filters value={filter} />

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="visually-hidden">
          Counts
        </h2>
        <div className="grid grid--stats">
          <Stat id="articles" value={counts.articles} label="articles" href={`/articles${q}`} />
          <Stat id="events" value={counts.events} label="events" href={`/timeline${q}`} />
          <Stat id="actors" value={counts.actors} label="actors" href={`/actors${q}`} />
          <Stat id="sources" value={counts.sources} label="independent sources (outlets)" />
        </div>
        <p className="meta">
          {counts.corroboratedEvents} of {plural(counts.events, "event")} reported by at least two independent sources.
          {eventRange.from && (
            <>
              {" "}
              Events from <time dateTime={eventRange.from}>{formatFuzzyDate(eventRange.from)}</time> to{" "}
              <time dateTime={eventRange.to ?? undefined}>{formatFuzzyDate(eventRange.to)}</time>.
            </>
          )}
          {articleRange.from && (
            <>
              {" "}
              Articles published {formatFuzzyDate(articleRange.from)} – {formatFuzzyDate(articleRange.to)}.
            </>
          )}
        </p>
        <ExportLinks filter={filter} />
      </section>

      <div className="grid grid--two">
        <section className="card" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest events</h2>
          {latest.length === 0 ? (
            <Empty title={isEmptyFilter(filter) ? "No events yet" : "No events match these filters"}>
              {isEmptyFilter(filter) ? (
                <p>
                  Ingest articles (<code>pnpm ingest path/to/articles</code>) or <Link href="/add">add one</Link>.
                </p>
              ) : (
                <p>
                  <Link href="/">Clear the filters</Link> to see all events.
                </p>
              )}
            </Empty>
          ) : (
            <ul className="item-list">
              {latest.map((e) => (
                <EventItem key={e.id} e={e} />
              ))}
            </ul>
          )}
          {counts.events > latest.length && (
            <p>
              <Link href={`/timeline${q}`}>All {counts.events} events on the timeline →</Link>
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="ingest-heading">
          <h2 id="ingest-heading">Ingest status</h2>
          {!lastRun ? (
            <p className="meta">No ingest run recorded yet.</p>
          ) : (
            <>
              <dl className="meta-list">
                <dt>Last run</dt>
                <dd>
                  <time dateTime={new Date(lastRun.startedAt).toISOString()}>{formatTimestamp(lastRun.startedAt)}</time> ({lastRun.origin})
                </dd>
                <dt>New</dt>
                <dd>{lastRun.articlesNew}</dd>
                <dt>Unchanged</dt>
                <dd>{lastRun.articlesUnchanged}</dd>
                <dt>Failed</dt>
                <dd>{lastRun.articlesFailed > 0 ? <span className="badge badge--bad">{lastRun.articlesFailed}</span> : 0}</dd>
                {!lastRun.finishedAt && (
                  <>
                    <dt>State</dt>
                    <dd>
                      <span className="badge badge--warn">not finished</span>
                    </dd>
                  </>
                )}
              </dl>
              {lastRun.failures.length > 0 && (
                <>
                  <h3>Failures</h3>
                  <ul>
                    {lastRun.failures.slice(0, 20).map((f, i) => (
                      <li key={`${f.file}:${i}`}>
                        <code>{fileBaseName(f.file)}</code>: {f.error}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {recentRuns.length > 1 && (
                <details>
                  <summary>Earlier runs</summary>
                  <ul>
                    {recentRuns.slice(1).map((r) => (
                      <li key={r.id}>
                        {formatTimestamp(r.startedAt)} ({r.origin}): {r.articlesNew} new, {r.articlesUnchanged} unchanged, {r.articlesFailed} failed
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
          <p>
            <Link href="/add">Add an article →</Link>
          </p>
        </section>
      </div>
    </>
  );
}

function Stat({ id, value, label, href }: { id: string; value: number; label: string; href?: string }) {
  const body = (
    <>
      <span className="stat__value" data-testid={`count-${id}`}>
        {value}
      </span>
      <span className="stat__label">{label}</span>
    </>
  );
  return <div className="stat">{href ? <Link href={href} style={{ color: "inherit", textDecoration: "none" }}>{body}</Link> : body}</div>;
}
