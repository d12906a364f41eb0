import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { invoices, licenseRequests, licenses, outbox, requestArticles } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { catalogueRequestSchema } from '@/lib/catalogue-licences/form';
import { CATALOGUE_REVIEW_REASON, type CatalogueQuote } from '@/lib/catalogue-licences/quote';
import type { LicenseTerms } from '@/lib/licenses/issue';
import { recordPayment } from '@/lib/invoices/payments';
import { submitCatalogueRequest } from '@/lib/requests/create';
import { transition } from '@/lib/requests/transition';
import { LISTED_ARTICLES } from '@/lib/requests/articles';
import { CATALOGUE_PREVIEW, getRequestForViewer, listOrgRequests } from '@/lib/requests/queries';
import { signedVerification } from '@/lib/licenses/signed';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { tomorrow } from '../helpers/requests';

let db: Db;
beforeEach(() => {
  db = freshDb();
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function setup() {
  const org = makeOrg(db, { type: 'ai_developer', domains: ['models.example'] });
  const developer = toPublicUser(makeUser(db, { organizationId: org.id }));
  const staff = toPublicUser(makeUser(db, { role: 'staff' }));
  const news = [1, 2, 3].map((d) => makeArticle(db, { section: 'News', publishedAt: `2026-0${d}-10T09:00:00.000Z` }));
  makeArticle(db, { section: 'Sport' });
  makeArticle(db, { section: 'News', rightsStatus: 'contributor' });
  return { org, developer, staff, news };
}

const form = (over: Record<string, unknown> = {}, options: Record<string, unknown> = {}) =>
  catalogueRequestSchema.parse({
    options: {
      selection: { sections: ['News'], tags: [], from: null, to: null, ongoing: false },
      use: 'ai-input',
      territory: 'worldwide',
      duration: '1y',
      ...options,
    },
    publicationName: 'Answer Engine',
    startDate: tomorrow(),
    acceptTerms: true,
    idempotencyKey: randomUUID(),
    ...over,
  });

const ids = (requestId: number) =>
  db
    .select({ id: requestArticles.articleId })
    .from(requestArticles)
    .where(eq(requestArticles.requestId, requestId))
    .orderBy(asc(requestArticles.position))
    .all()
    .map((r) => r.id);

describe('catalogue-licence requests', () => {
  it('store the selection, its articles as quoted and the catalogue quote, for the desk to agree', async () => {
    const { developer, news } = setup();
    const f = form();
    const { request, duplicate, license } = await submitCatalogueRequest(f, developer, db);
    expect(duplicate).toBe(false);
    expect(license).toBeUndefined();
    expect(request).toMatchObject({
      status: 'submitted',
      use: 'ai-input',
      audience: 1,
      portion: 'full',
      requiresReview: true,
      selection: { sections: ['News'], tags: [], from: null, to: null, ongoing: false },
      // 3 × £15 × 1.6 = £72
      quoteTotal: 7200,
    });
    const q = request.quote as CatalogueQuote;
    expect(q.reasons).toContain(CATALOGUE_REVIEW_REASON);
    expect(q.catalogue).toMatchObject({ count: 3, articles: 3 });
    expect(ids(request.id)).toEqual(news.map((a) => a.id));
    // Both "request received" mails say what was asked for, not only the fee.
    const received = db.select().from(outbox).all();
    expect(received.map((m) => m.kind).sort()).toEqual(['request_received', 'request_received_desk']);
    for (const m of received)
      expect(m.text).toContain('Catalogue licence: AI answers (retrieval), News (3 articles as quoted).');

    // The same key answers with the same request.
    const again = await submitCatalogueRequest(f, developer, db);
    expect(again).toMatchObject({ duplicate: true, request: { id: request.id } });
    expect(db.select().from(licenseRequests).all()).toHaveLength(1);
  });

  it('refuse an empty selection at the sections field', async () => {
    const { developer } = setup();
    const f = form({}, { selection: { sections: ['Nothing'], tags: [], from: null, to: null, ongoing: false } });
    await expect(submitCatalogueRequest(f, developer, db)).rejects.toMatchObject({
      code: 'invalid',
      fields: { section: expect.stringContaining('no articles') },
    });
  });

  it('issue a licence on the selection as it stands at approval, with the filters in its terms', async () => {
    const { developer, staff, news } = setup();
    const { request } = await submitCatalogueRequest(form(), developer, db);
    const later = makeArticle(db, { section: 'News', publishedAt: '2026-04-10T09:00:00.000Z' });
    const { license } = await transition(
      { reference: request.reference, action: 'approve', expectedVersion: request.version },
      staff,
      db,
    );
    expect(license).toBeDefined();
    const terms = license!.terms as LicenseTerms;
    expect(terms.articles).toEqual([]);
    expect(terms.catalogue).toEqual({ selection: request.selection, articleCount: 4, ongoing: false });
    expect(ids(request.id)).toEqual([...news.map((a) => a.id), later.id]);
    expect(license!.fee).toBe(7200);

    const invoice = db.select().from(invoices).where(eq(invoices.licenseId, license!.id)).get()!;
    const lines = invoice.lines as { description: string; amount: number | null }[];
    expect(lines[0]!.description).toContain('Catalogue licence, 3 articles');
    expect(lines.reduce((s, l) => s + (l.amount ?? 0), 0)).toBe(invoice.total);

    // Paid: the receipt points to the export, not to copies a catalogue licence does not have.
    const receivedOn = new Date().toISOString().slice(0, 10);
    recordPayment(
      { number: invoice.number, amount: invoice.total, method: 'transfer', reference: 'T-1', receivedOn },
      staff,
      db,
    );
    const receipt = db.select().from(outbox).where(eq(outbox.kind, 'payment_received')).get()!;
    expect(receipt.text).toContain(`/api/v1/licenses/${license!.code}/export`);
    expect(receipt.text).not.toContain('copies can be downloaded');
  });

  it('counter-offer at a fee the developer accepts', async () => {
    const { developer, staff } = setup();
    const { request } = await submitCatalogueRequest(form(), developer, db);
    const countered = await transition(
      { reference: request.reference, action: 'counter', expectedVersion: request.version, fee: 5000, note: 'Deal' },
      staff,
      db,
    );
    const { license } = await transition(
      { reference: request.reference, action: 'accept_counter', expectedVersion: countered.request.version },
      developer,
      db,
    );
    expect(license!.fee).toBe(5000);
    expect((license!.terms as LicenseTerms).catalogue?.articleCount).toBe(3);
    expect(db.select().from(licenses).all()).toHaveLength(1);
  });

  it('show the first articles and the count on request pages and lists, and the selection when verified', async () => {
    const { developer, staff } = setup();
    for (let i = 0; i < 22; i++) makeArticle(db, { section: 'News' });
    const { request } = await submitCatalogueRequest(form(), developer, db);
    const view = getRequestForViewer(request.reference, developer, db)!;
    expect(view.articles).toHaveLength(CATALOGUE_PREVIEW);
    expect(view.articleCount).toBe(25);
    const listed = listOrgRequests(developer.organizationId!, {}, db).rows[0]!;
    expect(listed).toMatchObject({ catalogue: true, articleCount: 25 });
    expect(listed.articles).toHaveLength(LISTED_ARTICLES);

    const { license } = await transition(
      { reference: request.reference, action: 'approve', expectedVersion: request.version },
      staff,
      db,
    );
    const signed = await signedVerification(license!.code, db);
    expect(signed!.license.catalogue).toEqual({ selection: request.selection, articleCount: 25, ongoing: false });
    expect(signed!.license.articles).toEqual([]);
  });
});
