'use client';

import { useActionState } from 'react';
import { changeRoleAction, createStaffAction, setDisabledAction } from '@/app/(site)/admin/users/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { CreateStaffState } from '@/lib/users/accounts';
import type { FormState } from '@/lib/errors';
import { ROLES, type Role } from '@/db/enums';

export function CreateStaffForm() {
  const [state, action, pending] = useActionState<CreateStaffState, FormData>(createStaffAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  const v = (k: string) => failed?.values?.[k];
  return (
    <form action={action} className="form narrow" noValidate key={failed ? JSON.stringify(failed.values) : 'form'}>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      {state?.ok && state.password && (
        <div className="notice warn" role="status">
          Password for {state.email}, shown only now:{' '}
          <span className="secret" data-testid="generated-password">
            {state.password}
          </span>
          <br />
          Pass it on securely; they can sign in at once.
        </div>
      )}
      <Field id="u-name" name="name" label="Name" autoComplete="off" defaultValue={v('name')} error={errors.name} />
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
      <div className="checkbox">
        <input
          id="u-generate"
          type="checkbox"
          name="generate"
          defaultChecked={failed ? v('generate') === 'on' : true}
        />
        <label htmlFor="u-generate">Generate a password (shown once)</label>
      </div>
      <Field
        id="u-password"
        name="password"
        label="Or set a password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters; ignored when generating."
        error={errors.password}
      />
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create account'}
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
