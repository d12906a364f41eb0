'use server';

import { adminAction } from '@/lib/actions/builders';
import { fieldErrors } from '@/lib/errors';
import { changeRole, setDisabled } from '@/lib/users/accounts';
import { inviteStaff, revokeStaffInvitation } from '@/lib/users/staff-invitations';
import {
  changeRoleSchema,
  inviteStaffSchema,
  setDisabledSchema,
  staffInvitationIdSchema,
} from '@/lib/validation/admin';

// lib/users/accounts.ts keeps the desk's one-admin rule; the builder makes these admin-only.

/** Staff are invited by email and choose their own password from the link (typed passwords: the CLI only). */
export const inviteStaffAction = adminAction(inviteStaffSchema, (input, user) => inviteStaff(input, user), {
  revalidate: ['/admin/users'],
});

export const revokeStaffInvitationAction = adminAction(
  staffInvitationIdSchema,
  (input) => revokeStaffInvitation(input),
  { revalidate: ['/admin/users'] },
);

export const changeRoleAction = adminAction(changeRoleSchema, (input, user) => changeRole(input, user), {
  revalidate: ['/admin/users'],
  invalid: (e) => ({ errors: fieldErrors(e), message: 'Please choose a role.' }),
});

export const setDisabledAction = adminAction(setDisabledSchema, (input, user) => setDisabled(input, user), {
  revalidate: ['/admin/users'],
  invalid: () => ({ errors: {}, message: 'Unknown user.' }),
});
