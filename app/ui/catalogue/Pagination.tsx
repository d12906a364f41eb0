import { Pager } from '@/app/ui/shell/Pager';
import { queryString, type ArticleQuery } from '@/lib/validation/catalogue';

type Props = { query: ArticleQuery; page: number; pageSize: number; total: number; path?: string };

/** The catalogue's pager: every other filter stays in the links. */
export function Pagination({ query, page, pageSize, total, path = '/articles' }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Pager
      page={page}
      pages={pages}
      hasNext={page < pages}
      href={(p) => `${path}${queryString(query, { page: Math.min(p, pages) })}`}
    />
  );
}
