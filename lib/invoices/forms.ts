import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { PublicUser } from '@/db/schema';
import { formatMoney } from '@/lib/quote';
import { recordCreditNote, recordPayment } from './payments';
import type { CreditNoteInput, RecordPaymentInput } from './schema';

// The staff actions' domain side: typed input and the user, the sentence the form shows on success.

export function recordPaymentForm(input: RecordPaymentInput, user: PublicUser, db: Db = getDb()): string {
  const inv = recordPayment(input, user, db);
  return inv.status === 'paid'
    ? `Payment recorded: invoice ${inv.number} is paid in full.`
    : `Payment recorded: ${formatMoney(inv.total - inv.amountPaid, inv.currency)} of invoice ${inv.number} is still owed.`;
}

export function creditNoteForm(input: CreditNoteInput, user: PublicUser, db: Db = getDb()): string {
  const inv = recordCreditNote(input, user, db);
  return `Credit note of ${formatMoney(input.amount, inv.currency)} recorded on invoice ${inv.number}.`;
}
