import 'server-only';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { accountTokens, organizations, users, type OrgRole, type PublicUser } from '@/db/schema';
import { consume, dbLimiter } from '@/lib/auth/limits';
import { hashPassword } from '@/lib/auth/password';
import { checkToken, consumeToken, issueToken, retireTokens } from '@/lib/auth/tokens';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { recordOrgEvent } from './events';
import { invitationMail } from './mails';
import { requireOwner } from './members';
import type { InviteMemberInput, JoinRegisterInput } from './schemas';

/*
 * Inviting a colleague: a join_organization link (lib/auth/tokens.ts: 7 days, single use, only its
 * hash kept) mailed to the address. Whoever holds it either registers from it — an account made
 * for the address the link went to, verified by following it, in the inviting organisation, no new
 * one — or, signed in with that address, accepts. Nothing here is decided by the link alone: the
 * organisation and role come from the stored row.
 */

export const INVITATIONS_PER_HOUR = 30;

export const CONFIRM_BEFORE_INVITING =
  'Please confirm your email address before inviting colleagues: follow the link we mailed you, or send it again.';

/** Why a link cannot be used, in words (and the next step). */
export const LINK_PROBLEM: Record<'used' | 'expired' | 'invalid', string> = {
  used: 'This invitation has already been used or was withdrawn. Ask an owner of the organisation for a new one.',
  expired: 'This invitation has expired (they last 7 days). Ask an owner of the organisation for a new one.',
  invalid: 'This invitation link is not valid. Check that you copied the whole link from the mail.',
};

export type PendingInvitation = { id: number; email: string; role: OrgRole; expiresAt: string; createdAt: string };

export function listPendingInvitations(
  organizationId: number,
  conn: Conn = getDb(),
  now = Date.now(),
): PendingInvitation[] {
  return conn
    .select({
      id: accountTokens.id,
      email: accountTokens.email,
      role: accountTokens.role,
      expiresAt: accountTokens.expiresAt,
      createdAt: accountTokens.createdAt,
    })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.purpose, 'join_organization'),
        eq(accountTokens.organizationId, organizationId),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date(now).toISOString()),
      ),
    )
    .orderBy(asc(accountTokens.email))
    .all() as PendingInvitation[];
}

/** Owners invite by email; a newer invitation to the same address replaces the open one. */
export async function inviteMember(input: InviteMemberInput, actor: PublicUser, db: Db = getDb()): Promise<string> {
  const limiter = dbLimiter({ keyPrefix: 'org_invite', points: INVITATIONS_PER_HOUR, duration: 3600 }, db);
  if (!(await consume(limiter, String(actor.organizationId ?? actor.id))))
    throw new AppError('rate_limited', 'Too many invitations in the last hour. Please try again later.');
  db.transaction(
    (tx) => {
      const me = requireOwner(tx, actor);
      // An invitation is a mail from the desk to anyone, in the organisation's words: not on the
      // word of an account whose own address nobody has proved (registering needs no more).
      if (!me.emailVerifiedAt) throw forbidden(CONFIRM_BEFORE_INVITING);
      const existing = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, input.email), eq(users.organizationId, me.organizationId)))
        .get();
      if (existing) throw conflict('Already a member.', { email: 'This person is already a member.' });
      const org = tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, me.organizationId))
        .get()!;
      retireTokens(tx, 'join_organization', { organizationId: me.organizationId, email: input.email });
      const token = issueToken(tx, {
        purpose: 'join_organization',
        email: input.email,
        organizationId: me.organizationId,
        role: input.role,
        createdBy: me.id,
      });
      recordOrgEvent(tx, me.organizationId, me.id, 'member_invited', { email: input.email, role: input.role });
      enqueueMail(
        tx,
        invitationMail(input.email, token, { inviter: me.name, organization: org.name, role: input.role }),
      );
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return `Invitation sent to ${input.email}. The link works for 7 days.`;
}

export function revokeInvitation(input: { invitationId: number }, actor: PublicUser, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const me = requireOwner(tx, actor);
      const row = tx
        .select()
        .from(accountTokens)
        .where(
          and(
            eq(accountTokens.id, input.invitationId),
            eq(accountTokens.purpose, 'join_organization'),
            eq(accountTokens.organizationId, me.organizationId),
            isNull(accountTokens.usedAt),
          ),
        )
        .get();
      if (!row) throw notFound('No such invitation (it may have been used or withdrawn already).');
      tx.update(accountTokens).set({ usedAt: new Date().toISOString() }).where(eq(accountTokens.id, row.id)).run();
      recordOrgEvent(tx, me.organizationId, me.id, 'invitation_revoked', {
        email: row.email,
        role: row.role ?? 'member',
      });
      return `The invitation to ${row.email} was withdrawn.`;
    },
    { behavior: 'immediate' },
  );
}

export type InvitationView =
  | { ok: true; email: string; role: OrgRole; organization: string; inviter: string | null }
  | { ok: false; reason: 'used' | 'expired' | 'invalid'; message: string };

/** What the /join page shows for a link, without using it (GET never writes). */
export function viewInvitation(token: unknown, conn: Conn = getDb(), now = Date.now()): InvitationView {
  const check = checkToken(conn, 'join_organization', token, now);
  if (!check.ok) return { ok: false, reason: check.reason, message: LINK_PROBLEM[check.reason] };
  const org = conn
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, check.row.organizationId!))
    .get();
  const inviter = check.row.createdBy
    ? conn.select({ name: users.name }).from(users).where(eq(users.id, check.row.createdBy)).get()
    : undefined;
  if (!org) return { ok: false, reason: 'invalid', message: LINK_PROBLEM.invalid };
  return {
    ok: true,
    email: check.row.email,
    role: (check.row.role ?? 'member') as OrgRole,
    organization: org.name,
    inviter: inviter?.name ?? null,
  };
}

/** The link's check inside the joining transaction; its problems are `gone` (expired, used) or `not_found`. */
function usableInvitation(tx: Conn, token: string, now: number) {
  const check = checkToken(tx, 'join_organization', token, now);
  if (!check.ok) throw new AppError(check.reason === 'invalid' ? 'not_found' : 'gone', LINK_PROBLEM[check.reason]);
  return check.row;
}

/** Uses the link and records the join, in the joining transaction. */
function join(
  tx: Conn,
  token: string,
  userId: number,
  row: { organizationId: number | null; email: string; role: string | null },
  now: number,
) {
  if (!consumeToken(tx, 'join_organization', token, now).ok) throw new AppError('gone', LINK_PROBLEM.used);
  recordOrgEvent(tx, row.organizationId!, userId, 'member_joined', { email: row.email, role: row.role ?? 'member' });
}

export const OTHER_ORGANIZATION =
  'Your account belongs to another organisation. Leave it first (Organisation page), then follow this link again.';

/**
 * A signed-in account accepts: only the account with the address the invitation went to, only a
 * publisher account, and only one without another organisation (told to leave it first).
 */
export function acceptInvitation(
  input: { token: string },
  actor: PublicUser,
  db: Db = getDb(),
  now = Date.now(),
): string {
  return db.transaction(
    (tx) => {
      const row = usableInvitation(tx, input.token, now);
      const me = tx.select().from(users).where(eq(users.id, actor.id)).get();
      if (!me) throw forbidden();
      if (me.email !== row.email)
        throw forbidden(
          `This invitation was sent to ${row.email}; you are signed in as ${me.email}. Sign in with the invited address instead.`,
        );
      if (me.role !== 'publisher') throw forbidden('Staff accounts cannot join a licensee organisation.');
      if (me.organizationId === row.organizationId) throw conflict('You are already a member of this organisation.');
      if (me.organizationId !== null) throw conflict(OTHER_ORGANIZATION);
      tx.update(users)
        .set({
          organizationId: row.organizationId,
          orgRole: (row.role ?? 'member') as OrgRole,
          // The link came to this address: it is confirmed.
          emailVerifiedAt: me.emailVerifiedAt ?? new Date(now).toISOString(),
        })
        .where(eq(users.id, me.id))
        .run();
      join(tx, input.token, me.id, row, now);
      return 'Welcome: you are now a member of the organisation.';
    },
    { behavior: 'immediate' },
  );
}

export const JOINED_MESSAGE = 'Your account is ready and your email address is confirmed. Sign in to continue.';

/**
 * Registers from an invitation: the account gets the invited address (not one typed in), the
 * inviting organisation and role, and a confirmed email (the link proves the mailbox). No new
 * organisation. An address that already has an account is told to sign in and accept instead —
 * the holder of the link reads that address's mail, so this tells them nothing new.
 */
export async function registerFromInvitation(
  input: JoinRegisterInput,
  db: Db = getDb(),
  now = Date.now(),
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  db.transaction(
    (tx) => {
      const row = usableInvitation(tx, input.token, now);
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get())
        throw conflict('An account with this address already exists: sign in with it, then accept the invitation.');
      const user = tx
        .insert(users)
        .values({
          email: row.email,
          name: input.name,
          passwordHash,
          role: 'publisher',
          organizationId: row.organizationId,
          orgRole: (row.role ?? 'member') as OrgRole,
          emailVerifiedAt: new Date(now).toISOString(),
        })
        .returning({ id: users.id })
        .get();
      join(tx, input.token, user.id, row, now);
    },
    { behavior: 'immediate' },
  );
  return JOINED_MESSAGE;
}
