import 'server-only';
import { composeMail } from '@/lib/mail/compose';
import type { Mail } from '@/lib/mail/outbox';
import { siteUrl } from '@/lib/site';

export const joinLink = (token: string) => `${siteUrl()}/join?token=${token}`;

export function invitationMail(
  to: string,
  token: string,
  who: { inviter: string; organization: string; role: string },
): Mail {
  return composeMail(
    to,
    'org_invitation',
    `${who.inviter} invites you to ${who.organization} on the Republish Desk`,
    [
      `${who.inviter} invites you to join ${who.organization} on the Republish Desk as ${who.role === 'owner' ? 'an owner' : 'a member'}: you will see and make the organisation’s licence requests and download its licensed copies.`,
      'The link works once, for 7 days. Without an account you create one from it; with one, sign in with this address and accept.',
      'If you did not expect this, ignore the mail: nothing happens without the link.',
    ],
    { href: joinLink(token), label: 'Join the organisation' },
  );
}

/** To the person removed: their account stays, the organisation's requests and licences are no longer theirs to see. */
export function removedMail(to: string, organization: string): Mail {
  return composeMail(to, 'org_removed', `You are no longer a member of ${organization}`, [
    `An owner of ${organization} removed you from the organisation on the Republish Desk. You no longer see its requests and licences.`,
    'Your account remains; an owner can invite you again.',
  ]);
}
