import Link from "next/link";
import type { ReactNode } from "react";

/** Shown where a list has nothing to show; says why and what to do. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

/** Offset pagination as plain links (works without JavaScript, keeps the filter). */
export function Pager({ cursor, limit, total, hrefFor, label = "Pages" }: { cursor: number; limit: number; total: number; hrefFor: (cursor: number) => string; label?: string }) {
  if (total <= limit && cursor === 0) return null;
  const prev = cursor > 0 ? Math.max(0, cursor - limit) : null;
  const next = cursor + limit < total ? cursor + limit : null;
  const from = total === 0 ? 0 : cursor + 1;
  const to = Math.min(total, cursor + limit);
  return (
    <nav className="pager" aria-label={label}>
      {prev !== null ? (
        <Link href={hrefFor(prev)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-disabled="true">← Previous</span>
      )}
      <span className="meta">
        {from}–{to} of {total}
      </span>
      {next !== null ? (
        <Link href={hrefFor(next)} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-disabled="true">Next →</span>
      )}
    </nav>
  );
}

export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** Skeleton used by the route-level loading.tsx files. */
export function LoadingBlock({ label = "Loading…", lines = 6 }: { label?: string; lines?: number }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <p>{label}</p>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="loading__bar" style={{ width: `${60 + ((i * 37) % 40)}%` }} />
      ))}
    </div>
  );
}
