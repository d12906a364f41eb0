'use client';

// Users see a plain message; the server log has the detail (and the digest to find it).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="empty-state" role="alert">
      <h1>Something went wrong</h1>
      <p>Sorry — we could not complete that. Please try again in a moment.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
