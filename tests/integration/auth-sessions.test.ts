import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
// next-auth's request core (what its route handler calls), reached by path: the package does not export it.
import { AuthHandler } from '../../node_modules/next-auth/core';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { authOptions } from '@/lib/auth/options';
import { authSecret } from '@/lib/auth/secret';
import { createSession, signOutEverywhere, touchSessionIfStale } from '@/lib/auth/sessions';
import type { Db } from '@/db/client';

process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

let db: Db;
beforeEach(() => {
  db = freshDb();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** Signs in the way the Credentials provider does: authorize, then the jwt callback. */
async function signIn(user: { id: number; email: string; name: string; role: string }) {
  const fromAuthorize = { id: String(user.id), email: user.email, name: user.name, role: user.role };
  const sid = createSession(user.id, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', db);
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: String(user.id) },
    user: { ...fromAuthorize, sid } as never,
    account: null,
    trigger: 'signIn',
  });
  return { token, cookie: await encode({ token, secret: authSecret() }) };
}

async function sessionFor(cookie: string) {
  const res = await AuthHandler({
    req: {
      action: 'session',
      method: 'GET',
      origin: 'http://localhost:3000',
      headers: {},
      cookies: { 'next-auth.session-token': cookie },
    },
    options: authOptions,
  });
  return res.body as { user?: { id: number } };
}

describe('server-side sessions', () => {
  it('a cookie captured before sign-out is refused after it', async () => {
    const org = makeOrg(db);
    const user = makeUser(db, { organizationId: org.id });
    const { token, cookie } = await signIn(user);
    expect((await sessionFor(cookie)).user?.id).toBe(user.id);
    await authOptions.events?.signOut?.({ token, session: null as never });
    expect((await sessionFor(cookie)).user).toBeUndefined();
  });

  it('disabling an account ends its sessions at once', async () => {
    const admin = makeUser(db, { role: 'admin' });
    const user = makeUser(db, { organizationId: makeOrg(db).id });
    const { cookie } = await signIn(user);
    const { setDisabled } = await import('@/lib/users/accounts');
    expect(setDisabled({ userId: user.id, disabled: true }, admin as never, db)).toMatch(/disabled/i);
    const { sessions } = await import('@/db/schema');
    expect(
      db
        .select()
        .from(sessions)
        .all()
        .every((s) => s.revokedAt),
    ).toBe(true);
    expect((await sessionFor(cookie)).user).toBeUndefined();
  });

  it('"sign out everywhere" ends every session of that user only', async () => {
    const a = makeUser(db, { organizationId: makeOrg(db).id });
    const b = makeUser(db, { organizationId: makeOrg(db).id });
    const a1 = await signIn(a);
    const a2 = await signIn(a);
    const b1 = await signIn(b);
    signOutEverywhere(a.id, db);
    expect((await sessionFor(a1.cookie)).user).toBeUndefined();
    expect((await sessionFor(a2.cookie)).user).toBeUndefined();
    expect((await sessionFor(b1.cookie)).user?.id).toBe(b.id);
  });

  it('a token without a session id (issued before sessions were recorded) is refused', async () => {
    const user = makeUser(db, { organizationId: makeOrg(db).id });
    const cookie = await encode({
      token: { sub: String(user.id), uid: user.id, role: 'publisher' },
      secret: authSecret(),
    });
    expect((await sessionFor(cookie)).user).toBeUndefined();
  });

  it('touches last_seen at most once a minute', async () => {
    const user = makeUser(db);
    const sid = createSession(user.id, '', db);
    const now = Date.now();
    expect(touchSessionIfStale(sid, user.id, now + 30_000, db)).toEqual({ valid: true, touched: false });
    expect(touchSessionIfStale(sid, user.id, now + 61_000, db)).toEqual({ valid: true, touched: true });
    expect(touchSessionIfStale(sid, user.id, now + 90_000, db)).toEqual({ valid: true, touched: false });
    expect(touchSessionIfStale(sid, user.id + 1, now, db)).toEqual({ valid: false, touched: false });
  });
});
