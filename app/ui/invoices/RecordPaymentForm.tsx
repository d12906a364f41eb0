'use client';

import { useActionState } from 'react';
import { recordPaymentAction } from '@/app/(site)/admin/invoices/actions';
import { DateField } from '@/app/ui/forms/DateField';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { PAYMENT_METHODS } from '@/db/enums';
import type { FormState } from '@/lib/errors';
import { PAYMENT_METHOD_LABELS } from '@/lib/invoices/labels';

/** Staff: record money received. The amount starts at what is still owed; a part-payment is fine. */
export function RecordPaymentForm({ number, owed, today }: { number: string; owed: string; today: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(recordPaymentAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  const v = failed?.values ?? {};
  return (
    <form
      action={action}
      className="form"
      noValidate
      key={failed ? JSON.stringify(v) : 'form'}
      data-testid="record-payment"
    >
      <h3>Record a payment</h3>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      <input type="hidden" name="number" value={number} />
      <Field
        id="pay-amount"
        name="amount"
        label="Amount (£)"
        inputMode="decimal"
        defaultValue={v.amount ?? owed}
        error={errors.amount}
      />
      <DateField
        id="pay-receivedOn"
        name="receivedOn"
        label="Received on"
        defaultValue={v.receivedOn ?? today}
        error={errors.receivedOn}
      />
      <Field id="pay-method" name="method" label="Method" error={errors.method}>
        <select id="pay-method" name="method" defaultValue={v.method ?? 'transfer'}>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {PAYMENT_METHOD_LABELS[m]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="pay-reference"
        name="reference"
        label="Reference"
        hint="The bank's or the payer's reference."
        defaultValue={v.reference ?? ''}
        error={errors.reference}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Record payment'}
      </button>
    </form>
  );
}
