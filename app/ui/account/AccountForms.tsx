'use client';

import { useActionState } from 'react';
import { changeEmailAction, changeNameAction, changePasswordAction } from '@/app/(site)/account/settings/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';

/* The three forms of /account/settings. Each keeps what was typed (never a password) on an error. */

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(changeNameAction, null);
  const errors = state && !state.ok ? state.errors : {};
  const typed = state && !state.ok ? state.values?.name : undefined;
  return (
    <form action={action} className="form narrow" noValidate key={typed ?? name}>
      <FormMessage message={state?.message} ok={state?.ok} />
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={typed ?? name}
        error={errors.name}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save name'}
      </button>
    </form>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage message={state?.message} ok={state?.ok} />
      <Field
        name="currentPassword"
        id="f-password-current"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters. Your other devices will be signed out."
        error={errors.newPassword}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Change password'}
      </button>
    </form>
  );
}

export function EmailForm() {
  const [state, action, pending] = useActionState(changeEmailAction, null);
  const errors = state && !state.ok ? state.errors : {};
  const typed = state && !state.ok ? state.values?.email : undefined;
  return (
    <form action={action} className="form narrow" noValidate key={typed ?? 'form'}>
      <FormMessage message={state?.message} ok={state?.ok} />
      <Field
        name="email"
        label="New email address"
        type="email"
        autoComplete="email"
        required
        defaultValue={typed}
        error={errors.email}
      />
      <Field
        name="currentPassword"
        id="f-email-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? 'Sending…' : 'Send a confirmation link'}
      </button>
    </form>
  );
}
