/** Words people read for money: codes stay in the database and the API. Pure: safe in client components. */
import type { PaymentMethod } from '@/db/enums';

/** What the request's audit trail calls each money event (request_events.action). */
export const MONEY_ACTION_LABELS: Record<string, string> = {
  record_payment: 'Payment recorded',
  invoice_paid: 'Invoice paid',
  void_invoice: 'Invoice void',
  credit_note: 'Credit note',
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  transfer: 'Bank transfer',
  card: 'Card',
  cheque: 'Cheque',
  other: 'Other',
};
