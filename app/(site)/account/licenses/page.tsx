import type { Metadata } from 'next';
import Link from 'next/link';
import { DownloadLinks } from '@/app/ui/licenses/DownloadLinks';
import { Pager } from '@/app/ui/shell/Pager';
import { StatusBadge } from '@/app/ui/licenses/StatusBadge';
import { requirePage } from '@/lib/auth/session';
import { downloadAvailability } from '@/lib/licenses/download';
import { formatShortDate } from '@/lib/licenses/labels';
import { listOrgLicenses } from '@/lib/licenses/queries';
import { formatMoney } from '@/lib/quote';

export const metadata: Metadata = { title: 'My licences' };

export default async function AccountLicensesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePage('user', '/account/licenses');
  const { page } = await searchParams;
  if (!user.organizationId) {
    return (
      <section className="empty-state">
        <h1>My licences</h1>
        <p>This page lists an organisation’s licences. Your account does not belong to a licensee organisation.</p>
      </section>
    );
  }
  const list = await listOrgLicenses(user.organizationId, Number(page) || 1);
  const rows = await Promise.all(list.rows.map(async (l) => ({ ...l, refusal: await downloadAvailability(l, user) })));

  return (
    <section>
      <h1>My licences</h1>
      <p className="lead">
        Download licensed copies, the licence certificate, and follow corrections to what you republish.
      </p>
      {rows.length === 0 ? (
        <div className="empty-state">
          <h2>No licences yet</h2>
          <p>
            Once a request is approved, its licence appears here.{' '}
            <Link href="/articles">Find articles to republish</Link>.
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Your organisation’s licences, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Licence</th>
                <th scope="col">Articles</th>
                <th scope="col">Status</th>
                <th scope="col">Valid</th>
                <th scope="col" className="num">
                  Fee
                </th>
                <th scope="col">Payment</th>
                <th scope="col">Download</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id} data-testid={`license-${l.code}`}>
                  <td className="nowrap">
                    <Link href={`/account/licenses/${l.code}`}>{l.code}</Link>
                    <div className="hint">{l.terms.publicationName}</div>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {l.terms.articles.map((a) => (
                        <li key={a.id}>{a.title}</li>
                      ))}
                    </ul>
                    {l.hasNotices && (
                      <Link href={`/account/licenses/${l.code}#notices`} className="badge warn">
                        Notice from the desk
                      </Link>
                    )}
                  </td>
                  <td>
                    <StatusBadge license={l} />
                  </td>
                  <td className="nowrap">
                    {formatShortDate(l.validFrom)} –<br />
                    {l.validUntil ? formatShortDate(l.validUntil) : 'no end date'}
                  </td>
                  <td className="num">{formatMoney(l.fee, l.currency)}</td>
                  <td>
                    {l.paidAt ? <span className="badge ok">Paid</span> : <span className="badge neutral">Unpaid</span>}
                    <div className="hint nowrap">{l.invoiceRef}</div>
                  </td>
                  <td>
                    <DownloadLinks code={l.code} refusal={l.refusal} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={list.page}
        pages={list.pages}
        hasNext={list.page < list.pages}
        href={(p) => `/account/licenses?page=${p}`}
      />
    </section>
  );
}
