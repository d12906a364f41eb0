import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { accountTokens, outbox, users, type PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';

// The session layer decodes a JWT into { user: { id } }; here that step is replaced by a fixed
// session, so currentUser()'s own check (the account read fresh from the database) is what runs.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: number } } }));
// The decoded cookie (lib/auth/session-token.ts) as sign-in makes it: a live session row, its id in the token.
vi.mock('@/lib/auth/session-token', async () => {
  const { createSession } = await import('@/lib/auth/sessions');
  return {
    logSessionReads: false,
    sessionToken: async () =>
      session.current ? { uid: session.current.user.id, sid: createSession(session.current.user.id, 'test') } : null,
  };
});
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {} }));
process.env.NEXTAUTH_SECRET ??= 'test-secret-for-admin-users';

const { listUsers } = await import('@/lib/users/accounts');
const { changeRoleAction, inviteStaffAction, revokeStaffInvitationAction, setDisabledAction } =
  await import('@/app/(site)/admin/users/actions');
const { acceptStaffInvitationAction } = await import('@/app/(site)/staff-invitation/actions');
const { listStaffInvitations, viewStaffInvitation } = await import('@/lib/users/staff-invitations');
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

describe('inviting staff (typed passwords stay with the CLI)', () => {
  /** The newest staff invitation link mailed to `email`, text and HTML alike. */
  const mailedToken = (email: string) => {
    const mail = db.select().from(outbox).where(eq(outbox.to, email)).all().at(-1)!;
    expect(mail.kind).toBe('staff_invitation');
    const token = /\/staff-invitation\?token=([\w-]+)/.exec(mail.text)![1]!;
    expect(mail.html).toContain(`/staff-invitation?token=${token}`);
    return token;
  };

  it('mails a link with which the invitee sets name and password; the account is verified and has the invited role', async () => {
    const r = await asUser(inviteStaffAction, admin, { email: 'Nora@Desk.example', role: 'admin' });
    expect(r).toMatchObject({ ok: true });
    expect(listStaffInvitations(db)).toMatchObject([{ email: 'nora@desk.example', role: 'admin' }]);
    const token = mailedToken('nora@desk.example');
    expect(viewStaffInvitation(token, db)).toEqual({ ok: true, email: 'nora@desk.example', role: 'admin' });

    // The form cannot choose the role or the address: the invitation does.
    const done = await acceptStaffInvitationAction(
      null as never,
      fd({ token, name: 'Nora New', password: 'a long enough password', role: 'staff', email: 'x@evil.example' }),
    );
    expect(done).toMatchObject({ ok: true });
    const user = await authorizeCredentials(
      { email: 'nora@desk.example', password: 'a long enough password' },
      '10.9.0.1',
    );
    expect(user).toMatchObject({ role: 'admin', name: 'Nora New' });
    expect(row(user.id).emailVerifiedAt).not.toBeNull();
    expect(listStaffInvitations(db)).toEqual([]);

    const again = await acceptStaffInvitationAction(
      null as never,
      fd({ token, name: 'M', password: 'a long enough password' }),
    );
    expect(again).toMatchObject({ ok: false, code: 'gone' });
  });

  it('an expired or withdrawn link says so and creates nothing; bad input is refused at its field', async () => {
    await asUser(inviteStaffAction, admin, { email: 'late@desk.example', role: 'staff' });
    const late = mailedToken('late@desk.example');
    db.update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1).toISOString() })
      .run();
    expect(
      await acceptStaffInvitationAction(
        null as never,
        fd({ token: late, name: 'L', password: 'a long enough password' }),
      ),
    ).toMatchObject({
      ok: false,
      code: 'gone',
      message: expect.stringMatching(/expired/),
    });

    await asUser(inviteStaffAction, admin, { email: 'gone@desk.example', role: 'staff' });
    const gone = mailedToken('gone@desk.example');
    const [pending] = listStaffInvitations(db);
    expect(await asUser(revokeStaffInvitationAction, admin, { invitationId: String(pending!.id) })).toMatchObject({
      ok: true,
    });
    expect(viewStaffInvitation(gone, db)).toMatchObject({ ok: false, reason: 'used' });
    expect(
      await acceptStaffInvitationAction(
        null as never,
        fd({ token: gone, name: 'G', password: 'a long enough password' }),
      ),
    ).toMatchObject({ ok: false, code: 'gone', message: expect.stringMatching(/withdrawn/) });
    const short = await acceptStaffInvitationAction(null as never, fd({ token: gone, name: 'G', password: 'short' }));
    expect(short).toMatchObject({ ok: false, errors: { password: expect.any(String) }, values: { name: 'G' } });
    expect(short && 'values' in short && short.values).not.toHaveProperty('password');
    expect(db.select().from(users).where(eq(users.email, 'gone@desk.example')).get()).toBeUndefined();
    expect(db.select().from(users).where(eq(users.email, 'late@desk.example')).get()).toBeUndefined();

    expect(await asUser(inviteStaffAction, admin, { email: 'BOSS@desk.example', role: 'staff' })).toMatchObject({
      ok: false,
      errors: { email: expect.stringMatching(/already exists/) },
    });
    expect(await asUser(inviteStaffAction, admin, { email: 'y@desk.example', role: 'publisher' })).toMatchObject({
      ok: false,
      errors: { role: expect.any(String) },
    });
    // Only admins invite.
    const staff = toPublicUser(makeUser(db, { role: 'staff' }));
    expect(await asUser(inviteStaffAction, staff, { email: 'z@desk.example', role: 'admin' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(listStaffInvitations(db)).toEqual([]);
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

  it('an admin disabled or demoted: the staff invitations they sent end with their rights', async () => {
    const rogue = toPublicUser(makeUser(db, { role: 'admin', email: 'rogue@desk.example' }));
    const demoted = toPublicUser(makeUser(db, { role: 'admin', email: 'demoted@desk.example' }));
    await asUser(inviteStaffAction, rogue, { email: 'accomplice@elsewhere.example', role: 'admin' });
    await asUser(inviteStaffAction, demoted, { email: 'friend@elsewhere.example', role: 'staff' });
    await asUser(inviteStaffAction, admin, { email: 'kept@desk.example', role: 'staff' });
    const tokenFor = (email: string) =>
      /\/staff-invitation\?token=([\w-]+)/.exec(
        db.select().from(outbox).where(eq(outbox.to, email)).all().at(-1)!.text,
      )![1]!;

    expect(await asUser(setDisabledAction, admin, { userId: String(rogue.id), disabled: 'true' })).toMatchObject({
      ok: true,
    });
    expect(await asUser(changeRoleAction, admin, { userId: String(demoted.id), role: 'staff' })).toMatchObject({
      ok: true,
    });
    expect(listStaffInvitations(db).map((i) => i.email)).toEqual(['kept@desk.example']);
    for (const email of ['accomplice@elsewhere.example', 'friend@elsewhere.example']) {
      expect(
        await acceptStaffInvitationAction(
          null as never,
          fd({ token: tokenFor(email), name: 'X', password: 'a long enough password' }),
        ),
      ).toMatchObject({ ok: false, code: 'gone' });
      expect(db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    }
    expect(viewStaffInvitation(tokenFor('kept@desk.example'), db)).toMatchObject({ ok: true });
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
