import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenseRequests, licenses, users, type License, type PublicUser } from '@/db/schema';
import { can } from '@/lib/auth/can';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/quote';
import { siteUrl } from '@/lib/site';
import { normalizeLicenseCode } from './code';
import { forbidden, notFound } from '@/lib/errors';

/**
 * Staff record that a licence's invoice is paid. Idempotent: a second call changes nothing and
 * says so. The licensee is told, since waiting downloads open with it.
 */
export function markPaid(
  rawCode: string,
  staff: PublicUser | null,
  db: Db = getDb(),
): { license: License; alreadyPaid: boolean } {
  if (!can(staff, 'staff')) throw forbidden();
  const code = normalizeLicenseCode(rawCode);
  if (!code) throw notFound('No licence with this code.');
  const now = new Date().toISOString();
  const result = db.transaction(
    (tx) => {
      const license = tx.select().from(licenses).where(eq(licenses.code, code)).get();
      if (!license) throw notFound('No licence with this code.');
      if (license.paidAt) return { license, alreadyPaid: true };
      const updated = tx
        .update(licenses)
        .set({ paidAt: now })
        .where(and(eq(licenses.id, license.id), isNull(licenses.paidAt)))
        .returning()
        .get();
      if (!updated)
        return { license: tx.select().from(licenses).where(eq(licenses.id, license.id)).get()!, alreadyPaid: true };
      const requester = tx
        .select({ email: users.email })
        .from(licenseRequests)
        .innerJoin(users, eq(users.id, licenseRequests.requesterId))
        .where(eq(licenseRequests.id, license.requestId))
        .get();
      if (requester) {
        enqueueMail(tx, {
          to: requester.email,
          kind: 'payment_received',
          requestId: license.requestId,
          licenseId: license.id,
          subject: `Payment received for invoice ${license.invoiceRef}`,
          text: `Thank you: we have received ${formatMoney(license.fee, license.currency)} for invoice ${license.invoiceRef} (licence ${license.code}).\n\nYour licence and downloads: ${siteUrl()}/account/licenses/${license.code}`,
        });
      }
      return { license: updated, alreadyPaid: false };
    },
    { behavior: 'immediate' },
  );
  if (!result.alreadyPaid) scheduleDelivery(db);
  return result;
}
