'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { registerFromInvitationAction } from '@/app/(site)/join/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

/** Registering from an invitation: the address is the invited one (shown, not editable). */
export function JoinRegisterForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(registerFromInvitationAction, null);
  if (state?.ok) {
    return (
      <div>
        <FormMessage message={state.message} ok />
        <p>
          <Link className="button" href={`/login?callbackUrl=${encodeURIComponent('/account/organisation')}`}>
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  return (
    <form action={action} className="form narrow" noValidate key={failed ? JSON.stringify(failed.values) : 'form'}>
      <FormMessage message={failed?.message} />
      <input type="hidden" name="token" value={token} />
      <Field id="join-email" name="email" label="Email" type="email" value={email} readOnly autoComplete="username" />
      <Field
        id="join-name"
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={failed?.values?.name}
        error={errors.name}
      />
      <Field
        id="join-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={errors.password}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account and join'}
      </button>
    </form>
  );
}
