import type { ReactNode } from "react";

type ListCardProps<T> = {
  /** The heading's id; the section is labelled by it (and links may point at it). */
  id: string;
  title: ReactNode;
  items: readonly T[];
  /** One entry: an `<li>` with its key (or, with `list={false}`, any keyed element). */
  children: (item: T, index: number) => ReactNode;
  /** Said when there is nothing to list. Without it, an empty list renders no card at all. */
  empty?: ReactNode;
  /** How many there are in all, when `items` is one page of them: the empty state shows only when this is 0. */
  total?: number;
  /** The list element: a class for the `<ul>`, or `false` for entries that are not list items (quotes, tables). */
  list?: { className?: string } | false;
  /** After the list (a pager, a note). */
  footer?: ReactNode;
};

/** A sidebar or column card: an h2, then its entries as a list, or a short note when there are none. */
export function ListCard<T>({ id, title, items, children, empty, total = items.length, list = {}, footer }: ListCardProps<T>) {
  if (total === 0 && empty === undefined) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {total === 0 ? <p className="meta">{empty}</p> : list === false ? items.map(children) : <ul className={list.className}>{items.map(children)}</ul>}
      {footer}
    </section>
  );
}
