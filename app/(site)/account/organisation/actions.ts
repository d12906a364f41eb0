'use server';

import { publisherAction } from '@/lib/actions/builders';
import { fieldErrors } from '@/lib/errors';
import { inviteMember, revokeInvitation } from '@/lib/orgs/invitations';
import { changeMemberRole, leaveOrganization, removeMember } from '@/lib/orgs/members';
import { updateOrgProfile } from '@/lib/orgs/profile';
import {
  invitationSchema,
  inviteMemberSchema,
  memberRoleSchema,
  memberSchema,
  noInputSchema,
  orgProfileSchema,
} from '@/lib/orgs/schemas';

// The builder lets in publishers (an account with an organisation); lib/orgs/ reads the account
// again inside each transaction and lets only owners manage colleagues and the profile.
const page = ['/account/organisation'];

export const inviteMemberAction = publisherAction(inviteMemberSchema, (input, user) => inviteMember(input, user), {
  revalidate: page,
});

export const changeMemberRoleAction = publisherAction(
  memberRoleSchema,
  (input, user) => changeMemberRole(input, user),
  { revalidate: page, invalid: (e) => ({ errors: fieldErrors(e), message: 'Choose owner or member.' }) },
);

export const removeMemberAction = publisherAction(memberSchema, (input, user) => removeMember(input, user), {
  revalidate: page,
});

export const revokeInvitationAction = publisherAction(
  invitationSchema,
  (input, user) => revokeInvitation(input, user),
  { revalidate: page },
);

export const leaveOrganizationAction = publisherAction(noInputSchema, (_input, user) => leaveOrganization(user), {
  revalidate: ['/account/organisation', '/account/requests', '/account/licenses'],
});

export const saveOrgProfileAction = publisherAction(orgProfileSchema, (input, user) => updateOrgProfile(input, user), {
  revalidate: page,
});
