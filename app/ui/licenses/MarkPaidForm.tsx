'use client';

import { useActionState } from 'react';
import { markPaidAction } from '@/app/(site)/admin/licenses/payment-actions';
import { FormMessage } from '@/app/ui/forms/Field';
import { formatDate } from '@/lib/licenses/labels';
import type { FormState } from '@/lib/errors';

type Props = { code: string; invoiceRef: string; paidAt: string | null };

/** Staff: record that the licence's invoice is paid. */
export function MarkPaidForm({ code, invoiceRef, paidAt }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(markPaidAction, null);
  if (paidAt || state?.ok) {
    return (
      <div>
        <FormMessage message={state?.ok ? state.message : null} ok />
        {!state?.ok && (
          <p>
            <span className="badge ok">Paid</span> Invoice {invoiceRef} was paid on {formatDate(paidAt)}.
          </p>
        )}
      </div>
    );
  }
  return (
    <form action={action} className="form">
      <FormMessage message={state && !state.ok ? state.message : null} />
      <input type="hidden" name="code" value={code} />
      <p>
        <span className="badge neutral">Awaiting payment</span> Invoice {invoiceRef}
      </p>
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? 'Saving…' : `Mark invoice ${invoiceRef} paid`}
      </button>
    </form>
  );
}
