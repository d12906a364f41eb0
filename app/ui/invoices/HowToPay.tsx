import { formatDate } from '@/lib/licenses/labels';
import type { InvoiceDocument } from '@/lib/invoices/draft';
import { stripeConfigured } from '@/lib/invoices/stripe';
import { formatMoney } from '@/lib/quote';
import { PayOnlineButton } from './PayOnlineButton';

/** The amount still owed, by when, the bank details and the reference to quote — and the card button when enabled. */
export function HowToPay({ invoice, canPayOnline }: { invoice: InvoiceDocument; canPayOnline: boolean }) {
  const owed = formatMoney(invoice.total - invoice.amountPaid, invoice.currency);
  return (
    <section aria-labelledby="how-to-pay" className="card" data-testid="how-to-pay">
      <h2 id="how-to-pay">How to pay</h2>
      <p>
        <strong>{owed}</strong> is due by <strong>{formatDate(invoice.dueOn)}</strong>.
      </p>
      {canPayOnline && stripeConfigured() && <PayOnlineButton number={invoice.number} amount={owed} />}
      <p>By bank transfer to {invoice.seller.legalName}:</p>
      <ul className="plain">
        {invoice.seller.bankDetails.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p>
        Reference to quote: <strong data-testid="pay-reference">{invoice.number}</strong>
      </p>
    </section>
  );
}
