'use client';

import { useActionState } from 'react';
import { changeRoleAction, inviteStaffAction, setDisabledAction } from '@/app/(site)/admin/users/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';
import { ROLES, type Role } from '@/db/enums';

/** The admin invites staff by email; the invitee sets name and password from the mailed link. */
export function InviteStaffForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteStaffAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  const v = (k: string) => failed?.values?.[k];
  return (
    <form
      action={action}
      className="form narrow"
      noValidate
      key={failed ? JSON.stringify(failed.values) : state?.ok ? state.message : 'form'}
    >
      <FormMessage message={state?.message} ok={state?.ok} />
      <Field
        id="u-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="off"
        defaultValue={v('email')}
        error={errors.email}
      />
      <Field id="u-role" name="role" label="Role" error={errors.role}>
        <select id="u-role" name="role" defaultValue={v('role') ?? 'staff'}>
          <option value="staff">Staff: review queue, rate card, outbox</option>
          <option value="admin">Admin: staff + users and settings</option>
        </select>
      </Field>
      <p className="hint">They receive a link (7 days, once) to choose their name and password.</p>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Sending…' : 'Send invitation'}
        </button>
      </p>
    </form>
  );
}

/** Role and enabled state of one account, as two small forms. Not shown on the admin's own row. */
export function UserRowControls({
  userId,
  name,
  role,
  disabled,
}: {
  userId: number;
  name: string;
  role: Role;
  disabled: boolean;
}) {
  const [roleState, roleAction, rolePending] = useActionState<FormState, FormData>(changeRoleAction, null);
  const [disState, disAction, disPending] = useActionState<FormState, FormData>(setDisabledAction, null);
  const message = [roleState, disState].find((s) => s && !s.ok);
  return (
    <div className="actions-row">
      <form action={roleAction} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={`role-${userId}`} className="sr-only">
          Role of {name}
        </label>
        <select id={`role-${userId}`} name="role" defaultValue={role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" className="button small secondary" disabled={rolePending}>
          Change role<span className="sr-only"> of {name}</span>
        </button>
      </form>
      <form action={disAction} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
        <button type="submit" className={`button small${disabled ? ' secondary' : ' danger'}`} disabled={disPending}>
          {disabled ? 'Enable' : 'Disable'}
          <span className="sr-only"> {name}</span>
        </button>
      </form>
      {message && !message.ok && (
        <p role="alert" className="field-error">
          {message.message}
        </p>
      )}
    </div>
  );
}
