import 'server-only';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { licenseRequests, organizations, users, type OrgRole, type PublicUser } from '@/db/schema';
import { retireTokens } from '@/lib/auth/tokens';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { recordOrgEvent } from './events';
import { removedMail } from './mails';

export const OWNERS_ONLY = 'Only an owner of the organisation can do that.';
export const LAST_OWNER = 'The organisation needs at least one owner: make someone else an owner first.';

export type MemberRow = {
  id: number;
  name: string;
  email: string;
  orgRole: OrgRole;
  disabled: boolean;
  createdAt: string;
};

/** The organisation's people, owners first. */
export function listMembers(organizationId: number, conn: Conn = getDb()): MemberRow[] {
  return conn
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      orgRole: users.orgRole,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.organizationId, organizationId))
    .orderBy(sql`case ${users.orgRole} when 'owner' then 0 else 1 end`, asc(users.name))
    .all() as MemberRow[];
}

/**
 * The acting account as it is now, inside the transaction: an owner of an organisation. The
 * session's copy may be a request old; the role read here is the one the write is checked against.
 */
export function requireOwner(tx: Conn, actor: Pick<PublicUser, 'id'>) {
  const me = tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      organizationId: users.organizationId,
      orgRole: users.orgRole,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.id, actor.id))
    .get();
  if (!me || me.organizationId === null || me.orgRole !== 'owner') throw forbidden(OWNERS_ONLY);
  return { ...me, organizationId: me.organizationId };
}

/** Another enabled owner besides `userId`? (The rule: never fewer than one.) */
function otherOwners(tx: Conn, organizationId: number, userId: number): number {
  return tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.orgRole, 'owner'),
        eq(users.disabled, false),
        ne(users.id, userId),
      ),
    )
    .get()!.n;
}

function memberOf(tx: Conn, organizationId: number, userId: number) {
  const m = tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)))
    .get();
  // Someone else's colleague is as unknown as nobody.
  if (!m) throw notFound('No such member.');
  return m;
}

/**
 * Owners change a member's role. Checked and written inside one BEGIN IMMEDIATE transaction, so two
 * owners demoting each other at once cannot leave the organisation without one.
 */
export function changeMemberRole(
  input: { userId: number; role: OrgRole },
  actor: PublicUser,
  db: Db = getDb(),
): string {
  return db.transaction(
    (tx) => {
      const me = requireOwner(tx, actor);
      const target = memberOf(tx, me.organizationId, input.userId);
      if (target.orgRole === input.role) return 'Nothing to change.';
      if (target.orgRole === 'owner' && otherOwners(tx, me.organizationId, target.id) === 0) throw conflict(LAST_OWNER);
      tx.update(users).set({ orgRole: input.role }).where(eq(users.id, target.id)).run();
      recordOrgEvent(tx, me.organizationId, me.id, 'role_changed', {
        email: target.email,
        from: target.orgRole ?? 'member',
        to: input.role,
      });
      return `${target.name} is now ${input.role === 'owner' ? 'an owner' : 'a member'}.`;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Owners remove a colleague. The account stays, without an organisation: currentUser() reads the
 * row on every request, so every session of theirs stops seeing the organisation's requests and
 * licences with this commit, not when a cookie expires.
 */
export function removeMember(input: { userId: number }, actor: PublicUser, db: Db = getDb()): string {
  const message = db.transaction(
    (tx) => {
      const me = requireOwner(tx, actor);
      const target = memberOf(tx, me.organizationId, input.userId);
      if (target.orgRole === 'owner' && otherOwners(tx, me.organizationId, target.id) === 0) throw conflict(LAST_OWNER);
      tx.update(users).set({ organizationId: null, orgRole: null }).where(eq(users.id, target.id)).run();
      recordOrgEvent(tx, me.organizationId, me.id, target.id === me.id ? 'member_left' : 'member_removed', {
        email: target.email,
        role: target.orgRole ?? 'member',
      });
      const org = tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, me.organizationId))
        .get()!;
      if (target.id !== me.id) enqueueMail(tx, removedMail(target.email, org.name));
      return target.id === me.id ? 'You left the organisation.' : `${target.name} was removed from the organisation.`;
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return message;
}

/**
 * Nobody else in the organisation and no request ever made in its name: what registering makes
 * before anything happens. Its last owner may leave it (to join a colleague's organisation they
 * were invited to); nothing of it would be left without an owner.
 */
function aloneInUnusedOrganization(tx: Conn, organizationId: number, userId: number): boolean {
  const others = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), ne(users.id, userId)))
    .get();
  const request = tx
    .select({ id: licenseRequests.id })
    .from(licenseRequests)
    .where(eq(licenseRequests.organizationId, organizationId))
    .get();
  return !others && !request;
}

/**
 * Any member leaves; the last owner cannot (the organisation would have nobody to run it), unless
 * they are all of it and it has no requests — else someone who registered before a colleague
 * invited them could never accept.
 */
export function leaveOrganization(actor: PublicUser, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const me = tx.select().from(users).where(eq(users.id, actor.id)).get();
      if (!me || me.organizationId === null) throw notFound('You are not in an organisation.');
      if (me.orgRole === 'owner' && otherOwners(tx, me.organizationId, me.id) === 0) {
        if (!aloneInUnusedOrganization(tx, me.organizationId, me.id)) throw conflict(LAST_OWNER);
        // Its open invitations would bring people into an organisation nobody owns: they end with it.
        retireTokens(tx, 'join_organization', { organizationId: me.organizationId });
      }
      tx.update(users).set({ organizationId: null, orgRole: null }).where(eq(users.id, me.id)).run();
      recordOrgEvent(tx, me.organizationId, me.id, 'member_left', { email: me.email, role: me.orgRole ?? 'member' });
      return 'You left the organisation.';
    },
    { behavior: 'immediate' },
  );
}
