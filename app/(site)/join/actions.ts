'use server';

import { publicAction, userAction } from '@/lib/actions/builders';
import { acceptInvitation, registerFromInvitation } from '@/lib/orgs/invitations';
import { acceptInvitationSchema, joinRegisterSchema } from '@/lib/orgs/schemas';

// Both are decided by the stored invitation (organisation, role, address), never by the form.

/** Signed in with the invited address: join. `user`, not `publisher`: the account has no organisation yet. */
export const acceptInvitationAction = userAction(
  acceptInvitationSchema,
  (input, user) => acceptInvitation(input, user),
  { revalidate: ['/account/organisation', '/account/requests', '/account/licenses'] },
);

/** No account yet: create one from the link (its address, organisation and role come from the invitation). */
export const registerFromInvitationAction = publicAction(joinRegisterSchema, (input) => registerFromInvitation(input), {
  failure: 'We could not create your account. Please try again.',
});
