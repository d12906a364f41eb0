import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import type { PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';

process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

// The request is who.current (the account checks are real) carrying the cookie jar `jar`: a real
// encrypted next-auth JWT, decoded by the real getToken, so the action finds the real session id.
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

const { signOutSessionsAction } = await import('@/app/(site)/account/settings/actions');
const { authOptions } = await import('@/lib/auth/options');
const { authSecret } = await import('@/lib/auth/secret');
const { createSession, isSessionLive, listSessions } = await import('@/lib/auth/sessions');
const { toPublicUser } = await import('@/lib/auth/users');

const COOKIE = 'next-auth.session-token';
let db: Db;
beforeEach(() => {
  db = freshDb();
  jar.clear();
  who.current = null;
});
afterEach(() => vi.restoreAllMocks());

/** A sign-in as the Credentials provider makes it: a session row, its id in the JWT. */
async function signIn(user: PublicUser) {
  const sid = createSession(user.id, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', db);
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: String(user.id) },
    user: { id: String(user.id), email: user.email, name: user.name, role: user.role, sid } as never,
    account: null,
    trigger: 'signIn',
  });
  return { sid, cookie: await encode({ token, secret: authSecret() }) };
}

function form(scope: string) {
  const fd = new FormData();
  fd.set('scope', scope);
  return fd;
}

describe('"Sign out everywhere" from the account page', () => {
  it('"everywhere else" ends the other sessions of that user, keeps the one asking and other users\' sessions', async () => {
    const me = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    const someoneElse = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    const here = await signIn(me);
    const phone = await signIn(me);
    const laptop = await signIn(me);
    const theirs = await signIn(someoneElse);
    who.current = me;
    jar.set(COOKIE, here.cookie);

    expect(await signOutSessionsAction(null, form('others'))).toEqual({
      ok: true,
      message: 'Signed out of 2 other sessions.',
    });
    expect(isSessionLive(here.sid, me.id, db)).toBe(true);
    expect(isSessionLive(phone.sid, me.id, db)).toBe(false);
    expect(isSessionLive(laptop.sid, me.id, db)).toBe(false);
    expect(isSessionLive(theirs.sid, someoneElse.id, db)).toBe(true);
    expect(listSessions(me.id, db).map((s) => s.id)).toEqual([here.sid]);
    expect(jar.has(COOKIE)).toBe(true);
  });

  it('"everywhere" ends the asking session too, drops its cookie and sends the user to sign in', async () => {
    const me = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    const here = await signIn(me);
    const phone = await signIn(me);
    who.current = me;
    jar.set(COOKIE, here.cookie);

    const thrown = await signOutSessionsAction(null, form('all')).catch((e: unknown) => e);
    expect(String((thrown as { digest?: string }).digest)).toContain('/login');
    expect(isSessionLive(here.sid, me.id, db)).toBe(false);
    expect(isSessionLive(phone.sid, me.id, db)).toBe(false);
    expect(jar.has(COOKIE)).toBe(false);
  });

  it('"everywhere else" without a readable session cookie keeps nothing rather than guess', async () => {
    const me = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    const a = await signIn(me);
    who.current = me;
    expect(await signOutSessionsAction(null, form('others'))).toMatchObject({ ok: true });
    expect(isSessionLive(a.sid, me.id, db)).toBe(false);
  });

  it('refuses a visitor and a made-up scope, and changes nothing', async () => {
    const me = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    const a = await signIn(me);
    expect(await signOutSessionsAction(null, form('all'))).toMatchObject({ ok: false, code: 'unauthorized' });
    who.current = me;
    jar.set(COOKIE, a.cookie);
    expect(await signOutSessionsAction(null, form('everyone'))).toMatchObject({ ok: false, code: 'invalid' });
    expect(isSessionLive(a.sid, me.id, db)).toBe(true);
  });
});
