import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { outbox, users } from '@/db/schema';
import type { Db } from '@/db/client';
import { verifyEmailToken, resendVerification } from '@/lib/auth/email-verification';
import { registerAccount } from '@/lib/auth/register';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { confirmEmailChange, requestEmailChange } from '@/lib/auth/change-email';
import { toPublicUser } from '@/lib/auth/users';
import { inviteMember } from '@/lib/orgs/invitations';
import { removeMember } from '@/lib/orgs/members';
import { inviteStaff } from '@/lib/users/staff-invitations';
import { registerSchema } from '@/lib/validation/auth';

/*
 * Issue 14 item 7: every mail of the account flows goes through the outbox with a plain-text and
 * an HTML part, its links built from NEXTAUTH_URL, and what people typed (names, organisations)
 * escaped in the HTML. The flows run for real; the outbox is read at the end.
 */

const SITE = 'https://desk.example.net';
const HOSTILE = '<img src=x onerror=alert(1)> & "Co"';
const PASSWORD = 'a long enough password';
let db: Db;
const before = process.env.NEXTAUTH_URL;

const mails = () => db.select().from(outbox).all();
const link = (text: string, path: string) =>
  new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_-]+`).exec(text)?.[0] ?? null;
const one = (kind: string) => {
  const found = mails().filter((m) => m.kind === kind);
  expect(found, kind).not.toHaveLength(0);
  return found.at(-1)!;
};

beforeAll(async () => {
  process.env.NEXTAUTH_URL = `${SITE}/`;
  vi.spyOn(console, 'log').mockImplementation(() => {});
  db = freshDb();
  const input = registerSchema.parse({
    name: HOSTILE,
    email: 'rita@example.org',
    password: PASSWORD,
    organizationName: HOSTILE,
    organizationType: 'commercial',
    country: 'United Kingdom',
    website: '',
  });
  await registerAccount(input, '10.0.0.1', db);
  const { id } = db.select().from(users).where(eq(users.email, 'rita@example.org')).get()!;
  const rita = () => toPublicUser(db.select().from(users).where(eq(users.id, id)).get()!);
  await resendVerification(rita(), '10.0.0.1', db);
  verifyEmailToken(/token=([\w-]+)/.exec(one('email_verification').text)![1], db);
  await registerAccount(input, '10.0.0.1', db);
  await requestPasswordReset({ email: 'rita@example.org' }, '10.0.0.1', db);
  await resetPassword({ token: /token=([\w-]+)/.exec(one('password_reset').text)![1]!, password: PASSWORD }, db);
  makeUser(db, { email: 'taken@example.org' });
  await requestEmailChange({ email: 'taken@example.org', currentPassword: PASSWORD }, rita(), db);
  await requestEmailChange({ email: 'rita.new@example.org', currentPassword: PASSWORD }, rita(), db);
  confirmEmailChange(/token=([\w-]+)/.exec(one('email_change').text)![1], db);
  await inviteMember({ email: 'cora@example.org', role: 'member' }, rita(), db);
  const cora = makeUser(db, { email: 'cora2@example.org', organizationId: rita().organizationId, orgRole: 'member' });
  removeMember({ userId: cora.id }, rita(), db);
  inviteStaff({ email: 'nora@desk.example', role: 'staff' }, toPublicUser(makeUser(db, { role: 'admin' })), db);
});

afterAll(() => {
  if (before === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = before;
  vi.restoreAllMocks();
});

/** Each kind, and the page its link opens (null: the mail only tells, it carries no token). */
const KINDS: Record<string, string | null> = {
  email_verification: '/verify-email',
  registration_attempt: null,
  password_reset: '/reset-password',
  password_changed: null,
  email_change: '/change-email',
  email_change_requested: null,
  email_change_attempt: null,
  email_changed: null,
  org_invitation: '/join',
  org_removed: null,
  staff_invitation: '/staff-invitation',
};

describe('the account mails (issue 14 item 7)', () => {
  it('every flow queued its mail in the outbox', () => {
    expect([...new Set(mails().map((m) => m.kind))].sort()).toEqual(Object.keys(KINDS).sort());
    // The typed name and organisation reach most of them: the escaping below is really exercised.
    expect(
      new Set(
        mails()
          .filter((m) => m.text.includes(HOSTILE))
          .map((m) => m.kind),
      ).size,
    ).toBeGreaterThan(5);
  });

  for (const [kind, path] of Object.entries(KINDS)) {
    it(`${kind}: a text and an HTML part, links from NEXTAUTH_URL, typed names escaped`, () => {
      const m = one(kind);
      expect(m.text.trim()).not.toBe('');
      expect(m.html?.trim()).toBeTruthy();
      // Every address in the mail is the desk's own, from NEXTAUTH_URL (its trailing slash dropped).
      for (const url of m.text.match(/https?:\/\/[^\s)]+/g) ?? []) expect(url.startsWith(`${SITE}/`), url).toBe(true);
      if (path) {
        const href = link(m.text, path);
        expect(href, `${kind} link`).toMatch(new RegExp(`^${SITE}${path}\\?token=`));
        expect(m.html).toContain(`href="${href}"`);
      } else {
        expect(m.text).not.toMatch(/token=/);
        expect(m.html).not.toMatch(/token=/);
      }
      expect(m.html).not.toContain('<img');
      if (m.text.includes(HOSTILE)) expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
    });
  }
});
