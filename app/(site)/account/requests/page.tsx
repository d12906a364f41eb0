import type { Metadata } from 'next';
import Link from 'next/link';
import { articleCountText } from '@/lib/catalogue-licences/words';
import { formatDay } from '@/app/ui/requests/dates';
import { StatusBadge } from '@/app/ui/requests/StatusBadge';
import { REQUEST_STATUSES, type RequestStatus } from '@/db/enums';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';
import { formatMoney } from '@/lib/quote';
import { STATUS_LABELS } from '@/lib/requests/machine';
import { currentFee, getOrganization, listOrgRequests, type RequestPage } from '@/lib/requests/queries';
import { Pager } from '@/app/ui/shell/Pager';

export const metadata: Metadata = { title: 'My requests' };

type SearchParams = { status?: string; page?: string };

function pageHref(status: RequestStatus | undefined, page: number): string {
  const p = new URLSearchParams();
  if (status) p.set('status', status);
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return qs ? `/account/requests?${qs}` : '/account/requests';
}

export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const status = (REQUEST_STATUSES as readonly string[]).includes(sp.status ?? '')
    ? (sp.status as RequestStatus)
    : undefined;
  const page = Number.parseInt(sp.page ?? '1', 10) || 1;
  const user = await requirePage('user', pageHref(status, page));
  const org = !can(user, 'staff') && user.organizationId ? getOrganization(user.organizationId) : undefined;
  if (!org) {
    return (
      <section>
        <h1>My requests</h1>
        <p className="notice info">
          {can(user, 'staff') ? (
            <>
              Staff follow requests in the <Link href="/admin/requests">review queue</Link>.
            </>
          ) : (
            'Your account is not linked to an organisation.'
          )}
        </p>
      </section>
    );
  }

  const data = listOrgRequests(org.id, { status, page });
  const all = Object.values(data.byStatus).reduce((a, b) => a + (b ?? 0), 0);

  return (
    <section>
      <h1>My requests</h1>
      <p className="lead">Republishing requests made by everyone at {org.name}.</p>
      <form method="get" className="filters" aria-label="Filter requests">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={status ?? ''}>
            <option value="">All ({all})</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]} ({data.byStatus[s] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
        <Link href="/republish" className="button">
          New request
        </Link>
      </form>

      {data.rows.length === 0 ? (
        <div className="empty-state">
          <h2>{status ? `No requests ${STATUS_LABELS[status].toLowerCase()}` : 'No requests yet'}</h2>
          <p>
            {status ? (
              <Link href="/account/requests">Show all requests</Link>
            ) : (
              <>
                Find an article in the <Link href="/articles">catalogue</Link> and price your use to start one.
              </>
            )}
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">
              Requests{status ? ` (${STATUS_LABELS[status]})` : ''}, page {data.page} of {data.pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Articles</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Fee
                </th>
                <th scope="col">Submitted</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.reference} data-testid="request-row">
                  <td className="nowrap">
                    <Link href={`/account/requests/${r.reference}`}>{r.reference}</Link>
                  </td>
                  <td>
                    {r.catalogue ? (
                      <>
                        <strong>Catalogue licence</strong>, {articleCountText(r.articleCount)}
                      </>
                    ) : (
                      <>
                        {r.articles
                          .slice(0, 3)
                          .map((a) => a.title)
                          .join('; ')}
                        {r.articleCount > 3 && <span className="muted"> and {r.articleCount - 3} more</span>}
                      </>
                    )}
                    <div className="hint">{r.publicationName}</div>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.status === 'countered' && (
                      <span className="badge warn" data-testid="action-needed">
                        Action needed
                      </span>
                    )}
                  </td>
                  <td className="num">
                    <Fee r={r} />
                  </td>
                  <td>{formatDay(r.createdAt)}</td>
                  <td>{formatDay(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager
        page={data.page}
        pages={data.pageCount}
        hasNext={data.page < data.pageCount}
        href={(p) => pageHref(status, p)}
      />
    </section>
  );
}

/** The fee in play; when the desk changed it, the original quote struck through before it (once). */
function Fee({ r }: { r: RequestPage['rows'][number] }) {
  const fee = currentFee(r);
  return (
    <span className="nowrap">
      {fee !== r.quoteTotal && (
        <>
          <s className="muted">
            <span className="sr-only">quoted </span>
            {formatMoney(r.quoteTotal, r.currency)}
          </s>{' '}
        </>
      )}
      <span data-testid="request-fee">{formatMoney(fee, r.currency)}</span>
    </span>
  );
}
