import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenseRequests, licenses, users, type License } from '@/db/schema';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { transition } from '@/lib/requests/transition';
import { siteUrl } from '@/lib/site';
import { scheduleWebhooks } from '@/lib/webhooks/deliver';
import { recordNotice } from '@/lib/webhooks/notices';
import { formatDate } from './labels';
import { EXPIRING_DAYS, isPastEnd } from './status';
import { isAppError } from '@/lib/errors';

/**
 * Moves one licence past its end to `expired` through the state machine (actor: the system),
 * so the request, its audit trail and the licence change together. Safe to race: whoever loses
 * just reads the winner's result.
 */
async function expireOne(license: Pick<License, 'id' | 'requestId'>, db: Db): Promise<void> {
  const req = db
    .select({ reference: licenseRequests.reference, version: licenseRequests.version, status: licenseRequests.status })
    .from(licenseRequests)
    .where(eq(licenseRequests.id, license.requestId))
    .get();
  if (!req || req.status !== 'approved') return;
  try {
    await transition({ reference: req.reference, action: 'expire', expectedVersion: req.version }, null, db);
  } catch (e) {
    // A concurrent reader (or staff revoking) got there first: nothing left to do.
    if (!isAppError(e)) throw e;
  }
}

/** Expire-on-read: returns the licence as it stands once an overdue one has been expired. */
export async function expireIfDue(license: License, db: Db = getDb(), now = new Date()): Promise<License> {
  if (license.status !== 'active' || !isPastEnd(license, now)) return license;
  await expireOne(license, db);
  return db.select().from(licenses).where(eq(licenses.id, license.id)).get() ?? license;
}

/**
 * Every active licence past its end (optionally one organisation's) → expired. Returns how many.
 * End dates are compared as dates (julianday), never as text: text put "+010000-…" (a start in
 * 9999 plus a year) before today and expired the licence at once (issue 13 item 11).
 */
export async function expireDue(db: Db = getDb(), now = new Date(), organizationId?: number): Promise<number> {
  const due = db
    .select({ id: licenses.id, requestId: licenses.requestId })
    .from(licenses)
    .where(
      and(
        eq(licenses.status, 'active'),
        sql`julianday(${licenses.validUntil}) < julianday(${now.toISOString()})`,
        organizationId ? eq(licenses.organizationId, organizationId) : undefined,
      ),
    )
    .all();
  for (const l of due) await expireOne(l, db);
  return due.length;
}

/**
 * One reminder per licence, EXPIRING_DAYS before its end, to whoever requested it. The mail and
 * the `reminder_sent_at` mark are written together, and the mark is claimed with a conditional
 * update, so two runs never send it twice.
 */
export function sendExpiryReminders(db: Db = getDb(), now = new Date()): number {
  const horizon = new Date(now.getTime() + EXPIRING_DAYS * 86_400_000).toISOString();
  const due = db
    .select({
      id: licenses.id,
      code: licenses.code,
      validUntil: licenses.validUntil,
      requestId: licenses.requestId,
      reference: licenseRequests.reference,
      email: users.email,
    })
    .from(licenses)
    .innerJoin(licenseRequests, eq(licenseRequests.id, licenses.requestId))
    .innerJoin(users, eq(users.id, licenseRequests.requesterId))
    .where(
      and(
        eq(licenses.status, 'active'),
        isNull(licenses.reminderSentAt),
        sql`julianday(${licenses.validUntil}) > julianday(${now.toISOString()})`,
        sql`julianday(${licenses.validUntil}) <= julianday(${horizon})`,
      ),
    )
    .all();
  let sent = 0;
  for (const l of due) {
    db.transaction(
      (tx) => {
        const claimed = tx
          .update(licenses)
          .set({ reminderSentAt: now.toISOString() })
          .where(and(eq(licenses.id, l.id), isNull(licenses.reminderSentAt)))
          .run();
        if (claimed.changes === 0) return;
        enqueueMail(tx, {
          to: l.email,
          kind: 'license_expiry_reminder',
          requestId: l.requestId,
          licenseId: l.id,
          subject: `Licence ${l.code} ends on ${formatDate(l.validUntil)}`,
          text:
            `Your licence ${l.code} (request ${l.reference}) ends on ${formatDate(l.validUntil)}.\n` +
            `After that date the republished copy must be taken down, unless you request a new licence.\n\n` +
            `Your licence: ${siteUrl()}/account/licenses/${l.code}`,
        });
        recordNotice(tx, {
          licenseId: l.id,
          kind: 'reminder',
          note: `This licence ends on ${formatDate(l.validUntil)}.`,
          now,
        });
        sent += 1;
      },
      { behavior: 'immediate' },
    );
  }
  if (sent) {
    scheduleDelivery(db);
    scheduleWebhooks(db);
  }
  return sent;
}

/** What `npm run licenses:expire` does. */
export async function runExpiry(db: Db = getDb(), now = new Date()): Promise<{ expired: number; reminded: number }> {
  const expired = await expireDue(db, now);
  const reminded = sendExpiryReminders(db, now);
  return { expired, reminded };
}
