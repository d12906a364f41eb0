'use client';

import { useActionState } from 'react';
import { payOnlineAction } from '@/app/(site)/account/invoices/actions';
import { FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

/** Shown only when online payment is configured (the page decides). */
export function PayOnlineButton({ number, amount }: { number: string; amount: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(payOnlineAction, null);
  return (
    <form action={action} className="form">
      <FormMessage message={state && !state.ok ? state.message : null} />
      <input type="hidden" name="number" value={number} />
      <button type="submit" className="button" disabled={pending} data-testid="pay-online">
        {pending ? 'Opening the payment page…' : `Pay ${amount} now`}
      </button>
    </form>
  );
}
