'use client';

import type { ReactNode } from 'react';
import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';

/**
 * The button behind a mailed link. Opening the link (a GET, which mail scanners do too) only
 * shows this; pressing the button posts the token and uses the link. `done` and `retry` are the
 * next steps after success and failure.
 */
export function ConfirmLinkForm({
  action,
  token,
  label,
  done,
  retry,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  label: string;
  done: ReactNode;
  retry: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  if (state) {
    return (
      <div>
        <p
          className={`notice ${state.ok ? 'success' : 'error'}`}
          role={state.ok ? 'status' : 'alert'}
          data-testid="link-outcome"
        >
          {state.message}
        </p>
        {state.ok ? done : retry}
      </div>
    );
  }
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'One moment…' : label}
      </button>
    </form>
  );
}
