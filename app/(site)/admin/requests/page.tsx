import type { Metadata } from 'next';
import Link from 'next/link';
import { QueueFilters } from '@/app/ui/admin/QueueFilters';
import { formatDay } from '@/app/ui/requests/dates';
import { StatusBadge } from '@/app/ui/requests/StatusBadge';
import { REQUEST_STATUSES } from '@/db/enums';
import { requirePage } from '@/lib/auth/session';
import { formatMoney } from '@/lib/quote';
import { formatAge, isOverdue, OVERDUE_WORKING_DAYS } from '@/lib/requests/age';
import { STATUS_LABELS } from '@/lib/requests/machine';
import { USE_LABELS } from '@/lib/requests/labels';
import { listQueue, organizationName, statusCounts } from '@/lib/requests/queue';
import { parseQueueFilters, QUEUE_PAGE_SIZE, queueQuery } from '@/lib/validation/admin-queue';
import { Pager } from '@/app/ui/shell/Pager';
import { UnlistedAsks } from '@/app/ui/admin/UnlistedAsks';
import { listWaitingAsks } from '@/lib/requests/unlisted-asks';

export const metadata: Metadata = { title: 'Request queue' };

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage('staff', '/admin');
  const f = parseQueueFilters(await searchParams);
  const [page, counts, orgName, asks] = await Promise.all([
    listQueue(f),
    statusCounts(),
    f.org ? organizationName(f.org) : undefined,
    listWaitingAsks(),
  ]);
  const now = new Date();
  const first = (f.page - 1) * QUEUE_PAGE_SIZE + 1;
  const pages = page.total === null ? null : Math.max(1, Math.ceil(page.total / QUEUE_PAGE_SIZE));
  const countLinks = [
    { key: 'open', label: 'Open', n: counts.open },
    ...REQUEST_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], n: counts[s] })),
    { key: 'all', label: 'All', n: counts.all },
  ];

  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">Requests</h1>
      <nav aria-label="Requests by status">
        <ul className="status-counts">
          {countLinks.map((c) => (
            <li key={c.key}>
              <Link
                href={`/admin/requests${queueQuery(f, { status: c.key as typeof f.status, page: 1 })}`}
                aria-current={f.status === c.key ? 'true' : undefined}
              >
                <span className="count" data-testid={`count-${c.key}`}>
                  {c.n.toLocaleString('en-GB')}
                </span>{' '}
                {c.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <QueueFilters f={f} orgName={orgName} />
      <p className="actions-row">
        <a href={`/admin/requests/export${queueQuery(f, { page: 1 })}`} className="button secondary small" download>
          Export these requests (CSV)
        </a>
        <span className="muted">Open for more than {OVERDUE_WORKING_DAYS} working days is marked overdue.</span>
      </p>

      {page.everyStatus && f.status !== 'all' && (
        <p className="notice info" role="status" data-testid="every-status">
          “{f.q}” names one request, so it is looked up whatever its status.
        </p>
      )}
      {page.rows.length === 0 ? (
        <div className="empty-state">
          <h2>No requests here</h2>
          {page.otherStatusMatches > 0 ? (
            <p data-testid="closed-matches">
              No {f.status === 'open' ? 'open' : STATUS_LABELS[f.status as keyof typeof STATUS_LABELS].toLowerCase()}{' '}
              request matches “{f.q}”, but {page.otherStatusMatches.toLocaleString('en-GB')}{' '}
              {f.status === 'open' ? 'closed' : 'other'}{' '}
              {page.otherStatusMatches === 1 ? 'request does' : 'requests do'}.{' '}
              <Link href={`/admin/requests${queueQuery(f, { status: 'all', page: 1 })}`}>
                Show {page.otherStatusMatches === 1 ? 'it' : 'them'}
              </Link>
            </p>
          ) : (
            <p>
              {f.page > 1
                ? 'This page is past the end of the list.'
                : f.q
                  ? 'Nothing matches these filters. Search by a reference (RR-…), a licence code (LIC-…) or an organisation name.'
                  : 'Nothing matches these filters.'}
            </p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="queue">
            <caption className="sr-only">
              Requests {first}–{first + page.rows.length - 1}
              {page.total !== null ? ` of ${page.total}` : ''}, {f.sort === 'oldest' ? 'oldest' : 'newest'} first
            </caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Status</th>
                <th scope="col">Organisation</th>
                <th scope="col">Articles</th>
                <th scope="col">Use</th>
                <th scope="col" className="num">
                  Fee
                </th>
                <th scope="col">Submitted</th>
                <th scope="col">Age</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => {
                const overdue = isOverdue(r.status, r.createdAt, now);
                return (
                  <tr key={r.id} className={overdue ? 'overdue' : undefined}>
                    <th scope="row">
                      <Link href={`/admin/requests/${r.reference}`}>{r.reference}</Link>
                    </th>
                    <td>
                      <StatusBadge status={r.status} />
                      {r.requiresReview && <span className="badge neutral">Review needed</span>}
                    </td>
                    <td>
                      <Link href={`/admin/requests${queueQuery(f, { org: r.organizationId, page: 1 })}`}>
                        {r.organization}
                      </Link>
                    </td>
                    <td>
                      {r.articles[0]?.title ?? '—'}
                      {r.articleCount > 1 && (
                        <span className="muted"> +{(r.articleCount - 1).toLocaleString('en-GB')} more</span>
                      )}
                    </td>
                    <td>{USE_LABELS[r.use]}</td>
                    <td className="num">{formatMoney(r.fee, r.currency)}</td>
                    <td>{formatDay(r.createdAt)}</td>
                    <td>
                      {formatAge(r.createdAt, now)}
                      {overdue && <span className="badge warn">Overdue</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <Pager
        page={f.page}
        pages={pages}
        hasNext={page.hasNext}
        href={(p) => `/admin/requests${queueQuery(f, { page: p })}`}
        note={page.total !== null ? `· ${page.total.toLocaleString('en-GB')} requests` : undefined}
      />

      <UnlistedAsks asks={asks} />
    </section>
  );
}
