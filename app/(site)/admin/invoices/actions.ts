'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/actions/builders';
import { creditNoteForm, recordPaymentForm } from '@/lib/invoices/forms';
import { creditNoteSchema, recordPaymentSchema } from '@/lib/invoices/schema';

// Money changes the request page, the receivables list, the dashboard and the publisher's pages.
const refresh = () => {
  revalidatePath('/admin', 'layout');
  revalidatePath('/account', 'layout');
};

/** Record money received against an invoice (partial payments add up; more than is owed is refused). */
export const recordPaymentAction = staffAction(recordPaymentSchema, (input, user) => recordPaymentForm(input, user), {
  revalidate: refresh,
});

/** Record a credit note (refund) against money received. */
export const creditNoteAction = staffAction(creditNoteSchema, (input, user) => creditNoteForm(input, user), {
  revalidate: refresh,
});
