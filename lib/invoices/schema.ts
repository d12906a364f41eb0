import { z } from 'zod';
import { PAYMENT_METHODS } from '@/db/enums';
import { pounds } from '@/lib/validation/amounts';
import { calendarDate, todayUtc } from '@/lib/validation/dates';
import { multiLine, singleLine } from '@/lib/validation/text';

export const MAX_PAYMENT = 100_000_000;

const invoiceNumber = singleLine({ message: 'Unknown invoice.' })
  .min(1, 'Unknown invoice.')
  .max(40, 'Unknown invoice.');

/** Staff recording money received (app/ui/invoices/RecordPaymentForm.tsx). */
export const recordPaymentSchema = z.object({
  number: invoiceNumber,
  amount: pounds('the amount', { max: MAX_PAYMENT }).refine((n) => n > 0, 'Enter an amount above zero.'),
  method: z.enum(PAYMENT_METHODS, { message: 'Choose how it was paid.' }),
  reference: singleLine().max(100, 'Keep the reference under 100 characters.').default(''),
  receivedOn: calendarDate('Enter the day it arrived, e.g. 2026-03-01.').refine(
    (d) => d <= todayUtc(),
    'The day it arrived cannot be in the future.',
  ),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>;

/** Staff recording a credit note (a refund) on a paid invoice. */
export const creditNoteSchema = z.object({
  number: invoiceNumber,
  amount: pounds('the amount', { max: MAX_PAYMENT }).refine((n) => n > 0, 'Enter an amount above zero.'),
  note: multiLine()
    .min(1, 'Say why: it is kept in the invoice history.')
    .max(2000, 'Keep the note under 2,000 characters.'),
});
export type CreditNoteInput = z.infer<typeof creditNoteSchema>;

/** A publisher paying online (the invoice number is all the form sends). */
export const payOnlineSchema = z.object({ number: invoiceNumber });
