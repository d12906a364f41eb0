'use client';

import Link from 'next/link';

// Users see a plain message; the server log has the detail (and the digest to find it). This
// boundary replaces the folder layouts (and their header), so it brings its own main and way home.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="container" tabIndex={-1}>
      <section className="empty-state" role="alert">
        <h1>Something went wrong</h1>
        <p>Sorry — we could not complete that. Please try again in a moment.</p>
        {error.digest && <p className="muted">Reference: {error.digest}</p>}
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <p>
          <Link href="/">Go to the home page</Link>
        </p>
      </section>
    </main>
  );
}
