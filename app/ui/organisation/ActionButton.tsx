'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';

/**
 * One button posting fixed fields to a server action (remove, withdraw, leave, accept), with the
 * answer beside it. The action comes from the server page as a prop.
 */
export function ActionButton({
  action,
  fields,
  label,
  srLabel,
  variant = 'secondary',
  confirm,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  srLabel?: string;
  variant?: 'secondary' | 'danger' | 'primary';
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
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        className={`button small${variant === 'primary' ? '' : ` ${variant}`}`}
        disabled={pending || (state?.ok ?? false)}
      >
        {label}
        {srLabel && <span className="sr-only"> {srLabel}</span>}
      </button>
      {state && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'muted' : 'field-error'}>
          {state.message}
        </p>
      )}
    </form>
  );
}
