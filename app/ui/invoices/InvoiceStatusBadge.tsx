import { INVOICE_STATE_LABELS, type InvoiceState } from '@/lib/invoices/status';

const TONE: Record<InvoiceState, string> = {
  unpaid: 'neutral',
  part_paid: 'neutral',
  overdue: 'warn',
  paid: 'ok',
  void: 'bad',
};

export function InvoiceStatusBadge({ state }: { state: InvoiceState }) {
  return (
    <span className={`badge ${TONE[state]}`} data-testid="invoice-state">
      {INVOICE_STATE_LABELS[state]}
    </span>
  );
}
