import Link from 'next/link';

export function NotFoundMessage() {
  return (
    <section className="empty-state">
      <h1>Page not found</h1>
      <p>We could not find what you were looking for. It may have moved, or the address may be mistyped.</p>
      <p>
        <Link href="/articles">Browse the catalogue</Link> or <Link href="/">go to the home page</Link>.
      </p>
    </section>
  );
}
