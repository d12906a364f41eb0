import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogueFilters } from '@/app/ui/catalogue/CatalogueFilters';
import { Pagination } from '@/app/ui/catalogue/Pagination';
import { formatCount, formatDate, RIGHTS_LABELS } from '@/app/ui/catalogue/format';
import '@/app/ui/catalogue/catalogue.css';
import { requirePage } from '@/lib/auth/session';
import { listArticles, listSections } from '@/lib/catalogue/queries';
import { isPubliclyVisible } from '@/lib/catalogue/rules';
import { articleQuerySchema, queryObject } from '@/lib/validation/catalogue';
import { fieldErrors } from '@/lib/errors';

export const metadata: Metadata = { title: 'Articles · Desk admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every article, hidden and embargoed included, with the same search and filters as the catalogue. */
export default async function AdminArticlesPage({ searchParams }: Props) {
  await requirePage('staff', '/admin');
  const raw = queryObject(await searchParams);
  const parsed = articleQuerySchema.safeParse(raw);
  const sections = listSections();
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const list = parsed.success ? listArticles(parsed.data, { scope: 'staff' }) : null;
  const now = new Date();
  return (
    <section>
      <h1>Articles</h1>
      <CatalogueFilters values={raw} sections={sections} errors={errors} action="/admin/articles" />
      {!list ? (
        <p role="alert" className="notice error">
          Some of the search settings cannot be used: {Object.values(errors).join(' ')}
        </p>
      ) : list.items.length === 0 ? (
        <p className="empty-state" role="status">
          No articles match.
        </p>
      ) : (
        <>
          <p className="results-summary" role="status">
            {formatCount(list.total)}
            {list.totalCapped ? '+' : ''} {list.total === 1 ? 'article' : 'articles'}, including hidden and embargoed
            ones.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Section</th>
                  <th scope="col">Published</th>
                  <th scope="col">Rights</th>
                  <th scope="col" className="num">
                    Premium
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                    </th>
                    <td>{a.section}</td>
                    <td>{formatDate(a.publishedAt)}</td>
                    <td>{RIGHTS_LABELS[a.rightsStatus]}</td>
                    <td className="num">×{(a.premiumMilli / 1000).toFixed(3).replace(/\.?0+$/, '')}</td>
                    <td>
                      {a.hidden && <span className="badge warn">Hidden</span>}{' '}
                      {a.embargoUntil && new Date(a.embargoUntil) > now && (
                        <span className="badge warn">Embargoed</span>
                      )}{' '}
                      {a.state !== 'published' && (
                        <span className={`badge ${a.state === 'withdrawn' ? 'bad' : 'neutral'}`}>
                          {a.state === 'withdrawn' ? 'Withdrawn' : 'Corrected'}
                        </span>
                      )}{' '}
                      {isPubliclyVisible(a, now) &&
                        (a.licensable ? (
                          <span className="badge ok">Licensable</span>
                        ) : (
                          <span className="badge neutral">Not licensable</span>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            query={parsed.data!}
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            path="/admin/articles"
          />
        </>
      )}
    </section>
  );
}
