import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { invoiceEvents, invoices, licenses, payments, users, type License, type PublicUser } from '@/db/schema';
import { canSeeLicense } from '@/lib/licenses/queries';
import { paymentLocks } from '@/lib/licenses/status';
import { getSettings } from '@/lib/settings';
import type { InvoiceDocument, InvoiceSeller } from './draft';

/** A backfilled invoice (issued before invoices existed) has no frozen seller: the desk's current details stand in. */
function withSeller(row: typeof invoices.$inferSelect, db: Db): InvoiceDocument {
  const doc = row as InvoiceDocument;
  if (doc.seller && 'legalName' in doc.seller) return doc;
  return { ...doc, seller: { ...getSettings(db).seller, vatWording: '' } satisfies InvoiceSeller };
}

/** The invoice with this number, if `user` may see it (their organisation's, or staff); else undefined. */
export function findInvoiceFor(number: string, user: PublicUser | null, db: Db = getDb()) {
  const row = db
    .select({ invoice: invoices, code: licenses.code })
    .from(invoices)
    .innerJoin(licenses, eq(licenses.id, invoices.licenseId))
    .where(eq(invoices.number, number.trim().toUpperCase()))
    .get();
  if (!row || !canSeeLicense(user, row.invoice)) return undefined;
  return { invoice: withSeller(row.invoice, db), licenseCode: row.code };
}

export function invoiceForLicense(licenseId: number, db: Db = getDb()): InvoiceDocument | undefined {
  const row = db.select().from(invoices).where(eq(invoices.licenseId, licenseId)).get();
  return row && withSeller(row, db);
}

/**
 * The licence's invoice when its downloads wait for it (a fee above the payment threshold, not yet
 * paid, the invoice open); else undefined. Every page and message that would offer the copies asks here.
 */
export function invoiceAwaited(
  license: Pick<License, 'id' | 'fee' | 'paidAt'>,
  db: Db = getDb(),
): InvoiceDocument | undefined {
  if (!paymentLocks(license, getSettings(db))) return undefined;
  const invoice = invoiceForLicense(license.id, db);
  return invoice?.status === 'open' ? invoice : undefined;
}

export function invoicePayments(invoiceId: number, db: Db = getDb()) {
  return db
    .select({ payment: payments, recordedBy: users.name })
    .from(payments)
    .leftJoin(users, eq(users.id, payments.recordedBy))
    .where(eq(payments.invoiceId, invoiceId))
    .orderBy(asc(payments.id))
    .all();
}

export function invoiceHistory(invoiceId: number, db: Db = getDb()) {
  return db
    .select({ event: invoiceEvents, actorName: users.name })
    .from(invoiceEvents)
    .leftJoin(users, eq(users.id, invoiceEvents.actorId))
    .where(eq(invoiceEvents.invoiceId, invoiceId))
    .orderBy(asc(invoiceEvents.id))
    .all();
}

/** One organisation's invoices, newest first. */
export function listOrgInvoices(organizationId: number, db: Db = getDb()) {
  return db
    .select({ invoice: invoices, code: licenses.code })
    .from(invoices)
    .innerJoin(licenses, eq(licenses.id, invoices.licenseId))
    .where(and(eq(invoices.organizationId, organizationId)))
    .orderBy(desc(invoices.issuedOn), desc(invoices.id))
    .all();
}
