import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { emailVerificationTokens, users, type PublicUser } from '@/db/schema';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { consume, dbLimiter } from './limits';
import { verificationMail } from './mails';

export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const RESENDS_PER_HOUR = 3;

export const UNVERIFIED_MESSAGE =
  'Please confirm your email address before submitting a request: follow the link we mailed you, or send it again.';

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh random token for the user: only its SHA-256 is stored. Queues the mail in `tx`. */
export function issueVerification(tx: Conn, user: { id: number; email: string; name: string }, now = Date.now()): void {
  const token = randomBytes(32).toString('base64url');
  tx.insert(emailVerificationTokens)
    .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now + TOKEN_TTL_MS).toISOString() })
    .run();
  enqueueMail(tx, verificationMail(user.email, user.name, token));
}

export type VerifyOutcome = 'verified' | 'used' | 'expired' | 'invalid';

/** Follows a verification link: single use, 24 hours, the hash compared in constant time. */
export function verifyEmailToken(token: string, db: Db = getDb(), now = Date.now()): VerifyOutcome {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return 'invalid';
  const hash = hashToken(token);
  return db.transaction(
    (tx) => {
      const row = tx.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.tokenHash, hash)).get();
      // The index finds the row; the comparison that decides is constant-time.
      if (!row || !timingSafeEqual(Buffer.from(row.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) return 'invalid';
      if (row.usedAt) return 'used';
      if (Date.parse(row.expiresAt) <= now) return 'expired';
      const at = new Date(now).toISOString();
      tx.update(emailVerificationTokens).set({ usedAt: at }).where(eq(emailVerificationTokens.id, row.id)).run();
      tx.update(users)
        .set({ emailVerifiedAt: at })
        .where(and(eq(users.id, row.userId), isNull(users.emailVerifiedAt)))
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
    tx.update(emailVerificationTokens)
      .set({ usedAt: new Date().toISOString() })
      .where(and(eq(emailVerificationTokens.userId, user.id), isNull(emailVerificationTokens.usedAt)))
      .run();
    issueVerification(tx, user);
  });
  scheduleDelivery(db);
  return { ok: true, message: `We sent a new link to ${user.email}.` };
}
