import Link from 'next/link';
import { queryString, type ArticleQuery } from '@/lib/validation/catalogue';
import { formatCount } from './format';

type Props = { query: ArticleQuery; page: number; pageSize: number; total: number; path?: string };

/** Previous / next links that keep every other parameter; plain links, so history works. */
export function Pagination({ query, page, pageSize, total, path = '/articles' }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const href = (p: number) => `${path}${queryString(query, { page: p })}`;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} rel="prev">← Previous</Link>
      ) : (
        <span className="muted" aria-hidden="true">← Previous</span>
      )}
      <span>
        Page {formatCount(page)} of {formatCount(pages)}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">Next →</Link>
      ) : (
        <span className="muted" aria-hidden="true">Next →</span>
      )}
    </nav>
  );
}
