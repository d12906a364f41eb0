'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

type Props = {
  token: string;
  /** The invited address: shown, not editable (the link decides it). */
  email: string;
  /** The public action that uses the link: joining an organisation, or becoming staff. */
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** Field ids on the page. */
  idPrefix: string;
  /** Where signing in leads once the account exists. */
  afterSignIn: string;
  submitLabel: string;
  busyLabel: string;
};

/** An account made from an invitation link: the invitee chooses a name and a password. */
export function InvitationAccountForm({ token, email, action, idPrefix, afterSignIn, submitLabel, busyLabel }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  if (state?.ok) {
    return (
      <div>
        <FormMessage message={state.message} ok />
        <p>
          <Link className="button" href={`/login?callbackUrl=${encodeURIComponent(afterSignIn)}`}>
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  return (
    <form action={formAction} className="form narrow" noValidate key={failed ? JSON.stringify(failed.values) : 'form'}>
      <FormMessage message={failed?.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        id={`${idPrefix}-email`}
        name="email"
        label="Email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
      />
      <Field
        id={`${idPrefix}-name`}
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={failed?.values?.name}
        error={errors.name}
      />
      <Field
        id={`${idPrefix}-password`}
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
        {pending ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
