import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { users, type PublicUser } from '@/db/schema';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { consume, dbLimiter } from './limits';
import { verificationMail } from './mails';
import { checkToken, consumeToken, issueToken, retireTokens } from './tokens';

export const RESENDS_PER_HOUR = 3;

export const UNVERIFIED_MESSAGE =
  'Please confirm your email address before submitting a request: follow the link we mailed you, or send it again.';

/** A fresh link for the user (lib/auth/tokens.ts), its mail queued in the same transaction. */
export function issueVerification(tx: Conn, user: { id: number; email: string; name: string }, now = Date.now()): void {
  const token = issueToken(tx, { purpose: 'verify_email', userId: user.id, email: user.email }, now);
  enqueueMail(tx, verificationMail(user.email, user.name, token));
}

export type VerifyOutcome = 'verified' | 'used' | 'expired' | 'invalid';

export const VERIFY_MESSAGES: Record<VerifyOutcome, string> = {
  verified: 'Thank you: your email address is confirmed. You can now submit requests.',
  used: 'This link has been used already. If your address is confirmed, just sign in.',
  expired: 'This link has expired (links work for 24 hours). Sign in and send yourself a new one.',
  invalid: 'This link is not valid. Check that you copied the whole address, or send yourself a new one.',
};

/**
 * What opening a verification link shows (a GET): whether it would work, without using it. Mail
 * scanners fetch every link in a mail; only the page's button (a POST) verifies.
 */
export function checkVerifyToken(token: unknown, db: Db = getDb(), now = Date.now()) {
  return checkToken(db, 'verify_email', token, now);
}

/** Uses a verification link (the POST of its page): single use, 24 hours, the hash compared in constant time. */
export function verifyEmailToken(token: unknown, db: Db = getDb(), now = Date.now()): VerifyOutcome {
  return db.transaction(
    (tx) => {
      const used = consumeToken(tx, 'verify_email', token, now);
      if (!used.ok) return used.reason;
      // The link confirms the address it was sent to, only while the account still has it: for an
      // account that moved on it proves nothing, and saying "confirmed" would be untrue.
      const owner = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, used.row.userId!), eq(users.email, used.row.email)))
        .get();
      if (!owner) return 'invalid';
      tx.update(users)
        .set({ emailVerifiedAt: new Date(now).toISOString() })
        .where(and(eq(users.id, owner.id), isNull(users.emailVerifiedAt)))
        .run();
      return 'verified';
    },
    { behavior: 'immediate' },
  );
}

/** "Send the link again": limited per account and per address; earlier links stop working. */
export async function resendVerification(
  user: PublicUser,
  address: string,
  db: Db = getDb(),
): Promise<{ ok: boolean; message: string }> {
  if (user.emailVerifiedAt) return { ok: true, message: 'Your email address is already confirmed.' };
  const perUser = dbLimiter({ keyPrefix: 'verify_resend_user', points: RESENDS_PER_HOUR, duration: 3600 }, db);
  const perAddress = dbLimiter({ keyPrefix: 'verify_resend_addr', points: 10, duration: 3600 }, db);
  if (!(await consume(perUser, String(user.id))) || !(await consume(perAddress, address))) {
    return {
      ok: false,
      message: 'We have sent several links already. Please check your mail, or try again in an hour.',
    };
  }
  db.transaction((tx) => {
    retireTokens(tx, 'verify_email', { userId: user.id });
    issueVerification(tx, user);
  });
  scheduleDelivery(db);
  return { ok: true, message: `We sent a new link to ${user.email}.` };
}
