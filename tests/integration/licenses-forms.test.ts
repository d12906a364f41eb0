import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles, licenses, type License } from '@/db/schema';
import { articleNoticeForm, markPaidForm } from '@/lib/licenses/forms';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';

const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = (await submit(db, d.publisher, ['first-story'], { startDate: new Date().toISOString().slice(0, 10) })).license!;
});

describe('article notice form', () => {
  it('refuses non-staff without writing', async () => {
    const res = await articleNoticeForm(d.publisher, fd({ articleId: String(d.articleIds[0]), kind: 'withdrawn', note: 'x' }), db);
    expect(res).toMatchObject({ ok: false, message: 'You are not allowed to do that.' });
    expect(db.select().from(articles).where(eq(articles.id, d.articleIds[0])).get()?.state).toBe('published');
  });

  it('puts errors at the fields and keeps what was typed', async () => {
    const res = await articleNoticeForm(d.staff, fd({ articleId: String(d.articleIds[0]), kind: 'deleted', note: '  ' }), db);
    expect(res).toMatchObject({ ok: false, errors: { kind: 'Choose corrected or withdrawn.', note: expect.stringMatching(/Say what changed/) }, values: { kind: 'deleted' } });
  });

  it('marks the article and says how many licensees were told', async () => {
    const res = await articleNoticeForm(d.staff, fd({ articleId: String(d.articleIds[0]), kind: 'corrected', note: 'Fixed a name.' }), db);
    expect(res).toEqual({ ok: true, message: 'Article marked corrected. 1 licensee was notified.' });
    const unknown = await articleNoticeForm(d.staff, fd({ articleId: '999999', kind: 'corrected', note: 'x' }), db);
    expect(unknown).toMatchObject({ ok: false, message: 'Article not found.' });
  });
});

describe('mark paid form', () => {
  it('staff only; marks once and says so the second time', async () => {
    expect(await markPaidForm(d.publisher, fd({ code: license.code }), db)).toMatchObject({ ok: false, message: 'You are not allowed to do that.' });
    expect(await markPaidForm(d.staff, fd({ code: license.code }), db)).toEqual({ ok: true, message: `Invoice ${license.invoiceRef} marked paid.` });
    expect(db.select().from(licenses).where(eq(licenses.id, license.id)).get()?.paidAt).not.toBeNull();
    expect(await markPaidForm(d.staff, fd({ code: license.code }), db)).toMatchObject({ ok: true, message: expect.stringMatching(/already marked paid/) });
    expect(await markPaidForm(d.staff, fd({ code: 'LIC-0000-0000-0000' }), db)).toMatchObject({ ok: false, message: 'No licence with this code.' });
  });
});
