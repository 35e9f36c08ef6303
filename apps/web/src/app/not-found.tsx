import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty">
      <strong>Not found</strong>
      <p>This page, article, event or actor does not exist (any more). Ids change when the database is rebuilt.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </div>
  );
}
