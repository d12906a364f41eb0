'use client';

import { useActionState } from 'react';
import { addEndpointAction } from '@/app/(site)/account/api/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

/** Registers a webhook endpoint; its signing secret is in the answer only, shown once here. */
export function AddEndpointForm() {
  const [state, action, pending] = useActionState<FormState<{ secret: string }>, FormData>(addEndpointAction, null);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form action={action} className="stack" aria-labelledby="new-endpoint-heading">
      <h3 id="new-endpoint-heading">New endpoint</h3>
      <Field
        name="url"
        label="Address"
        type="url"
        hint="An https:// address on the public internet."
        defaultValue={values.url}
        error={errors.url}
        required
        maxLength={500}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Adding…' : 'Add endpoint'}
      </button>
      <FormMessage message={state?.message} ok={state?.ok} />
      {state?.ok && state.secret && (
        <div className="notice success">
          <label htmlFor="new-secret">Signing secret (shown once)</label>
          <input id="new-secret" data-testid="new-secret" readOnly value={state.secret} className="mono" size={60} />
        </div>
      )}
    </form>
  );
}
