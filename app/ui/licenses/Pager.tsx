import Link from 'next/link';

/** Previous / next links that keep the other query parameters. */
export function Pager({ page, pages, path, params = {} }: { page: number; pages: number; path: string; params?: Record<string, string | undefined> }) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${path}?${q.toString()}`;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← Previous</Link> : <span className="muted">← Previous</span>}
      <span>Page {page} of {pages}</span>
      {page < pages ? <Link href={href(page + 1)} rel="next">Next →</Link> : <span className="muted">Next →</span>}
    </nav>
  );
}
