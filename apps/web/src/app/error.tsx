"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be loaded. If this persists, check that the database is running and DATABASE_URL is set.</p>
      {error.digest && (
        <p className="meta">
          Reference: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
