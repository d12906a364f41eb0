import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  articles,
  invoices,
  licenseNotices,
  licenseRequests,
  licenses,
  outbox,
  requestEvents,
  type License,
} from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { expireDue, runExpiry, sendExpiryReminders } from '@/lib/licenses/expiry';
import { markArticle } from '@/lib/licenses/notices';
import { findLicenseFor, listOrgLicenses, verifyLicense } from '@/lib/licenses/queries';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = (await submit(db, d.publisher, ['first-story'], { startDate: today() })).license!;
});

const row = (id = license.id) => db.select().from(licenses).where(eq(licenses.id, id)).get()!;
const request = (id = license.requestId) => db.select().from(licenseRequests).where(eq(licenseRequests.id, id)).get()!;
const mails = (kind: string) => db.select().from(outbox).where(eq(outbox.kind, kind)).all();
const endIn = (ms: number, id = license.id) =>
  db
    .update(licenses)
    .set({ validUntil: new Date(Date.now() + ms).toISOString() })
    .where(eq(licenses.id, id))
    .run();

describe('expiry', () => {
  it('licences past their end expire on read — verification and listing — through the state machine', async () => {
    endIn(-1000);
    const v = await verifyLicense(license.code, db);
    expect(v?.status).toBe('expired');
    expect(row().statusChangedAt).not.toBeNull();
    expect(request().status).toBe('expired');
    const ev = db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, license.requestId), eq(requestEvents.action, 'expire')))
      .get();
    expect(ev).toMatchObject({ actorId: null, fromStatus: 'approved', toStatus: 'expired' });

    const other = (await submit(db, d.publisher, ['second-story'], { startDate: today() })).license!;
    endIn(-1000, other.id);
    const list = await listOrgLicenses(d.org.id, 1, db);
    expect(list.rows.find((r) => r.id === other.id)?.status).toBe('expired');
  });

  it('npm run licenses:expire expires what is due and reminds, once, 14 days ahead', async () => {
    const soon = (await submit(db, d.publisher, ['second-story'], { startDate: today() })).license!;
    endIn(-1000);
    endIn(10 * DAY, soon.id);
    expect(await runExpiry(db)).toEqual({ expired: 1, reminded: 1 });
    expect(row().status).toBe('expired');
    expect(row(soon.id).status).toBe('active');
    expect(row(soon.id).reminderSentAt).not.toBeNull();
    const [mail] = mails('license_expiry_reminder');
    expect(mail).toMatchObject({ to: d.publisher.email, licenseId: soon.id });
    expect(mail.subject).toContain(soon.code);
    expect(await runExpiry(db)).toEqual({ expired: 0, reminded: 0 });
    expect(mails('license_expiry_reminder')).toHaveLength(1);
  });

  it('no reminder for licences further out, perpetual ones or revoked ones', async () => {
    endIn(30 * DAY);
    expect(await sendExpiryReminders(db)).toBe(0);
    endIn(3 * DAY);
    const req = request();
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'Breach.' },
      d.staff,
      db,
    );
    expect(await sendExpiryReminders(db)).toBe(0);
    expect(await expireDue(db)).toBe(0);
  });
});

describe('revocation and verification', () => {
  it('the public view has no fee, invoice or emails; after revocation it says revoked with the date', async () => {
    const v = await verifyLicense(license.code.toLowerCase(), db);
    expect(v).toMatchObject({
      code: license.code,
      status: 'active',
      licensee: d.org.name,
      use: 'web',
      territory: 'country',
    });
    const json = JSON.stringify(v);
    expect(json).not.toMatch(/fee|invoice|INV-|@|paid/i);
    const req = request();
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'Breach.' },
      d.staff,
      db,
    );
    const after = await verifyLicense(license.code, db);
    expect(after?.status).toBe('revoked');
    expect(after?.statusChangedAt).toBeTruthy();
    expect(await verifyLicense('LIC-0000-0000-0000', db)).toBeUndefined();
  });

  it('only the licensee organisation and staff see the private licence', async () => {
    const other = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    expect(await findLicenseFor(license.code, d.publisher, db)).toBeDefined();
    expect(await findLicenseFor(license.code, d.staff, db)).toBeDefined();
    expect(await findLicenseFor(license.code, other, db)).toBeUndefined();
    expect(await findLicenseFor(license.code, null, db)).toBeUndefined();
  });
});

describe('corrections and kill notices', () => {
  const articleId = () => d.articleIds[0];

  it('a correction notifies every licence in force that holds the article: notice, mail, verification page', async () => {
    const second = (
      await submit(db, d.publisher, ['first-story', 'second-story'], { startDate: today(), audience: 5000 })
    ).license!;
    const unrelated = (await submit(db, d.publisher, ['second-story'], { startDate: today() })).license!;
    const expired = (await submit(db, d.publisher, ['first-story'], { startDate: today() })).license!;
    endIn(-1000, expired.id);
    await expireDue(db);

    const { notified } = await markArticle(articleId(), 'corrected', 'The date of the vote was wrong.', d.staff, db);
    expect(notified).toBe(2);
    const notices = db.select().from(licenseNotices).all();
    expect(notices.map((n) => n.licenseId).sort()).toEqual([license.id, second.id].sort());
    expect(notices.every((n) => n.kind === 'corrected' && n.note === 'The date of the vote was wrong.')).toBe(true);
    expect(
      mails('article_corrected')
        .map((m) => m.licenseId)
        .sort(),
    ).toEqual([license.id, second.id].sort());
    expect(mails('article_corrected')[0].text).toContain('The date of the vote was wrong.');
    expect(db.select().from(articles).where(eq(articles.id, articleId())).get()).toMatchObject({
      state: 'corrected',
      stateNote: 'The date of the vote was wrong.',
    });
    expect((await verifyLicense(license.code, db))?.notices).toMatchObject([
      { kind: 'corrected', note: 'The date of the vote was wrong.' },
    ]);
    expect((await verifyLicense(unrelated.code, db))?.notices).toEqual([]);
  });

  it('a withdrawal asks every licensee to take it down and shows on the verification page', async () => {
    await markArticle(articleId(), 'withdrawn', 'Legal complaint.', d.staff, db);
    const [mail] = mails('article_withdrawn');
    expect(mail.subject).toMatch(/take down/);
    expect(mail.to).toBe(d.publisher.email);
    const v = await verifyLicense(license.code, db);
    expect(v?.notices[0]).toMatchObject({ kind: 'withdrawn' });
    expect(v?.articles[0].state).toBe('withdrawn');
    await expect(markArticle(articleId(), 'corrected', 'Again', d.staff, db)).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('staff only, with a note; nothing is written otherwise', async () => {
    await expect(markArticle(articleId(), 'withdrawn', 'x', d.publisher, db)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(markArticle(articleId(), 'withdrawn', 'x', null, db)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(markArticle(articleId(), 'corrected', '   ', d.staff, db)).rejects.toMatchObject({ code: 'invalid' });
    await expect(markArticle(999_999, 'corrected', 'x', d.staff, db)).rejects.toThrow('Article not found.');
    expect(db.select().from(licenseNotices).all()).toEqual([]);
    expect(db.select().from(articles).where(eq(articles.id, articleId())).get()?.state).toBe('published');
  });
});

describe('payment', () => {
  it('a free licence is paid at issue', async () => {
    const req = (await submit(db, d.publisher, ['second-story'], { duration: 'perpetual' })).request;
    const { license: free } = await transition(
      { reference: req.reference, action: 'approve', expectedVersion: req.version, fee: 0 },
      d.staff,
      db,
    );
    expect(free?.paidAt).not.toBeNull();
    expect(db.select().from(invoices).where(eq(invoices.licenseId, free!.id)).get()).toBeUndefined();
  });
});
