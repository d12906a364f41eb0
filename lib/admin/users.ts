import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, ne, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { organizations, users, type PublicUser, type Role } from '@/db/schema';
import { createUser, EmailTakenError } from '@/lib/auth/users';
import { changeRoleSchema, createStaffSchema, setDisabledSchema } from '@/lib/validation/admin';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';
import { adminOnly, errorState, refusal } from './guard';

export const USERS_PAGE_SIZE = 50;

export type UserRow = { id: number; name: string; email: string; role: Role; disabled: boolean; createdAt: string; organization: string | null };

/** Accounts for /admin/users: staff and admins first, then publishers; optional search. */
export async function listUsers(opts: { q?: string; page?: number } = {}, db: Db = getDb()) {
  const page = Math.max(1, opts.page ?? 1);
  const q = opts.q?.trim();
  const pattern = q ? `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = pattern ? or(sql`${users.email} like ${pattern} escape '\\'`, sql`lower(${users.name}) like ${pattern} escape '\\'`) : undefined;
  const rows = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabled: users.disabled, createdAt: users.createdAt, organization: organizations.name })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(sql`case ${users.role} when 'admin' then 0 when 'staff' then 1 else 2 end`, asc(users.email))
    .limit(USERS_PAGE_SIZE + 1)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, USERS_PAGE_SIZE) as UserRow[], page, hasNext: rows.length > USERS_PAGE_SIZE };
}

export type CreateStaffState = FormState | { ok: true; message: string; password: string; email: string };

/** A generated password: 16 characters from 96 random bits, shown to the admin once. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Admin creates a staff or admin account, with a typed or generated password. */
export async function createStaffAccount(user: PublicUser | null, formData: FormData): Promise<CreateStaffState> {
  if (!adminOnly(user)) return refusal();
  const values = submittedValues(formData, ['password']);
  const parsed = createStaffSchema.safeParse({ ...Object.fromEntries(formData), generate: formData.get('generate') === 'on' });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  const { name, email, role, generate } = parsed.data;
  const password = generate ? generatePassword() : parsed.data.password;
  try {
    await createUser({ name, email, role, password });
  } catch (e) {
    if (e instanceof EmailTakenError) return { ok: false, errors: { email: e.message }, message: 'Please correct the marked fields.', values };
    return errorState(e, values);
  }
  if (generate) return { ok: true, message: `Account created for ${email}.`, password, email };
  return { ok: true, message: `Account created for ${email}.` };
}

class GuardError extends Error {}

/**
 * Role changes and disabling share one rule: an admin cannot act on their own account, and the
 * desk always keeps at least one active admin. Checked inside the write lock, so two admins
 * demoting each other at once cannot leave none.
 */
function guardedUpdate(db: Db, actor: PublicUser, targetId: number, set: Partial<{ role: Role; disabled: boolean }>): string | null {
  if (targetId === actor.id) return set.disabled ? 'You cannot disable your own account.' : 'You cannot change your own role.';
  try {
    return db.transaction(
      (tx) => {
        const target = tx.select().from(users).where(eq(users.id, targetId)).get();
        if (!target) throw new GuardError('No such user.');
        const losesAdmin = target.role === 'admin' && !target.disabled && ((set.role && set.role !== 'admin') || set.disabled === true);
        if (losesAdmin) {
          const others = tx.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, targetId))).get()!.n;
          if (others === 0) throw new GuardError('The desk needs at least one active admin.');
        }
        tx.update(users).set(set).where(eq(users.id, targetId)).run();
        return null;
      },
      { behavior: 'immediate' },
    );
  } catch (e) {
    if (e instanceof GuardError) return e.message;
    throw e;
  }
}

export async function changeRole(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!adminOnly(user)) return refusal();
  const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please choose a role.' };
  const refused = guardedUpdate(db, user, parsed.data.userId, { role: parsed.data.role });
  return refused ? { ok: false, errors: {}, message: refused } : { ok: true, message: 'Role changed.' };
}

export async function setDisabled(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!adminOnly(user)) return refusal();
  const parsed = setDisabledSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, errors: {}, message: 'Unknown user.' };
  const refused = guardedUpdate(db, user, parsed.data.userId, { disabled: parsed.data.disabled });
  if (refused) return { ok: false, errors: {}, message: refused };
  // currentUser() reads the account on every request, so a disabled user's session stops now.
  return { ok: true, message: parsed.data.disabled ? 'Account disabled; their sessions no longer work.' : 'Account enabled.' };
}

