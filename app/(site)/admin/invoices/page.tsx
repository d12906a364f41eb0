import type { Metadata } from 'next';
import Link from 'next/link';
import { InvoiceStatusBadge } from '@/app/ui/invoices/InvoiceStatusBadge';
import { requirePage } from '@/lib/auth/session';
import { parseReceivableFilters, receivables } from '@/lib/invoices/receivables';
import { AGEING_BUCKETS, AGEING_LABELS, INVOICE_STATE_LABELS, INVOICE_STATES } from '@/lib/invoices/status';
import { formatShortDate } from '@/lib/licenses/labels';
import { formatMoney } from '@/lib/quote';

export const metadata: Metadata = { title: 'Invoices' };

type Search = Record<string, string | string[] | undefined>;

export default async function AdminInvoicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePage('staff', '/admin/invoices');
  const f = parseReceivableFilters(await searchParams);
  const { rows, totals } = receivables(f);
  const query = new URLSearchParams({ state: f.state, bucket: f.bucket, ...(f.q ? { q: f.q } : {}) }).toString();
  return (
    <section aria-labelledby="invoices-heading">
      <h1 id="invoices-heading">Invoices</h1>
      <dl className="stat-grid facts" data-testid="receivable-totals">
        <dt>Invoiced</dt>
        <dd>{formatMoney(totals.invoiced)}</dd>
        <dt>Received</dt>
        <dd>{formatMoney(totals.received)}</dd>
        {totals.credited > 0 && (
          // Refunds come off what was received (the dashboard shows received after them).
          <>
            <dt>Credited</dt>
            <dd>{formatMoney(totals.credited)}</dd>
          </>
        )}
        <dt>Outstanding</dt>
        <dd>{formatMoney(totals.outstanding)}</dd>
        <dt>Overdue</dt>
        <dd>{formatMoney(totals.overdue)}</dd>
      </dl>
      <div className="table-wrap">
        <table data-testid="ageing">
          <caption>Ageing of what is owed</caption>
          <thead>
            <tr>
              {AGEING_BUCKETS.map((b) => (
                <th scope="col" key={b} className="num">
                  <Link href={`/admin/invoices?bucket=${encodeURIComponent(b)}`}>{AGEING_LABELS[b]}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {AGEING_BUCKETS.map((b) => (
                <td key={b} className="num" data-bucket={b}>
                  {formatMoney(totals.buckets[b])}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <form method="get" className="inline-form" role="search" aria-label="Filter invoices">
        <label htmlFor="inv-state">Status</label>{' '}
        <select id="inv-state" name="state" defaultValue={f.state}>
          <option value="all">All</option>
          {INVOICE_STATES.map((s) => (
            <option key={s} value={s}>
              {INVOICE_STATE_LABELS[s]}
            </option>
          ))}
        </select>{' '}
        <label htmlFor="inv-bucket">Ageing</label>{' '}
        <select id="inv-bucket" name="bucket" defaultValue={f.bucket}>
          <option value="all">All</option>
          {AGEING_BUCKETS.map((b) => (
            <option key={b} value={b}>
              {AGEING_LABELS[b]}
            </option>
          ))}
        </select>{' '}
        <label htmlFor="inv-q">Organisation or number</label> <input id="inv-q" name="q" defaultValue={f.q} />{' '}
        <button type="submit" className="button small">
          Filter
        </button>{' '}
        <a className="button small secondary" href={`/admin/invoices/export?${query}`}>
          Export CSV
        </a>
      </form>
      {rows.length === 0 ? (
        <p className="muted">No invoices match.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Organisation</th>
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
              {rows.map((r) => (
                <tr key={r.invoice.id}>
                  <th scope="row">
                    <Link href={`/account/invoices/${r.invoice.number}`}>{r.invoice.number}</Link>
                  </th>
                  <td>{r.organization}</td>
                  <td>{formatShortDate(r.invoice.issuedOn)}</td>
                  <td>{formatShortDate(r.invoice.dueOn)}</td>
                  <td className="num">{formatMoney(r.invoice.total, r.invoice.currency)}</td>
                  <td className="num">{formatMoney(r.owed, r.invoice.currency)}</td>
                  <td>
                    <InvoiceStatusBadge state={r.state} />
                    {r.bucket && r.bucket !== 'current' && <div className="hint">{AGEING_LABELS[r.bucket]}</div>}
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
