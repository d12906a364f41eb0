import { formatMoment } from '@/app/ui/requests/dates';
import type { invoiceHistory } from '@/lib/invoices/queries';
import { formatMoney } from '@/lib/quote';

const KIND_LABELS: Record<string, string> = {
  issued: 'Issued',
  payment: 'Payment',
  paid: 'Paid in full',
  void: 'Void',
  credit_note: 'Credit note',
  reminder: 'Reminder sent',
  checkout: 'Online payment started',
};

/** The invoice's history: what happened, the amount, who (or the system) and when. */
export function InvoiceHistory({ events, currency }: { events: ReturnType<typeof invoiceHistory>; currency: string }) {
  return (
    <ol className="timeline" data-testid="invoice-history">
      {events.map(({ event: e, actorName }) => (
        <li key={e.id}>
          <strong>{KIND_LABELS[e.kind] ?? e.kind}</strong>
          {e.amount !== null && ` ${formatMoney(e.amount, currency)}`} — {actorName ?? 'System'},{' '}
          <time dateTime={e.createdAt}>{formatMoment(e.createdAt)}</time>
          {e.note && <p className="event-note">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
