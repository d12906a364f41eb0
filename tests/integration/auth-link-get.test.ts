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

const verifyPage = await import('@/app/(site)/verify-email/page');
const resetPage = await import('@/app/(site)/reset-password/page');
const changePage = await import('@/app/(site)/change-email/page');
const joinPage = await import('@/app/(site)/join/page');
const staffPage = await import('@/app/(site)/staff-invitation/page');
const { default: VerifyEmailPage } = verifyPage;
const { default: ResetPasswordPage } = resetPage;
const { default: ChangeEmailPage } = changePage;
const { default: JoinPage } = joinPage;
const { default: StaffInvitationPage } = staffPage;

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

  it('the colleague and staff invitation pages do not use their links', async () => {
    const owner = makeUser(db, { organizationId: makeOrg(db).id });
    const join = issueToken(db, {
      purpose: 'join_organization',
      email: 'new@example.org',
      organizationId: owner.organizationId,
      role: 'member',
      createdBy: owner.id,
    });
    const staff = issueToken(db, { purpose: 'staff_invitation', email: 'staff@example.org', role: 'staff' });
    await JoinPage(params(join));
    await StaffInvitationPage(params(staff));
    expect(
      db
        .select()
        .from(accountTokens)
        .all()
        .map((t) => t.usedAt),
    ).toEqual([null, null]);
    expect(db.select().from(users).all()).toHaveLength(1);
  });

  it('no page that holds a token in its address sends it on as a Referer', () => {
    for (const page of [verifyPage, resetPage, changePage, joinPage, staffPage]) {
      expect(page.metadata).toMatchObject({ referrer: 'no-referrer' });
    }
  });
});
