'use server';

import { publicAction } from '@/lib/actions/builders';
import { acceptStaffInvitation } from '@/lib/users/staff-invitations';
import { acceptStaffInvitationSchema } from '@/lib/validation/admin';

/** The invitee has no account yet: the stored invitation decides address and role. */
export const acceptStaffInvitationAction = publicAction(
  acceptStaffInvitationSchema,
  (input) => acceptStaffInvitation(input),
  { failure: 'We could not create your account. Please try again.' },
);
