import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles, invoices, licenses, type License } from '@/db/schema';
import { articleNoticeAction } from '@/app/(site)/admin/articles/notice-actions';
import { recordPaymentAction } from '@/app/(site)/admin/invoices/actions';
import { act } from '../helpers/session';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = (await submit(db, d.publisher, ['first-story'], { startDate: new Date().toISOString().slice(0, 10) }))
    .license!;
});

describe('article notice form', () => {
  it('refuses non-staff without writing', async () => {
    const res = await act(articleNoticeAction, d.publisher, {
      articleId: String(d.articleIds[0]),
      kind: 'withdrawn',
      note: 'x',
    });
    expect(res).toMatchObject({ ok: false, message: 'You are not allowed to do that.' });
    expect(db.select().from(articles).where(eq(articles.id, d.articleIds[0])).get()?.state).toBe('published');
  });

  it('puts errors at the fields and keeps what was typed', async () => {
    const res = await act(articleNoticeAction, d.staff, {
      articleId: String(d.articleIds[0]),
      kind: 'deleted',
      note: '  ',
    });
    expect(res).toMatchObject({
      ok: false,
      errors: { kind: 'Choose corrected or withdrawn.', note: expect.stringMatching(/Say what changed/) },
      values: { kind: 'deleted' },
    });
  });

  it('marks the article and says how many licensees were told', async () => {
    const res = await act(articleNoticeAction, d.staff, {
      articleId: String(d.articleIds[0]),
      kind: 'corrected',
      note: 'Fixed a name.',
    });
    expect(res).toEqual({ ok: true, message: 'Article marked corrected. 1 licensee was notified.' });
    const unknown = await act(articleNoticeAction, d.staff, { articleId: '999999', kind: 'corrected', note: 'x' });
    expect(unknown).toMatchObject({ ok: false, message: 'Article not found.' });
  });
});

describe('record payment form', () => {
  const today = () => new Date().toISOString().slice(0, 10);
  const pay = (amount: string, over: Record<string, string> = {}) => ({
    number: license.invoiceRef,
    amount,
    method: 'transfer',
    reference: 'BACS 77',
    receivedOn: today(),
    ...over,
  });
  const invoice = () => db.select().from(invoices).where(eq(invoices.licenseId, license.id)).get()!;

  it('staff only; part-payments add up to paid; more than is owed is refused at the field', async () => {
    expect(license.fee).toBe(15000);
    expect(await act(recordPaymentAction, d.publisher, pay('150'))).toMatchObject({
      ok: false,
      message: 'You are not allowed to do that.',
    });
    expect(await act(recordPaymentAction, d.staff, pay('100'))).toEqual({
      ok: true,
      message: `Payment recorded: £50.00 of invoice ${license.invoiceRef} is still owed.`,
    });
    expect(invoice()).toMatchObject({ amountPaid: 10000, status: 'open' });
    const over = await act(recordPaymentAction, d.staff, pay('50.01'));
    expect(over).toMatchObject({
      ok: false,
      code: 'invalid',
      errors: { amount: 'That is more than the £50.00 still owed.' },
      values: { amount: '50.01', reference: 'BACS 77' },
    });
    expect(await act(recordPaymentAction, d.staff, pay('50'))).toEqual({
      ok: true,
      message: `Payment recorded: invoice ${license.invoiceRef} is paid in full.`,
    });
    expect(invoice()).toMatchObject({ amountPaid: 15000, status: 'paid' });
    expect(db.select().from(licenses).where(eq(licenses.id, license.id)).get()?.paidAt).not.toBeNull();
    expect(await act(recordPaymentAction, d.staff, pay('1'))).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('puts bad input at its fields', async () => {
    const r = await act(recordPaymentAction, d.staff, pay('-3', { method: 'gold', receivedOn: '2999-01-01' }));
    expect(r).toMatchObject({
      ok: false,
      errors: { amount: expect.any(String), method: expect.any(String), receivedOn: expect.any(String) },
    });
    expect(await act(recordPaymentAction, d.staff, pay('1', { number: 'INV-0000-000000' }))).toMatchObject({
      ok: false,
      message: 'No invoice with this number.',
    });
    expect(invoice().amountPaid).toBe(0);
  });
});
