'use client';

import { useActionState } from 'react';
import { forgotPasswordAction } from '@/app/(site)/forgot-password/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  const errors = state && !state.ok ? state.errors : {};
  const typed = state && !state.ok ? state.values?.email : undefined;
  return (
    <form action={action} className="form narrow" noValidate key={typed ?? 'form'}>
      <FormMessage message={state?.message} ok={state?.ok} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={typed}
        error={errors.email}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Send me a link'}
      </button>
    </form>
  );
}
