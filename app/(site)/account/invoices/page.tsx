import type { Metadata } from 'next';
import Link from 'next/link';
import { InvoiceStatusBadge } from '@/app/ui/invoices/InvoiceStatusBadge';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';
import { listOrgInvoices } from '@/lib/invoices/queries';
import { invoiceState, outstanding } from '@/lib/invoices/status';
import { formatShortDate } from '@/lib/licenses/labels';
import { formatMoney } from '@/lib/quote';

export const metadata: Metadata = { title: 'Invoices' };

export default async function AccountInvoicesPage() {
  const user = await requirePage('user', '/account/invoices');
  if (!user.organizationId) {
    return (
      <section className="empty-state">
        <h1>Invoices</h1>
        <p>This page lists an organisation’s invoices. Your account does not belong to a licensee organisation.</p>
        {can(user, 'staff') && (
          <p>
            Every organisation’s invoices are in <Link href="/admin/invoices">the desk’s receivables</Link>.
          </p>
        )}
      </section>
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const rows = listOrgInvoices(user.organizationId);
  const owed = rows.reduce((s, r) => s + outstanding(r.invoice), 0);
  return (
    <section>
      <h1>Invoices</h1>
      <p className="lead">
        {owed > 0 ? (
          <>
            Outstanding: <strong>{formatMoney(owed)}</strong>. Licences above the desk’s payment threshold can be
            downloaded once their invoice is paid.
          </>
        ) : (
          'Nothing is owed.'
        )}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No invoices yet: each licence with a fee has one.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Licence</th>
                <th scope="col">Issued</th>
                <th scope="col">Due</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col" className="num">
                  Owed
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ invoice: i, code }) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link href={`/account/invoices/${i.number}`}>{i.number}</Link>
                  </th>
                  <td>
                    <Link href={`/account/licenses/${code}`}>{code}</Link>
                  </td>
                  <td>{formatShortDate(i.issuedOn)}</td>
                  <td>{formatShortDate(i.dueOn)}</td>
                  <td className="num">{formatMoney(i.total, i.currency)}</td>
                  <td className="num">{formatMoney(outstanding(i), i.currency)}</td>
                  <td>
                    <InvoiceStatusBadge state={invoiceState(i, today)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
