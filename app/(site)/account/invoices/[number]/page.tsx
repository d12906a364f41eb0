import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HowToPay } from '@/app/ui/invoices/HowToPay';
import { InvoiceHistory } from '@/app/ui/invoices/InvoiceHistory';
import { InvoiceStatusBadge } from '@/app/ui/invoices/InvoiceStatusBadge';
import { InvoiceView } from '@/app/ui/invoices/InvoiceView';
import { requirePage } from '@/lib/auth/session';
import { can } from '@/lib/auth/can';
import { PAYMENT_METHOD_LABELS } from '@/lib/invoices/labels';
import { findInvoiceFor, invoiceHistory, invoicePayments } from '@/lib/invoices/queries';
import { invoiceState } from '@/lib/invoices/status';
import { formatDate } from '@/lib/licenses/labels';
import { formatMoney } from '@/lib/quote';

export const metadata: Metadata = { title: 'Invoice', robots: { index: false } };

export default async function InvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ paid?: string }>;
}) {
  const { number } = await params;
  const user = await requirePage('user', `/account/invoices/${encodeURIComponent(number)}`);
  const found = findInvoiceFor(number, user);
  if (!found) notFound();
  const { invoice, licenseCode } = found;
  const state = invoiceState(invoice, new Date().toISOString().slice(0, 10));
  const received = invoicePayments(invoice.id);
  const staff = can(user, 'staff');
  const backFromCheckout = (await searchParams).paid === 'online';

  return (
    <article>
      <p>
        <Link href="/account/invoices">← Invoices</Link> ·{' '}
        <Link href={`/account/licenses/${licenseCode}`}>Licence {licenseCode}</Link>
      </p>
      <h1>
        {state === 'paid' ? 'Receipt' : 'Invoice'} {invoice.number} <InvoiceStatusBadge state={state} />
      </h1>
      {backFromCheckout && state !== 'paid' && (
        <p className="notice info" role="status">
          Thank you: we are waiting for the payment provider to confirm your payment. This page shows it as paid once it
          does.
        </p>
      )}
      {state === 'paid' && (
        <p className="notice success">
          Paid in full on {formatDate(invoice.paidAt)}. Your licensed copies can be downloaded from the{' '}
          <Link href={`/account/licenses/${licenseCode}`}>licence page</Link>.
        </p>
      )}
      {state === 'void' && (
        <p className="notice warn">
          This invoice is void: the licence was revoked before it was paid. Nothing is owed.
        </p>
      )}
      <p>
        <a className="button secondary small" href={`/account/invoices/${invoice.number}/pdf`}>
          {state === 'paid' ? 'Receipt' : 'Invoice'} as PDF
        </a>
      </p>
      <InvoiceView invoice={invoice} />
      {invoice.status === 'open' && <HowToPay invoice={invoice} canPayOnline={!staff} />}
      {received.length > 0 && (
        <section aria-labelledby="payments-heading">
          <h2 id="payments-heading">Payments received</h2>
          <ul>
            {received.map(({ payment: p }) => (
              <li key={p.id}>
                {formatMoney(p.amount, invoice.currency)} on {formatDate(p.receivedOn)} (
                {p.method === 'card' && p.providerPaymentId
                  ? 'card, online'
                  : PAYMENT_METHOD_LABELS[p.method].toLowerCase()}
                )
              </li>
            ))}
          </ul>
        </section>
      )}
      {staff && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <InvoiceHistory events={invoiceHistory(invoice.id)} currency={invoice.currency} />
        </section>
      )}
    </article>
  );
}
