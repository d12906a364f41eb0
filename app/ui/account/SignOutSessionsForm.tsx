'use client';

import { useActionState } from 'react';
import { signOutSessionsAction } from '@/app/(site)/account/settings/actions';
import type { FormState } from '@/lib/errors';

/** Two buttons, one action: the button pressed says which scope (its name/value goes in the form data). */
export function SignOutSessionsForm({ others }: { others: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signOutSessionsAction, null);
  return (
    <form action={action} className="inline-form">
      <button type="submit" name="scope" value="others" className="button secondary" disabled={pending || others === 0}>
        Sign out everywhere else
      </button>{' '}
      <button type="submit" name="scope" value="all" className="button" disabled={pending}>
        Sign out everywhere
      </button>
      {state && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'muted' : 'field-error'}>
          {state.message}
        </p>
      )}
    </form>
  );
}
