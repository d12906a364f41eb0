import type { Metadata } from 'next';
import { InvitationAccountForm } from '@/app/ui/auth/InvitationAccountForm';
import { acceptStaffInvitationAction } from './actions';
import { viewStaffInvitation } from '@/lib/users/staff-invitations';

// The token is in the address: no Referer may carry it on (as on the other mailed links' pages).
export const metadata: Metadata = { title: 'Staff invitation', robots: { index: false }, referrer: 'no-referrer' };

/** Where a staff invitation lands; showing it uses nothing (the form does). */
export default async function StaffInvitationPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token: raw } = await searchParams;
  const token = typeof raw === 'string' ? raw : '';
  const invitation = viewStaffInvitation(token);
  return (
    <section>
      <h1>Join the desk</h1>
      {invitation.ok ? (
        <>
          <p className="lead" data-testid="staff-invitation-outcome">
            You are invited as {invitation.role === 'admin' ? 'an admin' : 'staff'}. Choose your name and password.
          </p>
          <InvitationAccountForm
            token={token}
            email={invitation.email}
            action={acceptStaffInvitationAction}
            idPrefix="staff"
            afterSignIn="/admin"
            submitLabel="Set up my account"
            busyLabel="Setting up…"
          />
        </>
      ) : (
        <p className="notice error" data-testid="staff-invitation-outcome">
          {invitation.message}
        </p>
      )}
    </section>
  );
}
