import 'server-only';
import { and, asc, desc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { invoiceEvents, invoices, licenseRequests, licenses, organizations, users } from '@/db/schema';
import { csvLine } from '@/lib/requests/csv';
import { enqueueMail } from '@/lib/mail/outbox';
import { paymentLocks } from '@/lib/licenses/status';
import { getSettings } from '@/lib/settings';
import { addDays, dayOf } from './dates';
import { reminderMail } from './mails';
import {
  AGEING_BUCKETS,
  ageingBucket,
  INVOICE_STATE_LABELS,
  INVOICE_STATES,
  invoiceState,
  outstanding,
  type AgeingBucket,
  type InvoiceState,
} from './status';

export type ReceivableFilters = { state: InvoiceState | 'all'; bucket: AgeingBucket | 'all'; q: string };

/** Query string → filters; anything unknown falls back to "all". */
export function parseReceivableFilters(p: Record<string, string | string[] | undefined>): ReceivableFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const state = one(p.state);
  const bucket = one(p.bucket);
  return {
    state: (INVOICE_STATES as readonly string[]).includes(state) ? (state as InvoiceState) : 'all',
    bucket: (AGEING_BUCKETS as readonly string[]).includes(bucket) ? (bucket as AgeingBucket) : 'all',
    q: one(p.q).trim().slice(0, 100),
  };
}

/**
 * Every invoice with its state and ageing bucket, the filtered rows and the totals of the whole
 * ledger (invoiced, received, outstanding, overdue, by bucket). A desk issues a few thousand
 * invoices a year: one read, states computed here, where the date rule lives.
 */
export function receivables(f: ReceivableFilters, today = dayOf(new Date()), db: Db = getDb()) {
  const all = db
    .select({ invoice: invoices, organization: organizations.name, code: licenses.code })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .innerJoin(licenses, eq(licenses.id, invoices.licenseId))
    .orderBy(desc(invoices.issuedOn), desc(invoices.id))
    .all()
    .map((r) => ({
      ...r,
      state: invoiceState(r.invoice, today),
      bucket: ageingBucket(r.invoice, today),
      owed: outstanding(r.invoice),
    }));
  const totals = {
    invoiced: 0,
    received: 0,
    credited: 0,
    outstanding: 0,
    overdue: 0,
    buckets: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, 0])) as Record<AgeingBucket, number>,
  };
  for (const r of all) {
    if (r.invoice.status !== 'void') totals.invoiced += r.invoice.total;
    totals.received += r.invoice.amountPaid;
    totals.credited += r.invoice.amountCredited;
    totals.outstanding += r.owed;
    if (r.state === 'overdue') totals.overdue += r.owed;
    if (r.bucket) totals.buckets[r.bucket] += r.owed;
  }
  const q = f.q.toLowerCase();
  const rows = all.filter(
    (r) =>
      (f.state === 'all' || r.state === f.state) &&
      (f.bucket === 'all' || r.bucket === f.bucket) &&
      (!q || r.organization.toLowerCase().includes(q) || r.invoice.number.toLowerCase().includes(q)),
  );
  return { rows, totals };
}

const pounds = (minor: number) => (minor / 100).toFixed(2);

/** The filtered receivables as CSV for the accounts department (cells guarded like the queue's export). */
export function receivablesCsv(f: ReceivableFilters, today = dayOf(new Date()), db: Db = getDb()): string {
  const { rows } = receivables(f, today, db);
  return [
    csvLine([
      'invoice',
      'licence',
      'organisation',
      'issued',
      'due',
      'currency',
      'net',
      'vat',
      'vat_treatment',
      'total',
      'paid',
      'credited',
      'outstanding',
      'status',
      'ageing',
      'paid_at',
    ]),
    ...rows.map((r) =>
      csvLine([
        r.invoice.number,
        r.code,
        r.organization,
        r.invoice.issuedOn,
        r.invoice.dueOn,
        r.invoice.currency,
        pounds(r.invoice.net),
        pounds(r.invoice.vat),
        r.invoice.vatTreatment,
        pounds(r.invoice.total),
        pounds(r.invoice.amountPaid),
        pounds(r.invoice.amountCredited),
        pounds(r.owed),
        INVOICE_STATE_LABELS[r.state],
        r.bucket ?? '',
        r.invoice.paidAt ?? '',
      ]),
    ),
  ].join('');
}

export const REMINDER_EVERY_DAYS = 14;

/**
 * The daily run: a reminder for each open invoice past its due date that has had none, or whose
 * last was 14 days ago or more — so one when it becomes overdue and one every 14 days after.
 * Each reminder is one transaction: the mail, the history line and the mark together.
 */
export function sendInvoiceReminders(db: Db = getDb(), now = new Date()): number {
  const today = dayOf(now);
  const again = `${addDays(today, -REMINDER_EVERY_DAYS)}T23:59:59.999Z`;
  const due = db
    .select({ invoice: invoices, email: users.email, license: { fee: licenses.fee, paidAt: licenses.paidAt } })
    .from(invoices)
    .innerJoin(licenses, eq(licenses.id, invoices.licenseId))
    .innerJoin(licenseRequests, eq(licenseRequests.id, invoices.requestId))
    .innerJoin(users, eq(users.id, licenseRequests.requesterId))
    .where(
      and(
        eq(invoices.status, 'open'),
        lt(invoices.dueOn, today),
        or(isNull(invoices.lastReminderAt), lte(invoices.lastReminderAt, again)),
      ),
    )
    .orderBy(asc(invoices.id))
    .all();
  const settings = getSettings(db);
  let sent = 0;
  for (const { invoice, email, license } of due) {
    const done = db.transaction(
      (tx) => {
        // Claim it: a second run at the same moment finds the mark already set and sends nothing.
        const claimed = tx
          .update(invoices)
          .set({ lastReminderAt: now.toISOString() })
          .where(
            and(
              eq(invoices.id, invoice.id),
              invoice.lastReminderAt === null
                ? isNull(invoices.lastReminderAt)
                : eq(invoices.lastReminderAt, invoice.lastReminderAt),
            ),
          )
          .returning()
          .get();
        if (!claimed) return false;
        const to = (invoice.buyer as { email?: string | null }).email || email;
        enqueueMail(
          tx,
          reminderMail(
            { to, requestId: invoice.requestId, licenseId: invoice.licenseId },
            claimed,
            settings.seller,
            paymentLocks(license, settings),
          ),
        );
        tx.insert(invoiceEvents)
          .values({
            invoiceId: invoice.id,
            actorId: null,
            kind: 'reminder',
            amount: outstanding(invoice),
            note: `Overdue reminder sent to ${to}.`,
            createdAt: now.toISOString(),
          })
          .run();
        return true;
      },
      { behavior: 'immediate' },
    );
    if (done) sent += 1;
  }
  return sent;
}

/** The dashboard's money: invoiced and received this far, outstanding and overdue now. */
export function revenueSplit(db: Db = getDb(), today = dayOf(new Date())) {
  const r = db
    .select({
      invoiced: sql<number>`coalesce(sum(case when ${invoices.status} != 'void' then ${invoices.total} end), 0)`,
      received: sql<number>`coalesce(sum(${invoices.amountPaid} - ${invoices.amountCredited}), 0)`,
      outstanding: sql<number>`coalesce(sum(case when ${invoices.status} = 'open' then ${invoices.total} - ${invoices.amountPaid} end), 0)`,
      overdue: sql<number>`coalesce(sum(case when ${invoices.status} = 'open' and ${invoices.dueOn} < ${today} then ${invoices.total} - ${invoices.amountPaid} end), 0)`,
    })
    .from(invoices)
    .get()!;
  return r;
}
