import 'server-only';
import type { Invoice } from '@/db/schema';
import { composeMail } from '@/lib/mail/compose';
import type { Mail } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/quote';
import type { SellerSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { formatDate } from '@/lib/licenses/labels';

export const invoiceLink = (number: string) => `${siteUrl()}/account/invoices/${number}`;

/** The invoice mails: the desk's one composer, tied to the request and licence they are about. */
function mail(
  base: { to: string; requestId: number; licenseId: number; kind: string; subject: string },
  paragraphs: string[],
  link: { href: string; label: string },
): Mail {
  const { requestId, licenseId } = base;
  return { ...composeMail(base.to, base.kind, base.subject, paragraphs, link), requestId, licenseId };
}

/** How to pay, in words: the amount, by when, the bank details and the reference to quote. */
export function howToPay(
  invoice: Pick<Invoice, 'number' | 'total' | 'amountPaid' | 'currency' | 'dueOn'>,
  seller: SellerSettings,
): string {
  const owed = formatMoney(invoice.total - invoice.amountPaid, invoice.currency);
  return [
    `Please pay ${owed} by ${formatDate(invoice.dueOn)} by bank transfer to ${seller.legalName}:`,
    ...seller.bankDetails,
    `Reference to quote: ${invoice.number}`,
  ].join('\n');
}

type To = { to: string; requestId: number; licenseId: number };

/** `catalogue`: a catalogue licence, delivered through the export API rather than as copies. */
export function receiptMail(to: To, invoice: Invoice, licenseCode: string, catalogue = false): Mail {
  return mail(
    { ...to, kind: 'payment_received', subject: `Payment received for invoice ${invoice.number}` },
    [
      `Thank you: invoice ${invoice.number} for ${formatMoney(invoice.total, invoice.currency)} is paid in full (licence ${licenseCode}).`,
      catalogue
        ? `Your receipt is on the invoice page, and the licensed articles can be exported now with your API tokens (${siteUrl()}/api/v1/licenses/${licenseCode}/export).`
        : 'Your receipt is on the invoice page, and your licensed copies can be downloaded now.',
    ],
    { href: invoiceLink(invoice.number), label: 'Receipt and downloads' },
  );
}

/** `locked`: the licence's downloads wait for this invoice (a fee above the payment threshold). */
export function reminderMail(to: To, invoice: Invoice, seller: SellerSettings, locked: boolean): Mail {
  return mail(
    { ...to, kind: 'invoice_reminder', subject: `Reminder: invoice ${invoice.number} is overdue` },
    [
      `Invoice ${invoice.number} was due on ${formatDate(invoice.dueOn)} and ${formatMoney(invoice.total - invoice.amountPaid, invoice.currency)} is still owed.${locked ? ' The licensed copies can be downloaded once it is paid.' : ''}`,
      howToPay(invoice, seller),
    ],
    { href: invoiceLink(invoice.number), label: 'The invoice' },
  );
}
