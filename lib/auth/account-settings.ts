import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { users, type PublicUser } from '@/db/schema';
import { AppError, invalid } from '@/lib/errors';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { singleLine } from '@/lib/validation/text';
import { passwordSchema } from '@/lib/validation/auth';
import { passwordChangedMail } from './account-mails';
import { consume, dbLimiter } from './limits';
import { hashPassword, verifyPassword } from './password';
import { revokeUserSessions } from './sessions';
import { retireTokens } from './tokens';

/* /account/settings: the person's name and password (the address: ./change-email.ts). */

export const changeNameSchema = z.object({ name: singleLine().min(1, 'Enter your name.').max(120) });
export type ChangeNameInput = z.output<typeof changeNameSchema>;

export function changeName({ name }: ChangeNameInput, user: PublicUser, db: Db = getDb()): string {
  db.update(users).set({ name }).where(eq(users.id, user.id)).run();
  return 'Your name is saved.';
}

export const currentPasswordField = z.string().min(1, 'Enter your current password.').max(200);

export const changePasswordSchema = z.object({
  currentPassword: currentPasswordField,
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const PASSWORD_CHECKS_PER_HOUR = 10;
export const WRONG_PASSWORD = 'This is not your current password.';

/**
 * The current password guards what a session left open on a shared computer could otherwise
 * take over. Someone holding such a session could guess it here instead of at sign-in, so the
 * checks are limited per account as sign-in is.
 */
export async function assertCurrentPassword(user: PublicUser, password: string, db: Db = getDb()): Promise<void> {
  const limiter = dbLimiter({ keyPrefix: 'password_check', points: PASSWORD_CHECKS_PER_HOUR, duration: 3600 }, db);
  if (!(await consume(limiter, String(user.id)))) {
    throw new AppError('rate_limited', 'Too many attempts with the current password. Please try again in an hour.');
  }
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(password, row.hash))) {
    throw invalid({ currentPassword: WRONG_PASSWORD });
  }
}

/**
 * A new password ends the account's other sessions (whoever learnt the old one is out) and keeps
 * this one, so the person stays where they made the change. Without a known current session
 * nothing can be kept: all end, as "sign out everywhere else" does.
 */
export async function changePassword(
  { currentPassword, newPassword }: ChangePasswordInput,
  user: PublicUser,
  currentSid: string | null,
  db: Db = getDb(),
): Promise<string> {
  await assertCurrentPassword(user, currentPassword, db);
  if (newPassword === currentPassword) {
    throw invalid({ newPassword: 'Choose a password different from the current one.' });
  }
  const passwordHash = await hashPassword(newPassword);
  const ended = db.transaction(
    (tx) => {
      tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
      // A reset link still in a mailbox would undo the change: it stops working.
      retireTokens(tx, 'reset_password', { userId: user.id });
      enqueueMail(tx, passwordChangedMail(user.email, user.name));
      return revokeUserSessions(user.id, { keep: currentSid ?? undefined }, tx);
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return ended === 0
    ? 'Your password is changed.'
    : `Your password is changed; ${ended === 1 ? '1 other session was' : `${ended} other sessions were`} signed out.`;
}
