import type { Metadata } from 'next';
import { StaffInvitationForm } from '@/app/ui/admin/StaffInvitationForm';
import { viewStaffInvitation } from '@/lib/users/staff-invitations';

export const metadata: Metadata = { title: 'Staff invitation', robots: { index: false } };

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
          <StaffInvitationForm token={token} email={invitation.email} />
        </>
      ) : (
        <p className="notice error" data-testid="staff-invitation-outcome">
          {invitation.message}
        </p>
      )}
    </section>
  );
}
