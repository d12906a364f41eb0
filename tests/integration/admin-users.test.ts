import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { users, type PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';

// The session layer decodes a JWT into { user: { id } }; here that step is replaced by a fixed
// session, so currentUser()'s own check (the account read fresh from the database) is what runs.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: number } } }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => session.current,
}));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {} }));
process.env.NEXTAUTH_SECRET ??= 'test-secret-for-admin-users';

const { listUsers } = await import('@/lib/users/accounts');
const { changeRoleAction, createStaffAction, setDisabledAction } = await import('@/app/(site)/admin/users/actions');
const { authorizeCredentials, GENERIC_LOGIN_ERROR } = await import('@/lib/auth/authorize');
const { currentUser } = await import('@/lib/auth/session');
const { toPublicUser, createUser } = await import('@/lib/auth/users');

let db: Db;
let admin: PublicUser;
beforeEach(() => {
  db = freshDb();
  admin = toPublicUser(makeUser(db, { role: 'admin', email: 'boss@desk.example' }));
});

const fd = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
/** Calls an action with `user`'s session (restored at once, so parallel calls each keep their own). */
function asUser<S>(
  action: (prev: never, fd: FormData) => Promise<S>,
  user: PublicUser,
  fields: Record<string, string>,
): Promise<S> {
  const before = session.current;
  session.current = { user: { id: user.id } };
  try {
    return action(null as never, fd(fields));
  } finally {
    session.current = before;
  }
}
const row = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;

describe('creating staff', () => {
  it('with a generated password shown once, which signs in', async () => {
    const r = await asUser(createStaffAction, admin, {
      name: 'Nora New',
      email: 'Nora@Desk.example',
      role: 'staff',
      generate: 'on',
    });
    expect(r).toMatchObject({ ok: true, email: 'nora@desk.example', password: expect.stringMatching(/^[\w-]{16}$/) });
    const password = (r as { password: string }).password;
    const user = await authorizeCredentials({ email: 'nora@desk.example', password }, '10.9.0.1');
    expect(user).toMatchObject({ role: 'staff', name: 'Nora New' });
    expect(row(user.id).passwordHash).not.toContain(password);
  });

  it('with a typed password, which is never echoed back', async () => {
    const r = await asUser(createStaffAction, admin, {
      name: 'Ari Admin',
      email: 'ari@desk.example',
      role: 'admin',
      password: 'a long enough password',
    });
    expect(r).toEqual({ ok: true, message: expect.any(String) });
    expect(
      (await authorizeCredentials({ email: 'ari@desk.example', password: 'a long enough password' }, '10.9.0.2')).role,
    ).toBe('admin');
  });

  it('reports a short password, a taken email and a bad role at their fields', async () => {
    const short = await asUser(createStaffAction, admin, {
      name: 'X',
      email: 'x@desk.example',
      role: 'staff',
      password: 'short',
    });
    expect(short).toMatchObject({ ok: false, errors: { password: expect.any(String) }, values: { name: 'X' } });
    expect(short && 'values' in short && short.values).not.toHaveProperty('password');
    expect(
      await asUser(createStaffAction, admin, { name: 'X', email: 'BOSS@desk.example', role: 'staff', generate: 'on' }),
    ).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/already exists/) } });
    expect(
      await asUser(createStaffAction, admin, { name: 'X', email: 'y@desk.example', role: 'publisher', generate: 'on' }),
    ).toMatchObject({ ok: false, errors: { role: expect.any(String) } });
  });

  it('lists staff first and finds by name or email', async () => {
    makeUser(db, { email: 'pub@outlet.example', name: 'Pat' });
    makeUser(db, { email: 'sol@desk.example', name: 'Sol', role: 'staff' });
    expect((await listUsers({}, db)).rows.map((u) => u.email)).toEqual([
      'boss@desk.example',
      'sol@desk.example',
      'pub@outlet.example',
    ]);
    expect((await listUsers({ q: 'PAT' }, db)).rows.map((u) => u.email)).toEqual(['pub@outlet.example']);
  });
});

describe('roles and disabling', () => {
  it('changes roles', async () => {
    const staff = makeUser(db, { role: 'staff' });
    expect(await asUser(changeRoleAction, admin, { userId: String(staff.id), role: 'admin' })).toMatchObject({
      ok: true,
    });
    expect(row(staff.id).role).toBe('admin');
  });

  it('an admin cannot disable or demote themselves', async () => {
    makeUser(db, { role: 'admin' }); // even with another admin around
    expect(await asUser(changeRoleAction, admin, { userId: String(admin.id), role: 'staff' })).toMatchObject({
      ok: false,
      message: 'You cannot change your own role.',
    });
    expect(await asUser(setDisabledAction, admin, { userId: String(admin.id), disabled: 'true' })).toMatchObject({
      ok: false,
      message: 'You cannot disable your own account.',
    });
    expect(row(admin.id)).toMatchObject({ role: 'admin', disabled: false });
  });

  it('the desk keeps at least one active admin', async () => {
    const other = toPublicUser(makeUser(db, { role: 'admin' }));
    // Two admins demoting each other at once: only one can win.
    const results = await Promise.all([
      asUser(changeRoleAction, admin, { userId: String(other.id), role: 'staff' }),
      asUser(changeRoleAction, other, { userId: String(admin.id), role: 'staff' }),
    ]);
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.find((r) => !r?.ok)).toMatchObject({ message: 'The desk needs at least one active admin.' });
    expect(db.select().from(users).where(eq(users.role, 'admin')).all()).toHaveLength(1);
  });

  it('a disabled user cannot sign in, and their running session stops working', async () => {
    const staff = await createUser({
      email: 'gone@desk.example',
      name: 'Gone Soon',
      password: 'the right password',
      role: 'staff',
    });
    session.current = { user: { id: staff.id } };
    expect((await currentUser())?.email).toBe('gone@desk.example');

    expect(await asUser(setDisabledAction, admin, { userId: String(staff.id), disabled: 'true' })).toMatchObject({
      ok: true,
    });
    expect(await currentUser()).toBeNull();
    await expect(
      authorizeCredentials({ email: 'gone@desk.example', password: 'the right password' }, '10.9.0.3'),
    ).rejects.toThrow(GENERIC_LOGIN_ERROR);

    expect(await asUser(setDisabledAction, admin, { userId: String(staff.id), disabled: 'false' })).toMatchObject({
      ok: true,
    });
    expect((await currentUser())?.id).toBe(staff.id);
    session.current = null;
  });

  it('a demoted admin loses admin rights on their next request', async () => {
    const other = makeUser(db, { role: 'admin' });
    session.current = { user: { id: other.id } };
    expect((await currentUser())?.role).toBe('admin');
    await asUser(changeRoleAction, admin, { userId: String(other.id), role: 'publisher' });
    expect((await currentUser())?.role).toBe('publisher');
    session.current = null;
  });
});
