/**
 * What an invoice's state reads as, from what is stored and today's date. Pure: the pages, the
 * receivables list, the CSV and the reminders all ask here.
 */
import type { Invoice } from '@/db/schema';
import { daysBetween } from './dates';

export const INVOICE_STATES = ['unpaid', 'part_paid', 'overdue', 'paid', 'void'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

export const INVOICE_STATE_LABELS: Record<InvoiceState, string> = {
  unpaid: 'Unpaid',
  part_paid: 'Part-paid',
  overdue: 'Overdue',
  paid: 'Paid',
  void: 'Void',
};

type Amounts = Pick<Invoice, 'status' | 'total' | 'amountPaid' | 'dueOn'>;

export const outstanding = (i: Amounts) => (i.status === 'open' ? i.total - i.amountPaid : 0);

export function invoiceState(i: Amounts, today: string): InvoiceState {
  if (i.status === 'void') return 'void';
  if (i.status === 'paid') return 'paid';
  if (today > i.dueOn) return 'overdue';
  return i.amountPaid > 0 ? 'part_paid' : 'unpaid';
}

export const AGEING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export const AGEING_LABELS: Record<AgeingBucket, string> = {
  current: 'Current',
  '1-30': '1–30 days overdue',
  '31-60': '31–60 days overdue',
  '61-90': '61–90 days overdue',
  '90+': 'Over 90 days overdue',
};

/** The ageing bucket of money still owed; null when nothing is owed. */
export function ageingBucket(i: Amounts, today: string): AgeingBucket | null {
  if (outstanding(i) === 0) return null;
  const late = daysBetween(i.dueOn, today);
  if (late <= 0) return 'current';
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}
