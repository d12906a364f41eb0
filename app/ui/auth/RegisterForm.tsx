'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { registerAction } from '@/app/(site)/register/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { ORG_TYPES } from '@/db/enums';
import { LICENSEE_LABELS } from '@/lib/requests/labels';

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(registerAction, null);
  // Registering never signs in: the answer must be the same whether or not the email already has
  // an account. The mail carries the next step; then the person signs in and comes back here.
  if (state?.ok) {
    // The registration result is the first page of the welcome (app/(site)/welcome): what to do
    // first. After signing in a new account lands on /welcome, unless it came from somewhere.
    const next = callbackUrl !== '/' ? callbackUrl : '/welcome';
    return (
      <div data-testid="registered">
        <FormMessage message={state.message} ok />
        <h2>What to do first</h2>
        <ol className="welcome-steps">
          <li>Open the link in the mail we just sent to confirm your email address.</li>
          <li>
            <Link href={`/login?callbackUrl=${encodeURIComponent(next)}`}>Sign in</Link>.
          </li>
          <li>
            Find <Link href="/articles">an article to republish</Link> and see{' '}
            <Link href="/#pricing">how pricing works</Link>.
          </li>
        </ol>
      </div>
    );
  }
  const errors = state && !state.ok ? state.errors : {};

  // React resets the form after an action; the action hands back what was typed.
  const v = (name: string) => (state && !state.ok ? state.values?.[name] : undefined);

  return (
    <form
      action={action}
      className="form narrow"
      noValidate
      key={state && !state.ok ? JSON.stringify(state.values) : 'form'}
    >
      <FormMessage message={state && !state.ok ? state.message : null} />
      <fieldset>
        <legend>You</legend>
        <Field
          name="name"
          label="Your name"
          autoComplete="name"
          required
          defaultValue={v('name')}
          error={errors.name}
        />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v('email')}
          error={errors.email}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
          error={errors.password}
        />
      </fieldset>
      <fieldset>
        <legend>Your organisation</legend>
        <Field
          name="organizationName"
          label="Organisation name"
          required
          autoComplete="organization"
          defaultValue={v('organizationName')}
          error={errors.organizationName}
        />
        <Field name="organizationType" label="Type" error={errors.organizationType}>
          <select
            id="f-organizationType"
            name="organizationType"
            defaultValue={v('organizationType') ?? 'commercial'}
            aria-invalid={errors.organizationType ? true : undefined}
          >
            {ORG_TYPES.map((t) => (
              <option key={t} value={t}>
                {LICENSEE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="country"
          label="Country"
          required
          autoComplete="country-name"
          defaultValue={v('country')}
          error={errors.country}
        />
        <Field
          name="website"
          label="Website"
          type="url"
          placeholder="https://example.org"
          hint="Where you will republish; used to recognise your pages."
          defaultValue={v('website')}
          error={errors.website}
        />
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
