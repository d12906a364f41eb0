import 'server-only';
import { and, asc, count, eq, ne, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { organizations, users, type PublicUser, type Role } from '@/db/schema';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { withdrawStaffInvitationsBy } from './staff-invitations';
import { conflict, forbidden, notFound } from '@/lib/errors';

export const USERS_PAGE_SIZE = 50;

export type UserRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  organization: string | null;
};

/** Accounts for /admin/users: staff and admins first, then publishers; optional search. */
export function listUsers(opts: { q?: string; page?: number } = {}, db: Db = getDb()) {
  const page = Math.max(1, opts.page ?? 1);
  const q = opts.q?.trim();
  const pattern = q ? `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = pattern
    ? or(sql`${users.email} like ${pattern} escape '\\'`, sql`lower(${users.name}) like ${pattern} escape '\\'`)
    : undefined;
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
      organization: organizations.name,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(sql`case ${users.role} when 'admin' then 0 when 'staff' then 1 else 2 end`, asc(users.email))
    .limit(USERS_PAGE_SIZE + 1)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, USERS_PAGE_SIZE) as UserRow[], page, hasNext: rows.length > USERS_PAGE_SIZE };
}

/**
 * Role changes and disabling share one rule: an admin cannot act on their own account, and the
 * desk always keeps at least one active admin. Checked inside the write lock, so two admins
 * demoting each other at once cannot leave none.
 */
function guardedUpdate(
  db: Db,
  actor: PublicUser,
  targetId: number,
  set: Partial<{ role: Role; disabled: boolean }>,
): void {
  if (targetId === actor.id)
    throw forbidden(set.disabled ? 'You cannot disable your own account.' : 'You cannot change your own role.');
  db.transaction(
    (tx) => {
      const target = tx.select().from(users).where(eq(users.id, targetId)).get();
      if (!target) throw notFound('No such user.');
      const losesAdmin =
        target.role === 'admin' && !target.disabled && ((set.role && set.role !== 'admin') || set.disabled === true);
      if (losesAdmin) {
        const others = tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, targetId)))
          .get()!.n;
        if (others === 0) throw conflict('The desk needs at least one active admin.');
      }
      tx.update(users).set(set).where(eq(users.id, targetId)).run();
      // An invitation speaks for the admin who sent it: a pending one must not hand out staff or
      // admin rights its sender no longer has (a disabled account may be a compromised one).
      if (losesAdmin) withdrawStaffInvitationsBy(tx, targetId);
      // A disabled account's sessions end with the change, not when their cookies expire.
      if (set.disabled) revokeUserSessions(targetId, {}, tx);
    },
    { behavior: 'immediate' },
  );
}

export function changeRole(input: { userId: number; role: Role }, user: PublicUser, db: Db = getDb()): string {
  guardedUpdate(db, user, input.userId, { role: input.role });
  return 'Role changed.';
}

export function setDisabled(input: { userId: number; disabled: boolean }, user: PublicUser, db: Db = getDb()): string {
  guardedUpdate(db, user, input.userId, { disabled: input.disabled });
  // currentUser() reads the account on every request, so a disabled user's session stops now.
  return input.disabled ? 'Account disabled; their sessions no longer work.' : 'Account enabled.';
}
