import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { accountTokens, users } from '@/db/schema';
import type { Db } from '@/db/client';
import { checkToken, consumeToken, issueToken, retireTokens, TOKEN_TTL_MS } from '@/lib/auth/tokens';
import { issueVerification, verifyEmailToken } from '@/lib/auth/email-verification';

let db: Db;
beforeEach(() => {
  db = freshDb();
});

describe('mailed tokens (account_tokens)', () => {
  it('stores only a hash, works once, and says why it does not work after', () => {
    const user = makeUser(db);
    const token = issueToken(db, { purpose: 'reset_password', userId: user.id, email: user.email });
    const row = db.select().from(accountTokens).get()!;
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(checkToken(db, 'reset_password', token)).toMatchObject({ ok: true });
    expect(consumeToken(db, 'reset_password', token)).toMatchObject({ ok: true, row: { userId: user.id } });
    expect(consumeToken(db, 'reset_password', token)).toEqual({ ok: false, reason: 'used' });
  });

  it('expires after its purpose’s lifetime', () => {
    const user = makeUser(db);
    const now = Date.parse('2026-12-01T10:00:00Z');
    const token = issueToken(db, { purpose: 'reset_password', userId: user.id, email: user.email }, now);
    const justBefore = now + TOKEN_TTL_MS.reset_password - 1;
    expect(checkToken(db, 'reset_password', token, justBefore)).toMatchObject({ ok: true });
    expect(consumeToken(db, 'reset_password', token, justBefore + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(TOKEN_TTL_MS.reset_password).toBe(60 * 60 * 1000);
    expect(TOKEN_TTL_MS.join_organization).toBe(7 * 24 * 60 * 60 * 1000);
  });

  it('a token of one purpose is nothing for another; malformed and unknown tokens are invalid', () => {
    const user = makeUser(db);
    const token = issueToken(db, { purpose: 'reset_password', userId: user.id, email: user.email });
    expect(consumeToken(db, 'verify_email', token)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkToken(db, 'reset_password', token)).toMatchObject({ ok: true });
    for (const bad of ['', 'short', 'x'.repeat(43), "' or 1=1 --aaaaaaaaaaaaaaaaaaaa", 42, null, ['a']]) {
      expect(checkToken(db, 'reset_password', bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('retiring tokens ends the open ones of that purpose and account only', () => {
    const a = makeUser(db);
    const b = makeUser(db);
    const ta = issueToken(db, { purpose: 'reset_password', userId: a.id, email: a.email });
    const tb = issueToken(db, { purpose: 'reset_password', userId: b.id, email: b.email });
    const va = issueToken(db, { purpose: 'verify_email', userId: a.id, email: a.email });
    expect(retireTokens(db, 'reset_password', { userId: a.id })).toBe(1);
    expect(checkToken(db, 'reset_password', ta)).toEqual({ ok: false, reason: 'used' });
    expect(checkToken(db, 'reset_password', tb)).toMatchObject({ ok: true });
    expect(checkToken(db, 'verify_email', va)).toMatchObject({ ok: true });
    expect(() => retireTokens(db, 'reset_password', {})).toThrow();
  });

  it('a verification link confirms only the address it was sent to, and says so when the account left it', () => {
    const org = makeOrg(db);
    const user = makeUser(db, { organizationId: org.id, verified: false });
    let token = '';
    db.transaction((tx) => {
      token = issueToken(tx, { purpose: 'verify_email', userId: user.id, email: user.email });
    });
    db.update(users).set({ email: 'moved@example.org' }).where(eq(users.id, user.id)).run();
    // Not "thank you, confirmed": the address now in use was never proved.
    expect(verifyEmailToken(token, db)).toBe('invalid');
    expect(db.select().from(users).where(eq(users.id, user.id)).get()!.emailVerifiedAt).toBeNull();
    db.transaction((tx) => issueVerification(tx, { ...user, email: 'moved@example.org' }));
    expect(db.select().from(accountTokens).all()).toHaveLength(2);
  });

  it('a verification link confirms its own account only, whoever follows it', () => {
    const org = makeOrg(db);
    const a = makeUser(db, { organizationId: org.id, verified: false });
    const b = makeUser(db, { organizationId: makeOrg(db).id, verified: false });
    const token = issueToken(db, { purpose: 'verify_email', userId: a.id, email: a.email });
    expect(verifyEmailToken(token, db)).toBe('verified');
    const verifiedAt = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!.emailVerifiedAt;
    expect(verifiedAt(a.id)).not.toBeNull();
    expect(verifiedAt(b.id)).toBeNull();
  });
});
