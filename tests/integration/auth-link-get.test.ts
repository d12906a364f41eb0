import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { accountTokens, users } from '@/db/schema';
import type { Db } from '@/db/client';
import { issueToken } from '@/lib/auth/tokens';

/*
 * Issue 14 item 3: mail scanners fetch every link in a mail. Opening a mailed link (a GET) must
 * only show what it does and a button; the link is used by the POST of that button.
 */
vi.mock('@/lib/auth/session', async () => ({ currentUser: async () => null }));

const { default: VerifyEmailPage } = await import('@/app/(site)/verify-email/page');
const { default: ResetPasswordPage } = await import('@/app/(site)/reset-password/page');
const { default: ChangeEmailPage } = await import('@/app/(site)/change-email/page');

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const params = (token: string) => ({ searchParams: Promise.resolve({ token }) });

describe('opening a mailed link (GET) changes nothing', () => {
  it('the verification page does not verify the address or use the link', async () => {
    const user = makeUser(db, { organizationId: makeOrg(db).id, verified: false });
    const token = issueToken(db, { purpose: 'verify_email', userId: user.id, email: user.email });
    await VerifyEmailPage(params(token));
    await VerifyEmailPage(params(token));
    expect(db.select().from(users).where(eq(users.id, user.id)).get()!.emailVerifiedAt).toBeNull();
    expect(db.select().from(accountTokens).get()!.usedAt).toBeNull();
  });

  it('the reset and change-email pages do not use their links or change the account', async () => {
    const user = makeUser(db, { organizationId: makeOrg(db).id });
    const before = db.select().from(users).where(eq(users.id, user.id)).get()!;
    const reset = issueToken(db, { purpose: 'reset_password', userId: user.id, email: user.email });
    const change = issueToken(db, { purpose: 'change_email', userId: user.id, email: 'new@example.org' });
    await ResetPasswordPage(params(reset));
    await ChangeEmailPage(params(change));
    await ChangeEmailPage(params(change));
    expect(db.select().from(users).where(eq(users.id, user.id)).get()).toEqual(before);
    expect(
      db
        .select()
        .from(accountTokens)
        .all()
        .map((t) => t.usedAt),
    ).toEqual([null, null]);
  });
});
