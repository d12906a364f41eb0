import Link from 'next/link';
import { formatDate } from '@/lib/licenses/labels';
import { PAYMENT_METHOD_LABELS } from '@/lib/invoices/labels';
import { invoiceForLicense, invoiceHistory, invoicePayments } from '@/lib/invoices/queries';
import { invoiceState } from '@/lib/invoices/status';
import { formatMoney } from '@/lib/quote';
import { intToDecimal } from '@/lib/validation/amounts';
import { CreditNoteForm } from './CreditNoteForm';
import { InvoiceHistory } from './InvoiceHistory';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { RecordPaymentForm } from './RecordPaymentForm';

/** For the staff request page: the licence's invoice, its payments and history, and the money forms. */
export function StaffInvoicePanel({ licenseId }: { licenseId: number }) {
  const invoice = invoiceForLicense(licenseId);
  if (!invoice) return null;
  const today = new Date().toISOString().slice(0, 10);
  const owed = invoice.status === 'open' ? invoice.total - invoice.amountPaid : 0;
  const paid = invoicePayments(invoice.id);
  return (
    <section aria-labelledby="invoice-panel-heading" className="card" data-testid="staff-invoice">
      <h2 id="invoice-panel-heading">
        Invoice <Link href={`/account/invoices/${invoice.number}`}>{invoice.number}</Link>{' '}
        <InvoiceStatusBadge state={invoiceState(invoice, today)} />
      </h2>
      <p>
        {formatMoney(invoice.total, invoice.currency)} due {formatDate(invoice.dueOn)} · paid{' '}
        {formatMoney(invoice.amountPaid, invoice.currency)}
        {invoice.amountCredited > 0 && ` · credited ${formatMoney(invoice.amountCredited, invoice.currency)}`} · owed{' '}
        <strong data-testid="invoice-owed">{formatMoney(owed, invoice.currency)}</strong>
      </p>
      {paid.length > 0 && (
        // On a phone the table scrolls sideways in its box; a keyboard reaches the box to scroll it.
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Payments">
          <table className="table">
            <caption>Payments</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Amount</th>
                <th scope="col">Method</th>
                <th scope="col">Reference</th>
                <th scope="col">Recorded by</th>
              </tr>
            </thead>
            <tbody>
              {paid.map(({ payment: p, recordedBy }) => (
                <tr key={p.id}>
                  <td>{formatDate(p.receivedOn)}</td>
                  <td>{formatMoney(p.amount, invoice.currency)}</td>
                  <td>{PAYMENT_METHOD_LABELS[p.method]}</td>
                  <td>{p.providerPaymentId ?? p.reference}</td>
                  <td>{recordedBy ?? 'Online payment'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {invoice.status === 'paid' && owed === 0 && (
        // The payment form goes once nothing is owed; this says why, where staff just pressed it.
        <p className="notice success" role="status">
          Invoice {invoice.number} is paid in full.
        </p>
      )}
      {owed > 0 && <RecordPaymentForm number={invoice.number} owed={intToDecimal(owed, 2)} today={today} />}
      {invoice.amountPaid > invoice.amountCredited && <CreditNoteForm number={invoice.number} />}
      <details>
        <summary>Invoice history</summary>
        <InvoiceHistory events={invoiceHistory(invoice.id)} currency={invoice.currency} />
      </details>
    </section>
  );
}
