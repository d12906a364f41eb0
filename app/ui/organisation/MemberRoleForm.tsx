'use client';

import { useActionState } from 'react';
import { changeMemberRoleAction } from '@/app/(site)/account/organisation/actions';
import { ORG_ROLES, type OrgRole } from '@/db/enums';
import type { FormState } from '@/lib/errors';
import { ORG_ROLE_LABELS } from '@/lib/orgs/labels';

/** An owner's control for one colleague's role. */
export function MemberRoleForm({ userId, name, role }: { userId: number; name: string; role: OrgRole }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeMemberRoleAction, null);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`org-role-${userId}`} className="sr-only">
        Role of {name}
      </label>
      <select id={`org-role-${userId}`} name="role" defaultValue={role}>
        {ORG_ROLES.map((r) => (
          <option key={r} value={r}>
            {ORG_ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button type="submit" className="button small secondary" disabled={pending}>
        Change role<span className="sr-only"> of {name}</span>
      </button>
      {state && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'muted' : 'field-error'}>
          {state.message}
        </p>
      )}
    </form>
  );
}
