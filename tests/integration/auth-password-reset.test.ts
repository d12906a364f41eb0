import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { accountTokens, outbox, users } from '@/db/schema';
import type { Db } from '@/db/client';
import { verifyPassword } from '@/lib/auth/password';
import {
  RESET_LINK_MESSAGES,
  RESET_PER_EMAIL_PER_HOUR,
  RESET_SENT_MESSAGE,
  requestPasswordReset,
  resetPassword,
} from '@/lib/auth/password-reset';
import { createSession, isSessionLive } from '@/lib/auth/sessions';
import { issueToken, TOKEN_TTL_MS } from '@/lib/auth/tokens';
import { isAppError } from '@/lib/errors';

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const mails = () => db.select().from(outbox).all();
const tokenFrom = (text: string) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
const user = (over: Parameters<typeof makeUser>[1] = {}) =>
  makeUser(db, { organizationId: makeOrg(db).id, email: 'rosa@example.org', ...over });
const hashOf = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!.passwordHash;
const NEW = 'a brand new password';

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { code: e.code, message: e.message };
}

describe('asking for a reset link', () => {
  it('answers a known and an unknown address alike; only the known one gets a mail with a link', async () => {
    const u = user();
    const known = await requestPasswordReset({ email: u.email }, '10.0.0.1', db);
    const unknown = await requestPasswordReset({ email: 'nobody@example.org' }, '10.0.0.1', db);
    expect(known).toBe(RESET_SENT_MESSAGE);
    expect(unknown).toBe(known);
    expect(mails()).toHaveLength(1);
    const [mail] = mails();
    expect(mail).toMatchObject({ to: u.email, kind: 'password_reset' });
    expect(mail!.html).toContain('/reset-password?token=');
    const row = db.select().from(accountTokens).get()!;
    expect(row).toMatchObject({ purpose: 'reset_password', userId: u.id, email: u.email });
    expect(row.tokenHash).not.toContain(tokenFrom(mail!.text)!);
    expect(Math.abs(Date.parse(row.expiresAt) - Date.now() - TOKEN_TTL_MS.reset_password)).toBeLessThan(60_000);
  });

  it('takes about as long for an unknown address as for a known one (one scrypt either way)', async () => {
    const u = user();
    const time = async (email: string, address: string) => {
      const t = performance.now();
      await requestPasswordReset({ email }, address, db);
      return performance.now() - t;
    };
    await time('warm@example.org', '10.9.9.9');
    const known = await time(u.email, '10.0.0.2');
    const unknown = await time('nobody@example.org', '10.0.0.3');
    // scrypt (tens of ms) dominates both; without it the unknown answer would take well under 1 ms.
    expect(unknown).toBeGreaterThan(known / 10);
    expect(unknown).toBeGreaterThan(5);
  });

  it('is limited per target address and per client address, known or not, with the same refusal', async () => {
    const u = user();
    for (let i = 0; i < RESET_PER_EMAIL_PER_HOUR; i++)
      await requestPasswordReset({ email: u.email }, `10.1.0.${i}`, db);
    const knownRefusal = await failure(requestPasswordReset({ email: u.email }, '10.1.1.1', db));
    for (let i = 0; i < RESET_PER_EMAIL_PER_HOUR; i++)
      await requestPasswordReset({ email: 'ghost@example.org' }, `10.2.0.${i}`, db);
    const unknownRefusal = await failure(requestPasswordReset({ email: 'ghost@example.org' }, '10.2.1.1', db));
    expect(knownRefusal).toEqual({ code: 'rate_limited', message: expect.stringContaining('try again in an hour') });
    expect(unknownRefusal).toEqual(knownRefusal);
    expect(mails()).toHaveLength(RESET_PER_EMAIL_PER_HOUR);

    // One client address asking for many different accounts is stopped too.
    let refused = 0;
    for (let i = 0; i < 15; i++) {
      const r = await requestPasswordReset({ email: `many-${i}@example.org` }, '10.3.0.1', db).catch(() => 'refused');
      if (r === 'refused') refused++;
    }
    expect(refused).toBe(5);
  });

  it('a newer link replaces the older one; a disabled account gets no link', async () => {
    const u = user();
    await requestPasswordReset({ email: u.email }, '10.0.0.1', db);
    await requestPasswordReset({ email: u.email }, '10.0.0.1', db);
    const [first, second] = mails().map((m) => tokenFrom(m.text)!);
    expect(await failure(resetPassword({ token: first!, password: NEW }, db))).toEqual({
      code: 'gone',
      message: RESET_LINK_MESSAGES.used,
    });
    expect(await resetPassword({ token: second!, password: NEW }, db)).toMatch(/new password is set/);

    const off = makeUser(db, { email: 'off@example.org' });
    db.update(users).set({ disabled: true }).where(eq(users.id, off.id)).run();
    await requestPasswordReset({ email: off.email }, '10.0.0.1', db);
    expect(mails().filter((m) => m.to === off.email)).toEqual([]);
  });
});

describe('setting a new password from the link', () => {
  it('sets the password, confirms the address, ends every session, and works once', async () => {
    const u = user({ verified: false });
    const s1 = createSession(u.id, 'Firefox', db);
    const s2 = createSession(u.id, 'Chrome', db);
    const other = makeUser(db);
    const theirs = createSession(other.id, 'Chrome', db);
    await requestPasswordReset({ email: u.email }, '10.0.0.1', db);
    const token = tokenFrom(mails()[0]!.text)!;

    await resetPassword({ token, password: NEW }, db);
    expect(await verifyPassword(NEW, hashOf(u.id))).toBe(true);
    expect(db.select().from(users).where(eq(users.id, u.id)).get()!.emailVerifiedAt).not.toBeNull();
    expect(isSessionLive(s1, u.id, db)).toBe(false);
    expect(isSessionLive(s2, u.id, db)).toBe(false);
    expect(isSessionLive(theirs, other.id, db)).toBe(true);
    expect(mails().map((m) => m.kind)).toEqual(['password_reset', 'password_changed']);

    const hash = hashOf(u.id);
    expect(await failure(resetPassword({ token, password: 'yet another password' }, db))).toMatchObject({
      code: 'gone',
    });
    expect(hashOf(u.id)).toBe(hash);
  });

  it('refuses an expired link, a link of another purpose and a made-up one, and changes nothing', async () => {
    const u = user();
    const before = hashOf(u.id);
    const s = createSession(u.id, 'Firefox', db);
    const old = Date.now() - TOKEN_TTL_MS.reset_password - 1000;
    const expired = issueToken(db, { purpose: 'reset_password', userId: u.id, email: u.email }, old);
    const verify = issueToken(db, { purpose: 'verify_email', userId: u.id, email: u.email });
    const change = issueToken(db, { purpose: 'change_email', userId: u.id, email: u.email });
    expect(await failure(resetPassword({ token: expired, password: NEW }, db))).toEqual({
      code: 'gone',
      message: RESET_LINK_MESSAGES.expired,
    });
    for (const token of [verify, change, 'x'.repeat(43), '']) {
      expect(await failure(resetPassword({ token, password: NEW }, db))).toEqual({
        code: 'not_found',
        message: RESET_LINK_MESSAGES.invalid,
      });
    }
    expect(hashOf(u.id)).toBe(before);
    expect(isSessionLive(s, u.id, db)).toBe(true);
  });

  it('acts only on the account it was sent for: another account is untouched', async () => {
    const a = user();
    const b = makeUser(db, { email: 'bob@example.org' });
    const bHash = hashOf(b.id);
    await requestPasswordReset({ email: a.email }, '10.0.0.1', db);
    await resetPassword({ token: tokenFrom(mails()[0]!.text)!, password: NEW }, db);
    expect(hashOf(b.id)).toBe(bHash);
    expect(await verifyPassword(NEW, hashOf(a.id))).toBe(true);
  });

  it('a link sent to an address the account has since left does not work', async () => {
    const u = user();
    await requestPasswordReset({ email: u.email }, '10.0.0.1', db);
    db.update(users).set({ email: 'moved@example.org' }).where(eq(users.id, u.id)).run();
    expect(await failure(resetPassword({ token: tokenFrom(mails()[0]!.text)!, password: NEW }, db))).toMatchObject({
      code: 'not_found',
    });
  });
});
