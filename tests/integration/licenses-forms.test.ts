import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles, licenses, type License } from '@/db/schema';
import { articleNoticeAction } from '@/app/(site)/admin/articles/notice-actions';
import { markPaidAction } from '@/app/(site)/admin/licenses/payment-actions';
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

describe('mark paid form', () => {
  it('staff only; marks once and says so the second time', async () => {
    expect(await act(markPaidAction, d.publisher, { code: license.code })).toMatchObject({
      ok: false,
      message: 'You are not allowed to do that.',
    });
    expect(await act(markPaidAction, d.staff, { code: license.code })).toEqual({
      ok: true,
      message: `Invoice ${license.invoiceRef} marked paid.`,
    });
    expect(db.select().from(licenses).where(eq(licenses.id, license.id)).get()?.paidAt).not.toBeNull();
    expect(await act(markPaidAction, d.staff, { code: license.code })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/already marked paid/),
    });
    expect(await act(markPaidAction, d.staff, { code: 'LIC-0000-0000-0000' })).toMatchObject({
      ok: false,
      message: 'No licence with this code.',
    });
  });
});
