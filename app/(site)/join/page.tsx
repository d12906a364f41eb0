import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/app/ui/organisation/ActionButton';
import { InvitationAccountForm } from '@/app/ui/auth/InvitationAccountForm';
import { currentUser } from '@/lib/auth/session';
import { viewInvitation } from '@/lib/orgs/invitations';
import { acceptInvitationAction, registerFromInvitationAction } from './actions';

// The token is in the address: no Referer may carry it on (as on the other mailed links' pages).
export const metadata: Metadata = { title: 'Join an organisation', robots: { index: false }, referrer: 'no-referrer' };

/**
 * Where an invitation link lands. Showing it changes nothing (GET never writes): registering or
 * accepting is a form. The page answers to the holder of the link, who reads the invited address's
 * mail, so it may name that address.
 */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token: raw } = await searchParams;
  const token = typeof raw === 'string' ? raw : '';
  const invitation = viewInvitation(token);
  if (!invitation.ok) {
    return (
      <section>
        <h1>Invitation</h1>
        <p className="notice error" data-testid="join-outcome">
          {invitation.message}
        </p>
      </section>
    );
  }
  const user = await currentUser();
  const who = invitation.inviter ? `${invitation.inviter} invites you` : 'You are invited';
  const here = `/join?token=${encodeURIComponent(token)}`;
  return (
    <section>
      <h1>Join {invitation.organization}</h1>
      <p className="lead" data-testid="join-outcome">
        {who} to join {invitation.organization} on the Republish Desk as{' '}
        {invitation.role === 'owner' ? 'an owner' : 'a member'}.
      </p>
      {!user ? (
        <>
          <h2>Create your account</h2>
          <InvitationAccountForm
            token={token}
            email={invitation.email}
            action={registerFromInvitationAction}
            idPrefix="join"
            afterSignIn="/account/organisation"
            submitLabel="Create account and join"
            busyLabel="Creating account…"
          />
          <p>
            Already have an account with {invitation.email}?{' '}
            <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link> and accept.
          </p>
        </>
      ) : user.email !== invitation.email ? (
        <p className="notice warn">
          This invitation was sent to {invitation.email}, but you are signed in as {user.email}. Sign out and sign in
          with the invited address, or register it.
        </p>
      ) : user.organizationId === null ? (
        <ActionButton action={acceptInvitationAction} fields={{ token }} label="Accept and join" variant="primary" />
      ) : (
        <p className="notice warn">
          Your account belongs to an organisation already. To join {invitation.organization}, first leave yours on{' '}
          <Link href="/account/organisation">your organisation’s page</Link>, then follow this link again.
        </p>
      )}
    </section>
  );
}
