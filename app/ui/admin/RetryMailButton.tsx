'use client';

import { useActionState } from 'react';
import { retryMailAction } from '@/app/(site)/admin/outbox/actions';
import type { FormState } from '@/lib/errors';

export function RetryMailButton({ id, subject }: { id: number; subject: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(retryMailAction, null);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button small secondary" disabled={pending}>
        {pending ? 'Retrying…' : 'Retry'}
        <span className="sr-only"> “{subject}”</span>
      </button>
      {state && (
        <span role={state.ok ? 'status' : 'alert'} className={state.ok ? 'muted' : 'field-error'}>
          {state.message}
        </span>
      )}
    </form>
  );
}
