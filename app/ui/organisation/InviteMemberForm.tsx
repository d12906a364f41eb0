'use client';

import { useActionState } from 'react';
import { inviteMemberAction } from '@/app/(site)/account/organisation/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

export function InviteMemberForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteMemberAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  return (
    <form
      action={action}
      className="form narrow"
      noValidate
      key={failed ? JSON.stringify(failed.values) : state?.ok ? state.message : 'form'}
    >
      <FormMessage message={state?.message} ok={state?.ok} />
      <Field
        id="invite-email"
        name="email"
        label="Their email"
        type="email"
        autoComplete="off"
        required
        defaultValue={failed?.values?.email}
        error={errors.email}
      />
      <Field id="invite-role" name="role" label="Role" error={errors.role}>
        <select id="invite-role" name="role" defaultValue={failed?.values?.role ?? 'member'}>
          <option value="member">Member: sees and makes the organisation’s requests and licences</option>
          <option value="owner">Owner: also manages colleagues and the billing profile</option>
        </select>
      </Field>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Sending…' : 'Send invitation'}
        </button>
      </p>
    </form>
  );
}
