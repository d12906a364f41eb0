import 'server-only';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { accountTokens, users, type PublicUser } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { checkToken, consumeToken, issueToken, retireTokens } from '@/lib/auth/tokens';
import { AppError, conflict, notFound } from '@/lib/errors';
import { composeMail } from '@/lib/mail/compose';
import { enqueueMail, scheduleDelivery, type Mail } from '@/lib/mail/outbox';
import { siteUrl } from '@/lib/site';
import type { StaffRole } from '@/lib/validation/admin';

/*
 * Admins invite staff by email instead of typing a password for them (the CLI, npm run
 * user:create, keeps typed passwords). The staff_invitation link (7 days, single use, only its hash
 * stored) lets its holder choose a name and password; following it confirms the address. The role
 * comes from the stored invitation, never from the form.
 */

export const staffInvitationLink = (token: string) => `${siteUrl()}/staff-invitation?token=${token}`;

function staffInvitationMail(to: string, token: string, inviter: string, role: StaffRole): Mail {
  return composeMail(
    to,
    'staff_invitation',
    'You are invited to the Republish Desk',
    [
      `${inviter} invites you to the Republish Desk as ${role === 'admin' ? 'an admin' : 'staff'}.`,
      'Follow the link to choose your name and password. It works once, for 7 days.',
      'If you did not expect this, ignore the mail: nothing happens without the link.',
    ],
    { href: staffInvitationLink(token), label: 'Set up my account' },
  );
}

export const STAFF_LINK_PROBLEM: Record<'used' | 'expired' | 'invalid', string> = {
  used: 'This invitation has already been used or was withdrawn. Ask an admin of the desk for a new one.',
  expired: 'This invitation has expired (they last 7 days). Ask an admin of the desk for a new one.',
  invalid: 'This invitation link is not valid. Check that you copied the whole link from the mail.',
};

export type StaffInvitation = { id: number; email: string; role: StaffRole; expiresAt: string };

export function listStaffInvitations(conn: Conn = getDb(), now = Date.now()): StaffInvitation[] {
  return conn
    .select({
      id: accountTokens.id,
      email: accountTokens.email,
      role: accountTokens.role,
      expiresAt: accountTokens.expiresAt,
    })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.purpose, 'staff_invitation'),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date(now).toISOString()),
      ),
    )
    .orderBy(asc(accountTokens.email))
    .all() as StaffInvitation[];
}

/** A newer invitation to the same address replaces the open one. */
export function inviteStaff(input: { email: string; role: StaffRole }, admin: PublicUser, db: Db = getDb()): string {
  db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get())
        throw conflict('An account with this email already exists.', {
          email: 'An account with this email already exists: change its role in the list instead.',
        });
      retireTokens(tx, 'staff_invitation', { email: input.email });
      const token = issueToken(tx, {
        purpose: 'staff_invitation',
        email: input.email,
        role: input.role,
        createdBy: admin.id,
      });
      enqueueMail(tx, staffInvitationMail(input.email, token, admin.name, input.role));
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return `Invitation sent to ${input.email}. The link works for 7 days.`;
}

export function revokeStaffInvitation(input: { invitationId: number }, db: Db = getDb()): string {
  const done = db
    .update(accountTokens)
    .set({ usedAt: new Date().toISOString() })
    .where(
      and(
        eq(accountTokens.id, input.invitationId),
        eq(accountTokens.purpose, 'staff_invitation'),
        isNull(accountTokens.usedAt),
      ),
    )
    .returning({ email: accountTokens.email })
    .get();
  if (!done) throw notFound('No such invitation (it may have been used or withdrawn already).');
  return `The invitation to ${done.email} was withdrawn.`;
}

/** Ends the open invitations an admin sent (in the transaction that takes their admin rights away). */
export function withdrawStaffInvitationsBy(tx: Conn, adminId: number): number {
  return tx
    .update(accountTokens)
    .set({ usedAt: new Date().toISOString() })
    .where(
      and(
        eq(accountTokens.purpose, 'staff_invitation'),
        eq(accountTokens.createdBy, adminId),
        isNull(accountTokens.usedAt),
      ),
    )
    .run().changes;
}

export type StaffInvitationView =
  { ok: true; email: string; role: StaffRole } | { ok: false; reason: 'used' | 'expired' | 'invalid'; message: string };

/** What the page shows for a link, without using it. */
export function viewStaffInvitation(token: unknown, conn: Conn = getDb(), now = Date.now()): StaffInvitationView {
  const check = checkToken(conn, 'staff_invitation', token, now);
  if (!check.ok) return { ok: false, reason: check.reason, message: STAFF_LINK_PROBLEM[check.reason] };
  return { ok: true, email: check.row.email, role: check.row.role as StaffRole };
}

export const STAFF_READY = 'Your account is ready and your email address is confirmed. Sign in to continue.';

/** The invitee sets name and password: the account gets the invited address and role, verified. */
export async function acceptStaffInvitation(
  input: { token: string; name: string; password: string },
  db: Db = getDb(),
  now = Date.now(),
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  db.transaction(
    (tx) => {
      const check = checkToken(tx, 'staff_invitation', input.token, now);
      if (!check.ok)
        throw new AppError(check.reason === 'invalid' ? 'not_found' : 'gone', STAFF_LINK_PROBLEM[check.reason]);
      const { email, role } = check.row;
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
        throw conflict('An account with this address already exists: sign in with it.');
      tx.insert(users)
        .values({
          email,
          name: input.name,
          passwordHash,
          role: role === 'admin' ? 'admin' : 'staff',
          emailVerifiedAt: new Date(now).toISOString(),
        })
        .run();
      if (!consumeToken(tx, 'staff_invitation', input.token, now).ok)
        throw new AppError('gone', STAFF_LINK_PROBLEM.used);
    },
    { behavior: 'immediate' },
  );
  return STAFF_READY;
}
