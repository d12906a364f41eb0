'use client';

import { useActionState } from 'react';
import { creditNoteAction } from '@/app/(site)/admin/invoices/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

/** Staff: record a credit note (a refund) against money received on the invoice. */
export function CreditNoteForm({ number }: { number: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(creditNoteAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  const v = failed?.values ?? {};
  return (
    <form action={action} className="form" noValidate key={failed ? JSON.stringify(v) : 'form'}>
      <h3>Record a credit note</h3>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      <input type="hidden" name="number" value={number} />
      <Field
        id="credit-amount"
        name="amount"
        label="Amount (£)"
        inputMode="decimal"
        defaultValue={v.amount ?? ''}
        error={errors.amount}
      />
      <Field id="credit-note" name="note" label="Why" error={errors.note}>
        <textarea id="credit-note" name="note" rows={2} defaultValue={v.note ?? ''} />
      </Field>
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Record credit note'}
      </button>
    </form>
  );
}
