"use client";

/**
 * Global filters (date range, actors, issues, event kinds, outlets), kept in the URL search params.
 *
 * It is a plain GET form: without JavaScript the browser submits `?from=…&actors=…&actors=…`, which is exactly the
 * format `src/lib/filters.ts` parses (the server validates it; this component only reads and writes the URL, through
 * the zod-free `filter-url.ts`). With JavaScript the submit is turned into a client navigation, and the
 * active filters show as removable chips. Other params on the URL (except the page cursor) are kept.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { activeFilterCount, filterFromParams, filterToSearchParams, type ViewFilter } from "../lib/filter-url.ts";

export interface FilterOption {
  value: string;
  label: string;
  /** e.g. number of events, shown next to the option. */
  count?: number;
}

export interface FilterOptions {
  actors: FilterOption[];
  issues: FilterOption[];
  kinds: FilterOption[];
  outlets: FilterOption[];
  /** Data extent, shown as the date inputs' bounds. */
  minDate?: string | null;
  maxDate?: string | null;
}

type ListKey = "actors" | "issues" | "kinds" | "outlets";
const GROUPS: { key: ListKey; label: string; searchable?: boolean }[] = [
  { key: "actors", label: "Actors", searchable: true },
  { key: "issues", label: "Issues" },
  { key: "kinds", label: "Event kinds" },
  { key: "outlets", label: "Outlets", searchable: true },
];

/** Params the filter bar never carries over (a new filter starts at the first page). */
const RESET_ON_CHANGE = ["cursor"];

export function FilterBar({ options, value, show }: { options: FilterOptions; value?: ViewFilter; show?: ListKey[] }) {
  const router = useRouter();
  const pathname = usePathname() ?? "/";
  const searchParams = useSearchParams();
  const current = useMemo(() => value ?? filterFromParams(searchParams?.toString() ?? ""), [value, searchParams]);
  const [pending, startTransition] = useTransition();
  const groups = GROUPS.filter((g) => !show || show.includes(g.key));

  function navigate(next: ViewFilter) {
    const base = new URLSearchParams(searchParams?.toString() ?? "");
    for (const k of RESET_ON_CHANGE) base.delete(k);
    const qs = filterToSearchParams(next, base).toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const sp = new URLSearchParams();
    for (const [k, v] of fd.entries()) if (typeof v === "string" && v) sp.append(k, v);
    navigate(filterFromParams(sp));
  }

  function remove(key: keyof ViewFilter, v?: string) {
    const next: ViewFilter = { ...current };
    if (key === "from" || key === "to") delete next[key];
    else {
      const rest = (next[key] ?? []).filter((x) => x !== v);
      if (rest.length) next[key] = rest as never;
      else delete next[key];
    }
    navigate(next);
  }

  const labelOf = (key: ListKey, v: string) => options[key].find((o) => o.value === v)?.label ?? v;
  const active = activeFilterCount(current);

  return (
    <search className="filter-bar" aria-label="Filters">
      <form method="get" action={pathname} onSubmit={onSubmit} key={filterToSearchParams(current).toString()}>
        <div className="filter-bar__row">
          <div className="field">
            <label htmlFor="filter-from">From</label>
            <input id="filter-from" type="date" name="from" defaultValue={current.from ?? ""} min={options.minDate ?? undefined} max={options.maxDate ?? undefined} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">To</label>
            <input id="filter-to" type="date" name="to" defaultValue={current.to ?? ""} min={options.minDate ?? undefined} max={options.maxDate ?? undefined} />
          </div>
          {groups.map((g) => (
            <CheckGroup key={g.key} name={g.key} label={g.label} options={options[g.key]} selected={current[g.key] ?? []} searchable={g.searchable} />
          ))}
          <button type="submit" disabled={pending}>
            {pending ? "Applying…" : "Apply"}
          </button>
          {active > 0 && (
            <button type="button" className="button--quiet" onClick={() => navigate({})}>
              Clear all
            </button>
          )}
        </div>
      </form>
      {active > 0 && (
        <ul className="chips" aria-label="Active filters">
          {current.from && <Chip label={`from ${current.from}`} onRemove={() => remove("from")} />}
          {current.to && <Chip label={`to ${current.to}`} onRemove={() => remove("to")} />}
          {groups.flatMap((g) =>
            (current[g.key] ?? []).map((v) => <Chip key={`${g.key}:${v}`} label={`${g.label.replace(/s$/, "")}: ${labelOf(g.key, v)}`} onRemove={() => remove(g.key, v)} />),
          )}
        </ul>
      )}
    </search>
  );
}

function Chip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <li className="chip">
      {label}
      <button type="button" onClick={onRemove} aria-label={`Remove filter ${label}`}>
        ×
      </button>
    </li>
  );
}

function CheckGroup({ name, label, options, selected, searchable }: { name: ListKey; label: string; options: FilterOption[]; selected: string[]; searchable?: boolean }) {
  const [q, setQ] = useState("");
  const needle = q.trim().toLowerCase();
  // Selected values that are not among the options (e.g. from a shared link) stay selectable.
  const all = [...options, ...selected.filter((s) => !options.some((o) => o.value === s)).map((s): FilterOption => ({ value: s, label: s }))];
  const matches = (o: FilterOption) => !needle || o.label.toLowerCase().includes(needle);
  const anyShown = all.some(matches);
  const id = `filter-${name}`;
  const ref = useRef<HTMLDetailsElement>(null);

  // A popover closes on Escape (focus back on its summary) and when the user clicks or tabs elsewhere.
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (el?.open && e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("focusin", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("focusin", close);
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key === "Escape" && ref.current?.open) {
      e.preventDefault();
      ref.current.open = false;
      ref.current.querySelector("summary")?.focus();
    }
  };

  return (
    <details className="filter-pop" ref={ref} onKeyDown={onKeyDown}>
      <summary>
        {label}
        {selected.length > 0 && <span className="badge"> {selected.length}</span>}
      </summary>
      <div className="filter-pop__panel">
        <fieldset>
          <legend className="visually-hidden">{label}</legend>
          {searchable && all.length > 8 && (
            <div className="field">
              <label htmlFor={`${id}-q`} className="visually-hidden">
                Find {label.toLowerCase()}
              </label>
              <input id={`${id}-q`} type="search" placeholder={`Find ${label.toLowerCase()}…`} value={q} onChange={(e) => setQ(e.target.value)} />
            </div>
          )}
          {!anyShown && <p className="meta">None.</p>}
          {/* Filtered-out options stay in the form (hidden), so their checked state is still submitted. */}
          {all.map((o) => (
            <label key={o.value} className="check" hidden={!matches(o)}>
              <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
              <span>{o.label}</span>
              {o.count !== undefined && <small>{o.count}</small>}
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
