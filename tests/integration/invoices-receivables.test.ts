import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invoiceEvents, invoices, licenseRequests, outbox, type License } from '@/db/schema';
import { addDays, dayOf } from '@/lib/invoices/dates';
import { recordCreditNote, recordPayment } from '@/lib/invoices/payments';
import { receivables, receivablesCsv, revenueSplit, sendInvoiceReminders } from '@/lib/invoices/receivables';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { approvedAt, desk } from '../helpers/requests';

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
const DAY = 86_400_000;
const all = { state: 'all' as const, bucket: 'all' as const, q: '' };

beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = await approvedAt(db, d, 45000);
});

const invoice = () => db.select().from(invoices).where(eq(invoices.licenseId, license.id)).get()!;
const reminders = () => db.select().from(outbox).where(eq(outbox.kind, 'invoice_reminder')).all();

describe('receivables', () => {
  it('an invoice past due shows in the 1–30 bucket as overdue, and gets its reminder once, then every 14 days', () => {
    const now = new Date();
    const today = dayOf(now);
    expect(receivables(all, today, db).rows[0]).toMatchObject({ state: 'unpaid', bucket: 'current', owed: 45000 });
    expect(sendInvoiceReminders(db, now)).toBe(0);

    db.update(invoices)
      .set({ dueOn: addDays(today, -3) })
      .where(eq(invoices.id, invoice().id))
      .run();
    const { rows, totals } = receivables(all, today, db);
    expect(rows[0]).toMatchObject({ state: 'overdue', bucket: '1-30' });
    expect(totals).toMatchObject({ invoiced: 45000, received: 0, outstanding: 45000, overdue: 45000 });
    expect(totals.buckets['1-30']).toBe(45000);
    expect(receivables({ ...all, bucket: '31-60' }, today, db).rows).toHaveLength(0);
    expect(receivables({ ...all, state: 'overdue' }, today, db).rows).toHaveLength(1);

    expect(sendInvoiceReminders(db, now)).toBe(1);
    expect(sendInvoiceReminders(db, now)).toBe(0);
    expect(sendInvoiceReminders(db, new Date(now.getTime() + 13 * DAY))).toBe(0);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.text).toContain(`Reference to quote: ${license.invoiceRef}`);
    expect(sendInvoiceReminders(db, new Date(now.getTime() + 14 * DAY))).toBe(1);
    expect(reminders()).toHaveLength(2);
    expect(
      db
        .select()
        .from(invoiceEvents)
        .where(eq(invoiceEvents.kind, 'reminder'))
        .all()
        .map((e) => e.actorId),
    ).toEqual([null, null]);

    // Paid: no more reminders.
    recordPayment(
      { number: license.invoiceRef, amount: 45000, method: 'transfer', reference: '', receivedOn: today },
      d.staff,
      db,
    );
    expect(sendInvoiceReminders(db, new Date(now.getTime() + 60 * DAY))).toBe(0);
    expect(revenueSplit(db, today)).toEqual({ invoiced: 45000, received: 45000, outstanding: 0, overdue: 0 });
  });

  it('a reminder says the copies wait only when they do (a fee above the payment threshold)', async () => {
    const small = await approvedAt(db, d, 15000);
    const today = dayOf(new Date());
    db.update(invoices)
      .set({ dueOn: addDays(today, -1) })
      .run();
    expect(sendInvoiceReminders(db)).toBe(2);
    const text = (number: string) => reminders().find((m) => m.subject.includes(number))!.text;
    expect(text(license.invoiceRef)).toContain('The licensed copies can be downloaded once it is paid.');
    expect(text(small.invoiceRef)).not.toContain('once it is paid');
    expect(text(small.invoiceRef)).toContain(`Reference to quote: ${small.invoiceRef}`);
  });

  it('exports CSV with the figures in pounds and guarded cells', () => {
    const csv = receivablesCsv(all, dayOf(new Date()), db);
    const [head, line] = csv.trim().split('\r\n');
    expect(head).toMatch(/^invoice,licence,organisation,issued,due,currency,net,vat,vat_treatment,total/);
    expect(line).toContain(`${license.invoiceRef},${license.code},`);
    expect(line).toContain('375.00,75.00,domestic,450.00,0.00,0.00,450.00,Unpaid,current');
  });
});

describe('the dashboard’s money', () => {
  it('splits invoiced from received: a credit note comes off received, a void invoice is not invoiced or owed', async () => {
    const today = dayOf(new Date());
    const paid = await approvedAt(db, d, 30000);
    const revoked = await approvedAt(db, d, 10000);
    recordPayment(
      { number: paid.invoiceRef, amount: 30000, method: 'transfer', reference: '', receivedOn: today },
      d.staff,
      db,
    );
    recordCreditNote({ number: paid.invoiceRef, amount: 5000, note: 'Goodwill.' }, d.staff, db);
    recordPayment(
      { number: license.invoiceRef, amount: 15000, method: 'transfer', reference: '', receivedOn: today },
      d.staff,
      db,
    );
    const r = db.select().from(licenseRequests).where(eq(licenseRequests.id, revoked.requestId)).get()!;
    await transition({ reference: r.reference, action: 'revoke', expectedVersion: r.version, note: 'x' }, d.staff, db);
    db.update(invoices)
      .set({ dueOn: addDays(today, -40) })
      .where(eq(invoices.id, invoice().id))
      .run();

    expect(revenueSplit(db, today)).toEqual({
      invoiced: 45000 + 30000,
      received: 15000 + 30000 - 5000,
      outstanding: 30000,
      overdue: 30000,
    });
    const { totals } = receivables(all, today, db);
    expect(totals).toMatchObject({ invoiced: 75000, received: 45000, credited: 5000, outstanding: 30000 });
    expect(totals.buckets['31-60']).toBe(30000);
    expect(receivables({ ...all, state: 'void' }, today, db).rows.map((x) => x.invoice.number)).toEqual([
      revoked.invoiceRef,
    ]);
  });
});
