import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import {
  invoiceEvents,
  invoices,
  licenseRequests,
  licenses,
  payments,
  requestEvents,
  users,
  type Invoice,
  type InvoiceEventKind,
  type PaymentMethod,
  type PublicUser,
} from '@/db/schema';
import { can } from '@/lib/auth/can';
import { conflict, forbidden, invalid, notFound } from '@/lib/errors';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/quote';
import { PAYMENT_METHOD_LABELS } from './labels';
import { receiptMail } from './mails';

const byNumber = (tx: Conn, number: string) => tx.select().from(invoices).where(eq(invoices.number, number)).get();

/** One line in the invoice's history and, with the staff member, in the request's audit trail. */
function record(
  tx: Conn,
  invoice: Invoice,
  kind: InvoiceEventKind,
  action: string | null,
  actorId: number | null,
  amount: number | null,
  note: string,
  now: string,
) {
  tx.insert(invoiceEvents).values({ invoiceId: invoice.id, actorId, kind, amount, note, createdAt: now }).run();
  if (!action) return;
  const req = tx
    .select({ status: licenseRequests.status })
    .from(licenseRequests)
    .where(eq(licenseRequests.id, invoice.requestId))
    .get()!;
  tx.insert(requestEvents)
    .values({
      requestId: invoice.requestId,
      actorId,
      fromStatus: req.status,
      toStatus: req.status,
      action,
      note,
      createdAt: now,
    })
    .run();
}

export type PaymentInput = {
  number: string;
  amount: number;
  method: PaymentMethod;
  reference: string;
  receivedOn: string;
};

/**
 * Adds a payment inside `tx`: partial payments add up, the invoice is paid when they reach the
 * total (the licence's downloads open with it and the receipt is mailed), more than is owed is
 * refused. `actor` null is the payment provider's webhook.
 */
export function applyPayment(
  tx: Conn,
  invoice: Invoice,
  p: Omit<PaymentInput, 'number'> & { providerPaymentId?: string | null },
  actor: PublicUser | null,
  now: Date,
): Invoice {
  const at = now.toISOString();
  if (invoice.status === 'void') throw conflict(`Invoice ${invoice.number} is void: it takes no payments.`);
  if (invoice.status === 'paid') throw conflict(`Invoice ${invoice.number} is already paid in full.`);
  const owed = invoice.total - invoice.amountPaid;
  if (p.amount > owed)
    throw invalid({ amount: `That is more than the ${formatMoney(owed, invoice.currency)} still owed.` });
  tx.insert(payments)
    .values({
      invoiceId: invoice.id,
      amount: p.amount,
      method: p.method,
      reference: p.reference,
      receivedOn: p.receivedOn,
      recordedBy: actor?.id ?? null,
      providerPaymentId: p.providerPaymentId ?? null,
      createdAt: at,
    })
    .run();
  const paidNow = invoice.amountPaid + p.amount === invoice.total;
  const updated = tx
    .update(invoices)
    .set({ amountPaid: invoice.amountPaid + p.amount, ...(paidNow ? { status: 'paid' as const, paidAt: at } : {}) })
    .where(and(eq(invoices.id, invoice.id), eq(invoices.amountPaid, invoice.amountPaid)))
    .returning()
    .get();
  if (!updated) throw conflict('This invoice changed since you opened it. Reload to see the latest.');
  const how = `${formatMoney(p.amount, invoice.currency)} by ${PAYMENT_METHOD_LABELS[p.method].toLowerCase()}${p.reference ? `, reference ${p.reference}` : ''}, received ${p.receivedOn}`;
  record(
    tx,
    invoice,
    'payment',
    'record_payment',
    actor?.id ?? null,
    p.amount,
    `Invoice ${invoice.number}: ${how}.`,
    at,
  );
  if (paidNow) {
    record(
      tx,
      updated,
      'paid',
      'invoice_paid',
      actor?.id ?? null,
      updated.total,
      `Invoice ${invoice.number} paid in full.`,
      at,
    );
    tx.update(licenses).set({ paidAt: at }).where(eq(licenses.id, invoice.licenseId)).run();
    const who = tx
      .select({ email: users.email, code: licenses.code, selection: licenseRequests.selection })
      .from(licenses)
      .innerJoin(licenseRequests, eq(licenseRequests.id, licenses.requestId))
      .innerJoin(users, eq(users.id, licenseRequests.requesterId))
      .where(eq(licenses.id, invoice.licenseId))
      .get();
    if (who)
      enqueueMail(
        tx,
        receiptMail(
          { to: who.email, requestId: invoice.requestId, licenseId: invoice.licenseId },
          updated,
          who.code,
          who.selection !== null,
        ),
      );
  }
  return updated;
}

/** Staff record a payment (transfer, cheque …). */
export function recordPayment(
  input: PaymentInput,
  staff: PublicUser | null,
  db: Db = getDb(),
  now = new Date(),
): Invoice {
  if (!can(staff, 'staff')) throw forbidden();
  const invoice = db.transaction(
    (tx) => {
      const inv = byNumber(tx, input.number);
      if (!inv) throw notFound('No invoice with this number.');
      return applyPayment(tx, inv, input, staff, now);
    },
    { behavior: 'immediate' },
  );
  scheduleDelivery(db);
  return invoice;
}

/** Revoking a licence voids its open invoice (inside the revoking transaction); what was paid stays, for a credit note. */
export function voidOpenInvoice(tx: Conn, requestId: number, actorId: number | null, reason: string, now: Date) {
  const inv = tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.requestId, requestId), eq(invoices.status, 'open')))
    .get();
  if (!inv) return;
  const at = now.toISOString();
  tx.update(invoices).set({ status: 'void', voidedAt: at }).where(eq(invoices.id, inv.id)).run();
  const paid = inv.amountPaid
    ? ` ${formatMoney(inv.amountPaid, inv.currency)} had been paid: record a credit note to refund it.`
    : '';
  record(
    tx,
    inv,
    'void',
    'void_invoice',
    actorId,
    inv.total - inv.amountPaid,
    `Invoice ${inv.number} void: licence revoked (${reason}).${paid}`,
    at,
  );
}

export type CreditInput = { number: string; amount: number; note: string };

/** Staff record a credit note (a refund) against money received on an invoice. */
export function recordCreditNote(
  input: CreditInput,
  staff: PublicUser | null,
  db: Db = getDb(),
  now = new Date(),
): Invoice {
  if (!can(staff, 'staff')) throw forbidden();
  return db.transaction(
    (tx) => {
      const inv = byNumber(tx, input.number);
      if (!inv) throw notFound('No invoice with this number.');
      const creditable = inv.amountPaid - inv.amountCredited;
      if (creditable === 0)
        throw invalid({ amount: 'Nothing has been paid on this invoice that is not already credited.' });
      if (input.amount > creditable)
        throw invalid({ amount: `At most ${formatMoney(creditable, inv.currency)} can be credited.` });
      const updated = tx
        .update(invoices)
        .set({ amountCredited: inv.amountCredited + input.amount })
        .where(and(eq(invoices.id, inv.id), eq(invoices.amountCredited, inv.amountCredited)))
        .returning()
        .get();
      if (!updated) throw conflict('This invoice changed since you opened it. Reload to see the latest.');
      record(
        tx,
        inv,
        'credit_note',
        'credit_note',
        staff!.id,
        input.amount,
        `Credit note on invoice ${inv.number}: ${formatMoney(input.amount, inv.currency)}. ${input.note}`.trim(),
        now.toISOString(),
      );
      return updated;
    },
    { behavior: 'immediate' },
  );
}
