import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { emailSchema, passwordSchema } from '@/lib/validation/auth';
import { passwordChangedMail, resetPasswordMail } from './account-mails';
import { consume, dbLimiter } from './limits';
import { hashPassword } from './password';
import { revokeUserSessions } from './sessions';
import { checkToken, consumeToken, issueToken, retireTokens, type TokenCheck } from './tokens';

/*
 * Forgotten password (issue 14 item 2): /forgot-password mails a link (reset_password, one hour,
 * single use, only its hash stored); /reset-password shows a form for a live link and its POST sets
 * the new password, using the link in the same transaction, and ends every session of the account.
 */

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.output<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.object({
  token: z.string().max(200),
  password: passwordSchema,
});
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

/** The one answer to "send me a link", whether or not the address has an account. */
export const RESET_SENT_MESSAGE =
  'If an account uses this address, we have sent it a link to set a new password. The link works for one hour.';
export const RESET_PER_ADDRESS_PER_HOUR = 10;
export const RESET_PER_EMAIL_PER_HOUR = 3;
export const RESET_TOO_MANY = 'We have sent several links already. Please check your mail, or try again in an hour.';

export async function requestPasswordReset(
  { email }: ForgotPasswordInput,
  address: string,
  db: Db = getDb(),
  now = Date.now(),
): Promise<string> {
  // Both limits count every ask, for known and unknown addresses alike: a refusal says nothing
  // about who is registered, and nobody can flood someone's mailbox with links.
  const perAddress = dbLimiter({ keyPrefix: 'reset_addr', points: RESET_PER_ADDRESS_PER_HOUR, duration: 3600 }, db);
  const perEmail = dbLimiter({ keyPrefix: 'reset_email', points: RESET_PER_EMAIL_PER_HOUR, duration: 3600 }, db);
  if (!(await consume(perAddress, address)) || !(await consume(perEmail, email))) {
    throw new AppError('rate_limited', RESET_TOO_MANY);
  }
  // One scrypt whatever the address: the work of a known and an unknown address then costs the
  // same order of time (tens of ms), next to which the small write for a known one is noise.
  await hashPassword(email);
  const user = db
    .select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (user && !user.disabled) {
    db.transaction(
      (tx) => {
        // A newer link replaces the older ones: only the last mail works.
        retireTokens(tx, 'reset_password', { userId: user.id }, now);
        const token = issueToken(tx, { purpose: 'reset_password', userId: user.id, email: user.email }, now);
        enqueueMail(tx, resetPasswordMail(user.email, user.name, token));
      },
      { behavior: 'immediate' },
    );
    scheduleDelivery(db);
  }
  return RESET_SENT_MESSAGE;
}

type LinkFailure = Exclude<TokenCheck, { ok: true }>['reason'];

/** What a link that no longer works says, with the next step (the page links to /forgot-password). */
export const RESET_LINK_MESSAGES: Record<LinkFailure, string> = {
  used: 'This link has been used already. If you still need a new password, ask for a new link.',
  expired: 'This link has expired (links work for one hour). Ask for a new link.',
  invalid: 'This link is not valid. Check that you copied the whole address, or ask for a new link.',
};

export const linkError = (reason: LinkFailure) =>
  new AppError(reason === 'invalid' ? 'not_found' : 'gone', RESET_LINK_MESSAGES[reason]);

/** What opening a reset link shows (a GET): whether it would work, without using it. */
export const checkResetToken = (token: unknown, db: Db = getDb(), now = Date.now()) =>
  checkToken(db, 'reset_password', token, now);

export const PASSWORD_RESET_MESSAGE = 'Your new password is set, and every session of your account was signed out.';

/**
 * Sets the new password from a reset link. The link is used in the transaction that writes the
 * hash, so two submits cannot both succeed; every session of the account ends (whoever knew the
 * old password is out), and the other open reset links stop working.
 */
export async function resetPassword(
  { token, password }: ResetPasswordInput,
  db: Db = getDb(),
  now = Date.now(),
): Promise<string> {
  const passwordHash = await hashPassword(password);
  db.transaction(
    (tx) => {
      const used = consumeToken(tx, 'reset_password', token, now);
      if (!used.ok) throw linkError(used.reason);
      const user = tx.select().from(users).where(eq(users.id, used.row.userId!)).get();
      // The link proves the mailbox it was sent to, only while the account still uses it.
      if (!user || user.disabled || user.email !== used.row.email) throw linkError('invalid');
      tx.update(users)
        .set({
          passwordHash,
          // Following the link proved that this person reads this mailbox: that is what
          // verification asks, so an unconfirmed address is confirmed by it too.
          emailVerifiedAt: user.emailVerifiedAt ?? new Date(now).toISOString(),
        })
        .where(eq(users.id, user.id))
        .run();
      retireTokens(tx, 'reset_password', { userId: user.id }, now);
      revokeUserSessions(user.id, {}, tx);
      enqueueMail(tx, passwordChangedMail(user.email, user.name));
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return PASSWORD_RESET_MESSAGE;
}
