import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { outbox, users, type PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';

process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

// As in auth-sign-out-everywhere.test.ts: who.current is the signed-in account, `jar` holds a real
// next-auth JWT so the actions find the real session id to keep.
const who = vi.hoisted(() => ({ current: null as PublicUser | null }));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('@/lib/auth/session', async () => ({ currentUser: async () => who.current }));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {} }));
vi.mock('next/headers', async () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    delete: (name: string) => jar.delete(name),
  }),
}));

const { changeNameAction, changePasswordAction, changeEmailAction } =
  await import('@/app/(site)/account/settings/actions');
const { authOptions } = await import('@/lib/auth/options');
const { authSecret } = await import('@/lib/auth/secret');
const { createSession, isSessionLive } = await import('@/lib/auth/sessions');
const { hashPassword, verifyPassword } = await import('@/lib/auth/password');
const { toPublicUser } = await import('@/lib/auth/users');
const { confirmEmailChange } = await import('@/lib/auth/change-email');
const { issueToken, checkToken, TOKEN_TTL_MS } = await import('@/lib/auth/tokens');
const { PASSWORD_CHECKS_PER_HOUR } = await import('@/lib/auth/account-settings');

const COOKIE = 'next-auth.session-token';
const PASSWORD = 'the current password';
let db: Db;
beforeEach(() => {
  db = freshDb();
  jar.clear();
  who.current = null;
});
afterEach(() => vi.restoreAllMocks());

/** An account with a real password hash, signed in here (its JWT in the jar) and on another device. */
async function account(email = 'cara@example.org') {
  const row = makeUser(db, { email, name: 'Cara Changes', organizationId: makeOrg(db).id });
  db.update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, row.id))
    .run();
  const me = toPublicUser(db.select().from(users).where(eq(users.id, row.id)).get()!);
  const here = createSession(me.id, 'Chrome', db);
  const elsewhere = createSession(me.id, 'Firefox', db);
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: String(me.id) },
    user: { id: String(me.id), email: me.email, name: me.name, role: me.role, sid: here } as never,
    account: null,
    trigger: 'signIn',
  });
  jar.set(COOKIE, await encode({ token, secret: authSecret() }));
  who.current = me;
  return { me, here, elsewhere };
}

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const row = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;
const mails = () => db.select().from(outbox).all();
const changeToken = (text: string) => /change-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('name', () => {
  it('is saved; an empty one is refused at the field', async () => {
    const { me } = await account();
    expect(await changeNameAction(null, form({ name: 'Cara New' }))).toMatchObject({ ok: true });
    expect(row(me.id).name).toBe('Cara New');
    expect(await changeNameAction(null, form({ name: '  ' }))).toMatchObject({
      ok: false,
      code: 'invalid',
      errors: { name: 'Enter your name.' },
    });
  });
});

describe('password', () => {
  it('needs the current password; a new one ends the other sessions and keeps this one', async () => {
    const { me, here, elsewhere } = await account();
    const wrong = await changePasswordAction(
      null,
      form({ currentPassword: 'not it at all', newPassword: 'n'.repeat(12) }),
    );
    expect(wrong).toMatchObject({ ok: false, code: 'invalid', errors: { currentPassword: expect.any(String) } });
    expect(wrong && !wrong.ok && wrong.values).toEqual({});
    expect(isSessionLive(elsewhere, me.id, db)).toBe(true);

    expect(
      await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: 'a new long password' })),
    ).toEqual({ ok: true, message: 'Your password is changed; 1 other session was signed out.' });
    expect(await verifyPassword('a new long password', row(me.id).passwordHash)).toBe(true);
    expect(isSessionLive(here, me.id, db)).toBe(true);
    expect(isSessionLive(elsewhere, me.id, db)).toBe(false);
    expect(mails().map((m) => [m.to, m.kind])).toEqual([[me.email, 'password_changed']]);
  });

  it('a reset link still in the mailbox stops working after a change', async () => {
    const { me } = await account();
    const reset = issueToken(db, { purpose: 'reset_password', userId: me.id, email: me.email });
    await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: 'a new long password' }));
    expect(checkToken(db, 'reset_password', reset)).toEqual({ ok: false, reason: 'used' });
  });

  it('guessing the current password is limited per account', async () => {
    await account();
    for (let i = 0; i < PASSWORD_CHECKS_PER_HOUR; i++)
      await changePasswordAction(null, form({ currentPassword: `guess ${i}`, newPassword: 'n'.repeat(12) }));
    expect(
      await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: 'a new long password' })),
    ).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  it('refuses a visitor', async () => {
    const { me, elsewhere } = await account();
    who.current = null;
    expect(
      await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: 'a new long password' })),
    ).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(isSessionLive(elsewhere, me.id, db)).toBe(true);
  });
});

describe('email address', () => {
  it('mails a link to the new address and tells the old one; following the link moves and verifies', async () => {
    const { me } = await account();
    const res = await changeEmailAction(null, form({ email: 'Cara.New@Example.org', currentPassword: PASSWORD }));
    expect(res).toMatchObject({ ok: true, message: expect.stringContaining('cara.new@example.org') });
    expect(row(me.id).email).toBe(me.email);
    const sent = mails();
    expect(sent.map((m) => [m.to, m.kind])).toEqual([
      ['cara.new@example.org', 'email_change'],
      [me.email, 'email_change_requested'],
    ]);
    const token = changeToken(sent[0]!.text)!;
    expect(sent[1]!.text).not.toContain(token);

    db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, me.id)).run();
    expect(confirmEmailChange(token, db)).toBe('changed');
    expect(row(me.id)).toMatchObject({ email: 'cara.new@example.org', emailVerifiedAt: expect.any(String) });
    expect(mails().at(-1)).toMatchObject({ to: me.email, kind: 'email_changed' });
    expect(confirmEmailChange(token, db)).toBe('used');
  });

  it('a taken address gets the same answer, no link, and a "someone tried" mail; nothing changes', async () => {
    const taken = makeUser(db, { email: 'taken@example.org' });
    const { me } = await account();
    const free = await changeEmailAction(null, form({ email: 'free@example.org', currentPassword: PASSWORD }));
    const busy = await changeEmailAction(null, form({ email: 'taken@example.org', currentPassword: PASSWORD }));
    expect(busy).toMatchObject({ ok: true });
    expect(busy && busy.ok && busy.message).toBe(
      free && free.ok && free.message!.replace('free@example.org', 'taken@example.org'),
    );
    const toTaken = mails().filter((m) => m.to === taken.email);
    expect(toTaken.map((m) => m.kind)).toEqual(['email_change_attempt']);
    expect(toTaken[0]!.text).not.toMatch(/token=/);
    expect(row(me.id).email).toBe(me.email);
    expect(row(taken.id).email).toBe('taken@example.org');
  });

  it('needs the current password, refuses the same address, and keeps what was typed', async () => {
    const { me } = await account();
    const wrong = await changeEmailAction(null, form({ email: 'x@example.org', currentPassword: 'wrong one' }));
    expect(wrong).toMatchObject({
      ok: false,
      errors: { currentPassword: expect.any(String) },
      values: { email: 'x@example.org' },
    });
    const same = await changeEmailAction(null, form({ email: me.email, currentPassword: PASSWORD }));
    expect(same).toMatchObject({ ok: false, errors: { email: 'This is already your email address.' } });
    expect(mails()).toEqual([]);
  });

  it('an address taken after the link was sent is not taken over; the link is used up', async () => {
    const { me } = await account();
    await changeEmailAction(null, form({ email: 'late@example.org', currentPassword: PASSWORD }));
    const token = changeToken(mails()[0]!.text)!;
    const late = makeUser(db, { email: 'late@example.org' });
    expect(confirmEmailChange(token, db)).toBe('taken');
    expect(row(me.id).email).toBe(me.email);
    expect(row(late.id).email).toBe('late@example.org');
    expect(checkToken(db, 'change_email', token)).toEqual({ ok: false, reason: 'used' });
  });

  it('expired, wrong-purpose and made-up links change nothing; only the newest request counts', async () => {
    const { me } = await account();
    const old = issueToken(
      db,
      { purpose: 'change_email', userId: me.id, email: 'old@example.org' },
      Date.now() - TOKEN_TTL_MS.change_email - 1000,
    );
    const reset = issueToken(db, { purpose: 'reset_password', userId: me.id, email: 'evil@example.org' });
    expect(confirmEmailChange(old, db)).toBe('expired');
    expect(confirmEmailChange(reset, db)).toBe('invalid');
    expect(confirmEmailChange('nope', db)).toBe('invalid');
    await changeEmailAction(null, form({ email: 'first@example.org', currentPassword: PASSWORD }));
    await changeEmailAction(null, form({ email: 'second@example.org', currentPassword: PASSWORD }));
    const [first, second] = mails()
      .filter((m) => m.kind === 'email_change')
      .map((m) => changeToken(m.text)!);
    expect(confirmEmailChange(first, db)).toBe('used');
    expect(row(me.id).email).toBe(me.email);
    expect(confirmEmailChange(second, db)).toBe('changed');
    expect(row(me.id).email).toBe('second@example.org');
  });

  it('a link acts only on the account that asked for it', async () => {
    const { me } = await account();
    const other = makeUser(db, { email: 'other@example.org' });
    await changeEmailAction(null, form({ email: 'mine-now@example.org', currentPassword: PASSWORD }));
    expect(confirmEmailChange(changeToken(mails()[0]!.text)!, db)).toBe('changed');
    expect(row(other.id).email).toBe('other@example.org');
    expect(row(me.id).email).toBe('mine-now@example.org');
  });
});
