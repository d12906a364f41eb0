'use client';

import { useActionState } from 'react';
import { createTokenAction } from '@/app/(site)/account/api/actions';
import { DateField } from '@/app/ui/forms/DateField';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

/** Creates a token; the token itself is in the answer only, shown once here. */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState<FormState<{ token: string }>, FormData>(createTokenAction, null);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form action={action} className="stack" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">New token</h3>
      <Field
        name="name"
        label="Name"
        hint="Which system uses it, e.g. “CMS sync”."
        defaultValue={values.name}
        error={errors.name}
        required
        maxLength={80}
      />
      <input type="hidden" name="scope" value="read" />
      <p className="hint">Scope: read (list licences, download copies, read notices).</p>
      <DateField
        name="expiresOn"
        label="Expires on (optional)"
        defaultValue={values.expiresOn}
        error={errors.expiresOn}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating…' : 'Create token'}
      </button>
      <FormMessage message={state?.message} ok={state?.ok} />
      {state?.ok && state.token && (
        <div className="notice success">
          <label htmlFor="new-token">Your new token (shown once)</label>
          <input id="new-token" data-testid="new-token" readOnly value={state.token} className="mono" size={60} />
        </div>
      )}
    </form>
  );
}
