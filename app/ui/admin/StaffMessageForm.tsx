'use client';

import { useActionState } from 'react';
import { staffMessageAction } from '@/app/admin/requests/[ref]/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/validation/errors';

/** Staff write to the publisher on the request's thread (mailed to the requester). */
export function StaffMessageForm({ reference }: { reference: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(staffMessageAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="form" noValidate key={failed ? `e-${failed.values?.body ?? ''}` : 'form'}>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      <input type="hidden" name="reference" value={reference} />
      <Field name="body" label="Write to the publisher" error={failed?.errors.body}>
        <textarea
          id="f-body"
          name="body"
          rows={4}
          maxLength={4000}
          required
          defaultValue={failed?.values?.body}
          aria-invalid={failed?.errors.body ? true : undefined}
          aria-describedby={failed?.errors.body ? 'f-body-error' : undefined}
        />
      </Field>
      <p>
        <button type="submit" className="button secondary" disabled={pending}>
          {pending ? 'Sending…' : 'Send message'}
        </button>
      </p>
    </form>
  );
}
