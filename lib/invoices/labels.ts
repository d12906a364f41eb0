/** What the request's audit trail calls each money event (request_events.action). Pure. */
export const MONEY_ACTION_LABELS: Record<string, string> = {
  record_payment: 'Payment recorded',
  invoice_paid: 'Invoice paid',
  void_invoice: 'Invoice void',
  credit_note: 'Credit note',
};
