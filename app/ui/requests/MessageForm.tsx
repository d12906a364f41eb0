'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

type Props = {
  reference: string;
  /** The publisher's or the staff's server action: each authorizes its own side. */
  send: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  secondary?: boolean;
};

/** Posts a message on a request's thread; on an error the text stays in the box. */
export function MessageForm({ reference, send, label, secondary }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(send, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="form" noValidate key={failed ? `e-${failed.values?.body ?? ''}` : 'form'}>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      <input type="hidden" name="reference" value={reference} />
      <Field name="body" label={label} error={failed?.errors.body}>
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
        <button type="submit" className={secondary ? 'button secondary' : 'button'} disabled={pending}>
          {pending ? 'Sending…' : 'Send message'}
        </button>
      </p>
    </form>
  );
}
