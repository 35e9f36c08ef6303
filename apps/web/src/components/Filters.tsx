import { FilterBar } from "./FilterBar.tsx";
import { api } from "../trpc/server.tsx";
import type { ViewFilter } from "../lib/filters.ts";

type ListKey = "actors" | "issues" | "kinds" | "outlets";

/**
 * Server wrapper around the client FilterBar: loads the options (actors, issues, kinds, outlets, date extent) in SQL
 * and passes the filter parsed from the page's search params. Use it at the top of any filtered view:
 * `<Filters value={parseFilter(await searchParams)} />`.
 */
export async function Filters({ value, show }: { value: ViewFilter; show?: ListKey[] }) {
  const options = await (await api()).overview.filterOptions();
  return <FilterBar options={options} value={value} show={show} />;
}
