import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { organizations, users } from '@/db/schema';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { toHost, type RegisterInput } from '@/lib/validation/auth';
import { issueVerification } from './email-verification';
import { consume, dbLimiter } from './limits';
import { registrationAttemptMail } from './mails';
import { hashPassword } from './password';

/**
 * What every registration answers, for a new email and for one that already has an account:
 * the page must not tell who is registered (issue 13 item 8, issue 14 item 1). So registering
 * does not sign anyone in either — it could not for an existing email without giving the answer
 * away — and the mail says the rest: a verification link for a new account, "someone tried to
 * register your address" for an existing one.
 */
export const REGISTERED_MESSAGE =
  'Thank you. Check your email: we sent a link to confirm your address. Then sign in to request licences.';
export const REGISTRATIONS_PER_HOUR = Number(process.env.REGISTRATIONS_PER_HOUR) || 10;

export type RegisterResult = { ok: true; message: string } | { ok: false; message: string };

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed: users\.email/.test(e.message);
}

export async function registerAccount(
  input: RegisterInput,
  address: string,
  db: Db = getDb(),
): Promise<RegisterResult> {
  const limiter = dbLimiter({ keyPrefix: 'register_addr', points: REGISTRATIONS_PER_HOUR, duration: 3600 }, db);
  if (!(await consume(limiter, address))) {
    return { ok: false, message: 'Too many accounts were registered from your network. Please try again in an hour.' };
  }
  // Hashed whether or not the email is taken: both answers cost the same.
  const passwordHash = await hashPassword(input.password);
  const host = input.website ? toHost(input.website) : null;
  const tellOwner = () => {
    const existing = db
      .select({ id: users.id, email: users.email, name: users.name, verified: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.email, input.email))
      .get();
    if (!existing) return;
    // An owner who never confirmed gets a fresh link; one who did is told of the attempt.
    db.transaction((tx) =>
      existing.verified ? enqueueMail(tx, registrationAttemptMail(existing.email)) : issueVerification(tx, existing),
    );
  };
  try {
    db.transaction(
      (tx) => {
        if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) throw new EmailTaken();
        const org = tx
          .insert(organizations)
          .values({
            name: input.organizationName,
            type: input.organizationType,
            country: input.country,
            domains: host ? [host] : [],
          })
          .returning()
          .get();
        const user = tx
          .insert(users)
          .values({
            email: input.email,
            name: input.name,
            passwordHash,
            role: 'publisher',
            organizationId: org.id,
            // The person who registers an organisation is its first owner.
            orgRole: 'owner',
          })
          .returning()
          .get();
        issueVerification(tx, user);
      },
      { behavior: 'immediate' },
    );
  } catch (e) {
    if (!(e instanceof EmailTaken) && !isUniqueViolation(e)) throw e;
    tellOwner();
  }
  scheduleDelivery(db);
  return { ok: true, message: REGISTERED_MESSAGE };
}

class EmailTaken extends Error {}
