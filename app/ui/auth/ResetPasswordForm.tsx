'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { resetPasswordAction } from '@/app/(site)/reset-password/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div>
        <FormMessage message={state.message} ok />
        <p>
          <Link href="/login">Sign in with your new password</Link>
        </p>
      </div>
    );
  }
  // A link that stopped working (used, expired) cannot be fixed on this form: offer a new one.
  const linkFailed = state && !state.ok && (state.code === 'gone' || state.code === 'not_found');
  const errors = state && !state.ok ? state.errors : {};
  return (
    <div>
      <FormMessage message={state && !state.ok ? state.message : null} />
      {linkFailed ? (
        <p>
          <Link href="/forgot-password">Send a new link</Link>
        </p>
      ) : (
        <form action={action} className="form narrow" noValidate>
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint="At least 10 characters."
            error={errors.password}
          />
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Saving…' : 'Set my new password'}
          </button>
        </form>
      )}
    </div>
  );
}
