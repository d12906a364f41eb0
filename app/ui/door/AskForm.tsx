'use client';

import { useActionState } from 'react';
import { askAction } from '@/app/(site)/r/unlisted/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

/** "Ask for it anyway": the address rides along hidden; the note is optional. */
export function AskForm({ url }: { url: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(askAction, null);
  const failed = state && !state.ok ? state : null;
  if (state?.ok) return <FormMessage message={state.message} ok />;
  return (
    <form action={action} className="form" noValidate key={failed ? JSON.stringify(failed.values) : 'form'}>
      <FormMessage message={failed?.message} />
      <input type="hidden" name="url" value={url} />
      {failed?.errors.url && <p className="field-error">{failed.errors.url}</p>}
      <Field
        id="ask-note"
        name="note"
        label="Anything the desk should know (optional)"
        hint="For example how you would like to use it."
        error={failed?.errors.note}
      >
        <textarea
          id="ask-note"
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={failed?.values?.note}
          aria-describedby={`ask-note-hint${failed?.errors.note ? ' ask-note-error' : ''}`}
        />
      </Field>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Sending…' : 'Ask for it anyway'}
        </button>
      </p>
    </form>
  );
}
