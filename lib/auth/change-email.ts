import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { users, type PublicUser } from '@/db/schema';
import { AppError, invalid } from '@/lib/errors';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { emailSchema } from '@/lib/validation/auth';
import { changeEmailMail, emailChangedMail, emailChangeRequestedMail, emailChangeTakenMail } from './account-mails';
import { assertCurrentPassword, currentPasswordField } from './account-settings';
import { consume, dbLimiter } from './limits';
import { checkToken, consumeToken, issueToken, retireTokens, type TokenCheck } from './tokens';

/*
 * Changing the address (issue 14 item 3): the new address gets a link (change_email, 24 hours);
 * following it and pressing the button moves the account there, verified. The old address is told
 * when the change is asked for and when it is made. Whether the new address already has an
 * account is never shown: that address gets a "someone tried" mail instead of the link.
 */

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: currentPasswordField });
export type ChangeEmailInput = z.output<typeof changeEmailSchema>;

export const CHANGES_PER_HOUR = 3;

export const changeEmailSent = (email: string) =>
  `We sent a link to ${email}. Your address changes when you follow it (within 24 hours); until then you keep using the current one.`;

export async function requestEmailChange(
  { email, currentPassword }: ChangeEmailInput,
  user: PublicUser,
  db: Db = getDb(),
  now = Date.now(),
): Promise<string> {
  if (email === user.email) throw invalid({ email: 'This is already your email address.' });
  await assertCurrentPassword(user, currentPassword, db);
  const limiter = dbLimiter({ keyPrefix: 'email_change', points: CHANGES_PER_HOUR, duration: 3600 }, db);
  if (!(await consume(limiter, String(user.id)))) {
    throw new AppError('rate_limited', 'We have sent several links already. Please try again in an hour.');
  }
  db.transaction(
    (tx) => {
      // Only the newest request counts: a link to an address the person thought better of stops working.
      retireTokens(tx, 'change_email', { userId: user.id }, now);
      const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
      if (taken) {
        enqueueMail(tx, emailChangeTakenMail(email));
      } else {
        const token = issueToken(tx, { purpose: 'change_email', userId: user.id, email, createdBy: user.id }, now);
        enqueueMail(tx, changeEmailMail(email, user.name, token));
      }
      enqueueMail(tx, emailChangeRequestedMail(user.email, user.name, email));
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return changeEmailSent(email);
}

export type ChangeOutcome = 'changed' | 'taken' | Exclude<TokenCheck, { ok: true }>['reason'];

export const CHANGE_MESSAGES: Record<ChangeOutcome, string> = {
  changed: 'Your email address is changed and confirmed. Sign in with it from now on.',
  taken: 'This address now belongs to another account, so your address was not changed.',
  used: 'This link has been used already. Your account settings show the address in use.',
  expired: 'This link has expired (links work for 24 hours). Ask for a new one from your account settings.',
  invalid: 'This link is not valid. Check that you copied the whole address, or ask for a new one.',
};

/** What opening a change link shows (a GET): whether it would work, without using it. */
export const checkChangeToken = (token: unknown, db: Db = getDb(), now = Date.now()) =>
  checkToken(db, 'change_email', token, now);

/**
 * Follows a change link (the POST of its confirmation page). The address is checked and written in
 * one BEGIN IMMEDIATE transaction, so no other account can take it in between; the unique index is
 * the last word should anything else write it. The link is used either way.
 */
export function confirmEmailChange(token: unknown, db: Db = getDb(), now = Date.now()): ChangeOutcome {
  try {
    return apply(token, db, now);
  } catch (e) {
    if (!(e instanceof Error && /UNIQUE constraint failed: users\.email/.test(e.message))) throw e;
    // The write lost a race to another account: use up the link, report "taken".
    db.transaction((tx) => consumeToken(tx, 'change_email', token, now), { behavior: 'immediate' });
    return 'taken';
  }
}

function apply(token: unknown, db: Db, now: number): ChangeOutcome {
  const outcome = db.transaction(
    (tx): ChangeOutcome => {
      const used = consumeToken(tx, 'change_email', token, now);
      if (!used.ok) return used.reason;
      const user = tx.select().from(users).where(eq(users.id, used.row.userId!)).get();
      if (!user || user.disabled) return 'invalid';
      const other = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, used.row.email), ne(users.id, user.id)))
        .get();
      if (other) return 'taken';
      tx.update(users)
        .set({ email: used.row.email, emailVerifiedAt: new Date(now).toISOString() })
        .where(eq(users.id, user.id))
        .run();
      // Links mailed to the old address act on it no more.
      for (const purpose of ['change_email', 'reset_password', 'verify_email'] as const) {
        retireTokens(tx, purpose, { userId: user.id }, now);
      }
      if (user.email !== used.row.email) enqueueMail(tx, emailChangedMail(user.email, user.name, used.row.email));
      return 'changed';
    },
    { behavior: 'immediate' },
  );
  if (outcome === 'changed') scheduleDelivery(db);
  return outcome;
}
