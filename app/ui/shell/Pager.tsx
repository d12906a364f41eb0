import Link from 'next/link';

type Props = {
  page: number;
  /** Builds the link for a page, keeping the list's other parameters. */
  href: (page: number) => string;
  hasNext: boolean;
  /** Shown as "of N" when known; keyset lists only know whether there is a next page. */
  pages?: number | null;
  /** Extra words after the page number, e.g. "· 1,234 requests". */
  note?: string;
};

/** Previous / next links for every paged list: plain links, so the URL and history hold the state. */
export function Pager({ page, href, hasNext, pages, note }: Props) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          ← Previous
        </span>
      )}
      <span>
        Page {page.toLocaleString('en-GB')}
        {pages ? ` of ${pages.toLocaleString('en-GB')}` : ''}
        {note ? ` ${note}` : ''}
      </span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  );
}
