import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  invoiceEvents,
  invoices,
  licenseRequests,
  licenses,
  organizations,
  outbox,
  requestEvents,
  type License,
} from '@/db/schema';
import { recordCreditNote, recordPayment } from '@/lib/invoices/payments';
import { linesTotal, type InvoiceLine } from '@/lib/invoices/lines';
import { setSetting } from '@/lib/settings';
import { transition } from '@/lib/requests/transition';
import { toPublicUser } from '@/lib/auth/users';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { approvedAt as approveAtFee, desk, submit } from '../helpers/requests';

const today = () => new Date().toISOString().slice(0, 10);
let db: Db;
let d: ReturnType<typeof desk>;

beforeEach(() => {
  db = freshDb();
  d = desk(db);
});

const invoiceOf = (l: License) => db.select().from(invoices).where(eq(invoices.licenseId, l.id)).get()!;
const historyOf = (l: License) =>
  db
    .select()
    .from(invoiceEvents)
    .where(eq(invoiceEvents.invoiceId, invoiceOf(l).id))
    .orderBy(invoiceEvents.id)
    .all();
const pay = (l: License, amount: number, by = d.staff) =>
  recordPayment(
    { number: l.invoiceRef, amount, method: 'transfer', reference: `REF-${amount}`, receivedOn: today() },
    by,
    db,
  );

/** Two articles, staff approve at a counter-offer price: £450 (above the auto-approval limit). */
const approvedAt = (fee: number) => approveAtFee(db, d, fee);

describe('invoices', () => {
  it('are issued with the licence, in its transaction: number, due date, lines adding up to the fee, VAT inside it', async () => {
    const license = await approvedAt(45000);
    const inv = invoiceOf(license);
    expect(inv).toMatchObject({
      number: license.invoiceRef,
      total: 45000,
      net: 37500,
      vat: 7500,
      vatTreatment: 'domestic',
      vatRateMilli: 200,
      status: 'open',
      amountPaid: 0,
      issuedOn: today(),
    });
    expect(Date.parse(inv.dueOn) - Date.parse(inv.issuedOn)).toBe(30 * 86_400_000);
    const lines = inv.lines as InvoiceLine[];
    expect(lines.filter((l) => l.description.startsWith('“'))).toHaveLength(2);
    // Each article and its use, with the quote's factors in words, then the discount and the agreed difference.
    expect(lines[0]).toMatchObject({
      description: expect.stringMatching(/^“.+” — Website use, one country, 1 year, full text$/),
      detail: expect.stringContaining('base 150.00 · Commercial outlet ×1 · Audience of 500,000 a month ×1.6'),
      amount: 24000,
    });
    expect(lines[2]).toMatchObject({ description: 'Volume discount, 2 articles', detail: '−10 %', amount: -4800 });
    expect(lines.at(-1)).toMatchObject({ description: 'Fee agreed with the desk', amount: 1800 });
    expect(linesTotal(lines)).toBe(45000);
    expect(inv.seller).toMatchObject({ legalName: 'Harbour Ledger Media Ltd', vatNumber: 'GB123456789' });
    expect(inv.buyer).toMatchObject({ name: d.org.name, countryCode: 'GB' });
    const issued = db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, inv.id)).all();
    expect(issued).toMatchObject([{ kind: 'issued', actorId: d.staff.id, amount: 45000 }]);
  });

  it('take the billing profile and the settings: a French buyer with a VAT number is reverse-charged', async () => {
    db.update(organizations)
      .set({ legalName: 'Le Quotidien SA', billingCountry: 'FR', vatNumber: 'FR12345678901', billingCity: 'Lyon' })
      .where(eq(organizations.id, d.org.id))
      .run();
    setSetting('paymentTermsDays', 14, db);
    const license = await approvedAt(45000);
    const inv = invoiceOf(license);
    expect(inv).toMatchObject({ vatTreatment: 'reverse_charge', vat: 0, net: 45000, total: 45000 });
    expect(inv.buyer).toMatchObject({ name: 'Le Quotidien SA', address: ['Lyon'], vatNumber: 'FR12345678901' });
    expect(inv.seller).toMatchObject({ vatWording: expect.stringMatching(/Reverse charge/) });
    expect(Date.parse(inv.dueOn) - Date.parse(inv.issuedOn)).toBe(14 * 86_400_000);
  });

  it('a free licence has none; an auto-approved one is issued by the system', async () => {
    const free = await approvedAt(0);
    expect(db.select().from(invoices).where(eq(invoices.licenseId, free.id)).get()).toBeUndefined();
    const { license } = await submit(db, d.publisher, ['first-story']);
    expect(license).toBeDefined();
    const inv = invoiceOf(license!);
    expect(inv.total).toBe(license!.fee);
    expect(db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, inv.id)).get()?.actorId).toBeNull();
  });
});

describe('payments', () => {
  it('two part-payments by two staff members make it paid; the audit trail and the history name each', async () => {
    const license = await approvedAt(45000);
    const other = toPublicUser(makeUser(db, { role: 'staff', name: 'Second Clerk' }));
    pay(license, 20000);
    expect(invoiceOf(license)).toMatchObject({ amountPaid: 20000, status: 'open' });
    expect(db.select().from(licenses).where(eq(licenses.id, license.id)).get()?.paidAt).toBeNull();
    pay(license, 25000, other);
    expect(invoiceOf(license)).toMatchObject({ amountPaid: 45000, status: 'paid' });
    expect(db.select().from(licenses).where(eq(licenses.id, license.id)).get()?.paidAt).not.toBeNull();

    const trail = db
      .select()
      .from(requestEvents)
      .where(eq(requestEvents.requestId, license.requestId))
      .all()
      .filter((e) => e.action === 'record_payment' || e.action === 'invoice_paid');
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ['record_payment', d.staff.id],
      ['record_payment', other.id],
      ['invoice_paid', other.id],
    ]);
    expect(trail[0]!.note).toContain('£200.00 by bank transfer, reference REF-20000');
    expect(trail[0]).toMatchObject({ fromStatus: 'approved', toStatus: 'approved' });
    const history = db
      .select()
      .from(invoiceEvents)
      .where(eq(invoiceEvents.invoiceId, invoiceOf(license).id))
      .all();
    expect(history.map((e) => e.kind)).toEqual(['issued', 'payment', 'payment', 'paid']);
    const receipts = db.select().from(outbox).where(eq(outbox.kind, 'payment_received')).all();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.html).toContain(license.invoiceRef);
  });

  it('refuses overpayment, payments on a paid invoice, and non-staff — writing nothing', async () => {
    const license = await approvedAt(45000);
    expect(() => pay(license, 45001)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => pay(license, 100, d.publisher)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    pay(license, 45000);
    expect(() => pay(license, 1)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(invoiceOf(license).amountPaid).toBe(45000);
  });
});

describe('revoking and credit notes', () => {
  const revoke = async (l: License) => {
    const r = db.select().from(licenseRequests).where(eq(licenseRequests.id, l.requestId)).get()!;
    await transition(
      { reference: r.reference, action: 'revoke', expectedVersion: r.version, note: 'Rights dispute.' },
      d.staff,
      db,
    );
  };

  it('revoking voids an unpaid invoice, in the same transaction, and the trail says who', async () => {
    const license = await approvedAt(45000);
    await revoke(license);
    expect(invoiceOf(license)).toMatchObject({ status: 'void', amountPaid: 0 });
    expect(invoiceOf(license).voidedAt).not.toBeNull();
    const ev = db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, license.requestId), eq(requestEvents.action, 'void_invoice')))
      .get();
    expect(ev).toMatchObject({ actorId: d.staff.id });
    expect(historyOf(license).at(-1)).toMatchObject({ kind: 'void', actorId: d.staff.id, amount: 45000 });
    expect(() => pay(license, 100)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('a paid invoice stays paid when the licence is revoked; staff record a credit note, never above what was paid', async () => {
    const license = await approvedAt(45000);
    pay(license, 45000);
    await revoke(license);
    expect(invoiceOf(license).status).toBe('paid');
    const number = license.invoiceRef;
    expect(() => recordCreditNote({ number, amount: 45001, note: 'x' }, d.staff, db)).toThrow(
      expect.objectContaining({ code: 'invalid' }),
    );
    expect(() => recordCreditNote({ number, amount: 100, note: 'x' }, d.publisher, db)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    recordCreditNote({ number, amount: 45000, note: 'Refunded after revocation.' }, d.staff, db);
    expect(invoiceOf(license).amountCredited).toBe(45000);
    const ev = db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, license.requestId), eq(requestEvents.action, 'credit_note')))
      .get();
    expect(ev).toMatchObject({ actorId: d.staff.id, note: expect.stringContaining('Refunded after revocation.') });
    expect(historyOf(license).at(-1)).toMatchObject({ kind: 'credit_note', actorId: d.staff.id, amount: 45000 });
  });
});

describe('the invoice as a PDF and in the approval mail', () => {
  it('names both parties, the lines, VAT and the total; paid, it is a receipt', async () => {
    const { invoicePdf } = await import('@/lib/invoices/pdf');
    const { findInvoiceFor, invoicePayments } = await import('@/lib/invoices/queries');
    const { pdfText } = await import('../helpers/pdf-text');
    const license = await approvedAt(45000);
    const found = findInvoiceFor(license.invoiceRef, d.publisher, db)!;
    expect(findInvoiceFor(license.invoiceRef, desk(db).publisher, db)).toBeUndefined();
    const text = pdfText(await invoicePdf(found.invoice, found.licenseCode, []));
    for (const s of [
      'Invoice',
      license.invoiceRef,
      'Harbour Ledger Media Ltd',
      'GB123456789',
      d.org.name,
      'Website use',
      'Fee agreed with the desk',
      'VAT 20 %',
      '£75.00',
      '£375.00',
      '£450.00',
      `Reference to quote: ${license.invoiceRef}`,
    ])
      expect(text).toContain(s);
    pay(license, 45000);
    const paid = findInvoiceFor(license.invoiceRef, d.publisher, db)!;
    const receipt = pdfText(
      await invoicePdf(
        paid.invoice,
        paid.licenseCode,
        invoicePayments(paid.invoice.id, db).map((p) => p.payment),
      ),
    );
    expect(receipt).toContain('Receipt');
    expect(receipt).toContain('Paid in full');
    expect(receipt).toContain('Bank transfer');
  });

  it('the approval mail never says "download" while downloads wait for payment: it says what, when and how to pay', async () => {
    const license = await approvedAt(45000); // above the £200 threshold
    const mail = db.select().from(outbox).where(eq(outbox.kind, 'license_issued')).get()!;
    expect(mail.text).not.toMatch(/download your/i);
    expect(mail.text).toContain(`once invoice ${license.invoiceRef} is paid`);
    expect(mail.text).toContain('Please pay £450.00 by');
    expect(mail.text).toContain('Sort code: 00-00-00');
    expect(mail.text).toContain(`Reference to quote: ${license.invoiceRef}`);
  });

  it('the counter-acceptance mail says the same', async () => {
    const { request } = await submit(db, d.publisher, d.slugs, { audience: 500_000 });
    const countered = (
      await transition(
        { reference: request.reference, action: 'counter', expectedVersion: request.version, fee: 45000 },
        d.staff,
        db,
      )
    ).request;
    const { license } = await transition(
      { reference: request.reference, action: 'accept_counter', expectedVersion: countered.version },
      d.publisher,
      db,
    );
    const mail = db.select().from(outbox).where(eq(outbox.kind, 'license_issued')).get()!;
    expect(mail.text).not.toMatch(/download your/i);
    expect(mail.text).toContain(`once invoice ${license!.invoiceRef} is paid`);
    expect(invoiceOf(license!)).toMatchObject({ total: 45000 });
  });
});
