import type { Metadata } from "next";
import Link from "next/link";
import { ActorKind } from "@lagebild/model";
import { Filters } from "~/components/Filters.tsx";
import { Empty, PageHead, Pager } from "~/components/ui.tsx";
import { isEmptyFilter, parseCursor, parseFilter, withFilter } from "~/lib/filters.ts";
import { api } from "~/trpc/server.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Actors" };

const LIMIT = 50;

export default async function ActorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const filter = parseFilter(sp);
  const cursor = parseCursor(sp);
  const kindParam = ActorKind.safeParse(Array.isArray(sp.kind) ? sp.kind[0] : sp.kind);
  const kind = kindParam.success ? kindParam.data : undefined;
  const qRaw = (Array.isArray(sp.q) ? sp.q[0] : sp.q)?.trim().slice(0, 200) || undefined;
  const data = await (await api()).actors.list({ filter, page: { cursor, limit: LIMIT }, kind, q: qRaw });
  const extra = { kind, q: qRaw };

  return (
    <>
      <PageHead title="Actors">
        <p>People, states, organisations and groups named in the coverage, most mentioned first.</p>
      </PageHead>
      <Filters value={filter} />
      <form method="get" className="filter-bar filter-bar__row" aria-label="Find actors">
        {/* Keep the global filter when searching by name or kind. */}
        {Object.entries(filter).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => <input key={`${k}:${x}`} type="hidden" name={k} value={String(x)} />))}
        <div className="field">
          <label htmlFor="actor-q">Name</label>
          <input id="actor-q" type="search" name="q" defaultValue={qRaw ?? ""} placeholder="e.g. Araghtschi" />
        </div>
        <div className="field">
          <label htmlFor="actor-kind">Kind</label>
          <select id="actor-kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">any</option>
            {ActorKind.options.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Search</button>
      </form>

      {data.total === 0 ? (
        <Empty title={isEmptyFilter(filter) && !kind && !qRaw ? "No actors yet" : "No actors match"}>
          <p>
            <Link href="/actors">Show all actors</Link>
          </p>
        </Empty>
      ) : (
        <>
          <p className="meta">{data.total} actors</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Role</th>
                  <th scope="col" className="num">
                    Mentions
                  </th>
                  <th scope="col" className="num">
                    Events
                  </th>
                  <th scope="col" className="num">
                    Quotes
                  </th>
                  <th scope="col" className="num">
                    Positions
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/actors/${a.id}`}>{a.name}</Link>
                    </td>
                    <td>{a.kind}</td>
                    <td>{a.role ?? ""}</td>
                    <td className="num">{a.mentionCount}</td>
                    <td className="num">{a.eventCount}</td>
                    <td className="num">{a.quoteCount}</td>
                    <td className="num">{a.positionCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager cursor={data.cursor} limit={data.limit} total={data.total} hrefFor={(c) => withFilter("/actors", filter, { ...extra, cursor: c || undefined })} label="Actor pages" />
        </>
      )}
    </>
  );
}
