'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';

/** One button that posts an id to a server action (revoke, remove, retry) and says what happened. */
export function IdActionButton({
  action,
  id,
  label,
  what,
  confirm,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  id: number;
  label: string;
  /** Read by screen readers after the label: which row the button acts on. */
  what: string;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  return (
    <form
      action={formAction}
      className="inline-form"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button small secondary" disabled={pending}>
        {label}
        <span className="sr-only"> {what}</span>
      </button>
      {state && (
        <span role={state.ok ? 'status' : 'alert'} className={state.ok ? 'muted' : 'field-error'}>
          {state.message}
        </span>
      )}
    </form>
  );
}
