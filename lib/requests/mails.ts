import type { Invoice, License, LicenseRequest } from '@/db/schema';
import { articleCountText, selectionSentence } from '@/lib/catalogue-licences/words';
import { howToPay } from '@/lib/invoices/mails';
import { formatDate } from '@/lib/licenses/labels';
import type { SellerSettings } from '@/lib/settings';
import { formatMoney } from '@/lib/quote';
import { siteUrl } from '@/lib/site';
import type { Mail } from '@/lib/mail/outbox';
import { USE_LABELS } from './labels';
import type { Action } from './machine';

// Plain-text mails: nothing a user typed can turn into markup in someone's mail client.

const requestLink = (ref: string) => `${siteUrl()}/account/requests/${ref}`;
const adminLink = (ref: string) => `${siteUrl()}/admin/requests/${ref}`;

/** What was asked for, in one line: a catalogue licence names its use and selection in words. */
function askedFor(req: LicenseRequest): string {
  if (!req.selection) return '';
  const count = (req.quote as { catalogue?: { count?: number } } | null)?.catalogue?.count;
  const articles = count === undefined ? '' : ` (${articleCountText(count)} as quoted)`;
  return `Catalogue licence: ${USE_LABELS[req.use]}, ${selectionSentence(req.selection)}${articles}.\n`;
}

export function submittedMails(req: LicenseRequest, requesterEmail: string, deskEmail: string): Mail[] {
  const fee = formatMoney(req.quoteTotal, req.currency);
  const what = askedFor(req);
  return [
    {
      to: requesterEmail,
      kind: 'request_received',
      requestId: req.id,
      subject: `We received your request ${req.reference}`,
      text: `Thank you. Your republishing request ${req.reference} for ${req.publicationName} has been received.\n${what}Quoted fee: ${fee}.\n\nFollow it at ${requestLink(req.reference)}`,
    },
    {
      to: deskEmail,
      kind: 'request_received_desk',
      requestId: req.id,
      subject: `New request ${req.reference} (${fee})`,
      text: `A new republishing request ${req.reference} from ${req.publicationName} is waiting.\n${what}Quoted fee: ${fee}.\n\nReview it at ${adminLink(req.reference)}`,
    },
  ];
}

/** The mail a transition sends, if any. `license` is set when the transition issued one. */
export function transitionMail(
  action: Action,
  req: LicenseRequest,
  ctx: {
    requesterEmail: string;
    deskEmail: string;
    note: string;
    license?: License;
    changes?: string[];
    /** The licence's invoice; `locked` when downloads wait for its payment. */
    payment?: { invoice: Invoice; seller: SellerSettings; locked: boolean } | null;
  },
): Mail | null {
  const base = { requestId: req.id, licenseId: ctx.license?.id ?? null };
  const toPublisher = (kind: string, subject: string, text: string): Mail => ({
    ...base,
    to: ctx.requesterEmail,
    kind,
    subject,
    text: `${text}\n\n${requestLink(req.reference)}`,
  });
  const toDesk = (kind: string, subject: string, text: string): Mail => ({
    ...base,
    to: ctx.deskEmail,
    kind,
    subject,
    text: `${text}\n\n${adminLink(req.reference)}`,
  });
  const note = ctx.note ? `\n\nNote from the desk: ${ctx.note}` : '';
  switch (action) {
    case 'approve':
    case 'accept_counter':
    case 'auto_approve': {
      const l = ctx.license!;
      const p = ctx.payment;
      // Never "download" while downloads wait for payment: say what is owed, by when and how to pay.
      const next = p?.locked
        ? `Your licensed copies can be downloaded once invoice ${p.invoice.number} is paid.\n\n${howToPay(p.invoice, p.seller)}\n\nThe invoice: ${siteUrl()}/account/invoices/${p.invoice.number}\nYour licence: ${siteUrl()}/account/licenses/${l.code}`
        : `${p ? `Invoice ${p.invoice.number} for ${formatMoney(p.invoice.total, p.invoice.currency)} is due by ${formatDate(p.invoice.dueOn)}: ${siteUrl()}/account/invoices/${p.invoice.number}\n` : ''}Download your licensed copies from ${siteUrl()}/account/licenses/${l.code}`;
      return toPublisher(
        'license_issued',
        `Licence ${l.code} issued for ${req.reference}`,
        `Your request ${req.reference} is approved. Licence ${l.code}, fee ${formatMoney(l.fee, l.currency)}.\n${next}\nVerify: ${siteUrl()}/licenses/${l.code}${note}`,
      );
    }
    case 'reject':
      return toPublisher(
        'decision',
        `Request ${req.reference} was not approved`,
        `We are sorry: your request ${req.reference} was not approved.\n\nReason: ${ctx.note}`,
      );
    case 'counter':
      return toPublisher(
        'counter_offer',
        `Counter-offer on ${req.reference}`,
        `The desk proposes ${formatMoney(req.counterFee, req.currency)} for ${req.reference}${
          ctx.changes?.length ? `, on changed terms:\n${ctx.changes.map((c) => `- ${c}`).join('\n')}\n\n` : '. '
        }Accept or decline it on the request page.${note}`,
      );
    case 'request_info':
      return toPublisher(
        'info_requested',
        `Question about ${req.reference}`,
        `The desk needs more information about ${req.reference}:\n\n${ctx.note}`,
      );
    case 'revoke':
      return toPublisher(
        'license_revoked',
        `Licence for ${req.reference} revoked`,
        `The licence for ${req.reference} has been revoked and the content must be taken down.\n\nReason: ${ctx.note}`,
      );
    case 'decline_counter':
      return toDesk(
        'counter_declined',
        `Counter-offer declined on ${req.reference}`,
        `The publisher declined the counter-offer on ${req.reference}.${ctx.note ? `\n\nTheir note: ${ctx.note}` : ''}`,
      );
    case 'withdraw':
      return toDesk(
        'withdrawn',
        `Request ${req.reference} withdrawn`,
        `The publisher withdrew ${req.reference}.${ctx.note ? `\n\nTheir note: ${ctx.note}` : ''}`,
      );
    default:
      return null;
  }
}
