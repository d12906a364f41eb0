import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import type { Db } from '@/db/client';
import {
  articles,
  licenseNotices,
  licenseRequests,
  licenses,
  outbox,
  requestArticles,
  type LicenseRequest,
} from '@/db/schema';
import { decideAction } from '@/app/(site)/admin/requests/[ref]/actions';
import { respondAction } from '@/app/(site)/account/requests/[ref]/actions';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { apiLicense } from '@/lib/api/licenses';
import { downloadLicense } from '@/lib/licenses/download';
import type { LicenseRow } from '@/lib/licenses/queries';
import { signedVerification } from '@/lib/licenses/signed';
import { publishedKeys } from '@/lib/licenses/signing-keys';
import type { LicenseTerms } from '@/lib/licenses/issue';
import { markArticle } from '@/lib/licenses/notices';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { makeArticle } from '../helpers/factories';
import { pdfText } from '../helpers/pdf-text';
import { desk, submit } from '../helpers/requests';
import { act } from '../helpers/session';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

// Issue 17 item 7: a counter-offer changes the terms in structure, and the licence issued on
// acceptance — its frozen terms, every copy and the certificate — carries exactly those terms.

let db: Db;
let d: ReturnType<typeof desk>;
const today = () => new Date().toISOString().slice(0, 10);
const para = (n: number) => `<p>Paragraph ${n} ${'word '.repeat(98).trim()}.</p>`;

beforeEach(() => {
  db = freshDb();
  d = desk(db);
  makeArticle(db, { slug: 'long-read', title: 'Long read', body: [1, 2, 3, 4, 5].map(para).join('') });
});

const load = (id: number) => db.select().from(licenseRequests).where(eq(licenseRequests.id, id)).get()!;
const slugsOf = (requestId: number) =>
  db
    .select({ slug: articles.slug })
    .from(requestArticles)
    .innerJoin(articles, eq(articles.id, requestArticles.articleId))
    .where(eq(requestArticles.requestId, requestId))
    .orderBy(asc(requestArticles.position))
    .all()
    .map((r) => r.slug);

/** Perpetual, full text: goes to staff. */
const pending = async (slugs = ['long-read', 'first-story']) =>
  (await submit(db, d.publisher, slugs, { duration: 'perpetual', startDate: today() })).request;

/** The counter form as the review page posts it: every term, prefilled with the request's own. */
const counterForm = (r: LicenseRequest, slugs: string[], over: Record<string, string | string[]> = {}) => ({
  reference: r.reference,
  action: 'counter',
  version: String(r.version),
  fee: '',
  note: '',
  changeTerms: '1',
  use: r.use,
  audience: String(r.audience),
  territory: r.territory,
  territoryDetail: r.territoryDetail,
  duration: r.duration,
  portion: r.portion,
  articles: slugs,
  addArticles: '',
  ...over,
});

const body = (r: { body: string | Uint8Array }) => (typeof r.body === 'string' ? r.body : strFromU8(r.body));
const bytes = (r: { body: string | Uint8Array }) =>
  typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;

describe('a counter-offer that changes the terms', () => {
  it('counter excerpt-only, 30 days → accept → licence terms, every download format and the certificate say excerpt and 30 days', async () => {
    const req = await pending();
    expect(req).toMatchObject({ status: 'submitted', portion: 'full', duration: 'perpetual', quoteTotal: 54000 });

    const sent = await act(
      decideAction,
      d.staff,
      counterForm(req, ['long-read', 'first-story'], { portion: 'excerpt', duration: '30d' }),
    );
    expect(sent).toMatchObject({ ok: true });
    const countered = load(req.id);
    // No fee typed: the offer is the same engine's quote of the new terms (£150 × 0.4 × 0.7 × 2, −10 %).
    expect(countered).toMatchObject({ status: 'countered', counterFee: 7600, portion: 'full', duration: 'perpetual' });
    expect(countered.counterTerms).toMatchObject({ portion: 'excerpt', duration: '30d', quoteTotal: 7600 });
    const mail = db.select().from(outbox).where(eq(outbox.kind, 'counter_offer')).get()!;
    expect(mail.text).toContain('Portion: Excerpt (up to 300 words)');
    expect(mail.text).toContain('Duration: 30 days');

    const accepted = await act(respondAction, d.publisher, {
      reference: req.reference,
      action: 'accept_counter',
      expectedVersion: String(countered.version),
    });
    expect(accepted).toMatchObject({ ok: true });

    // The request now holds the agreed terms; what the publisher asked is kept beside them.
    const approved = load(req.id);
    expect(approved).toMatchObject({ status: 'approved', portion: 'excerpt', duration: '30d', agreedFee: 7600 });
    expect(approved.quoteTotal).toBe(7600);
    expect(approved.askedTerms).toMatchObject({ portion: 'full', duration: 'perpetual', quoteTotal: 54000 });

    const license = db.select().from(licenses).where(eq(licenses.requestId, req.id)).get()!;
    const terms = license.terms as LicenseTerms;
    expect(terms).toMatchObject({ portion: 'excerpt', duration: '30d', fee: 7600 });
    expect(terms.articles.map((a) => a.slug)).toEqual(['long-read', 'first-story']);
    const days = (Date.parse(license.validUntil!) - Date.parse(license.validFrom)) / 86_400_000;
    expect(days).toBe(30);

    const html = body(await downloadLicense(license.code, 'html', d.publisher, db));
    const md = body(await downloadLicense(license.code, 'md', d.publisher, db));
    const txt = body(await downloadLicense(license.code, 'txt', d.publisher, db));
    const pdf = pdfText(bytes(await downloadLicense(license.code, 'pdf', d.publisher, db)));
    const ninjs = body(await downloadLicense(license.code, 'ninjs', d.publisher, db));
    const zip = unzipSync(bytes(await downloadLicense(license.code, 'zip', d.publisher, db)));
    const inZip = Object.entries(zip).map(([name, b]) => [name, name.endsWith('.pdf') ? pdfText(b) : strFromU8(b)]);
    expect(inZip).toHaveLength(5);
    for (const [name, text] of [['html', html], ['md', md], ['txt', txt], ['pdf', pdf], ['ninjs', ninjs], ...inZip]) {
      expect(text, name).toContain('Excerpt (up to 300 words)');
      expect(text, name).toContain('30 days');
      expect(text, name).not.toContain('Perpetual');
      expect(text, name).not.toContain('Full text');
    }
    // And the copies are cut to the excerpt.
    for (const text of [html, md, txt]) {
      expect(text).toContain('Paragraph 3 ');
      expect(text).not.toContain('Paragraph 4 ');
    }

    // The machine-readable forms: each article's JSON-LD in the HTML copy, the signed API and its JWS.
    const lds = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    );
    expect(lds).toHaveLength(2);
    for (const ld of lds) {
      expect(ld.usageInfo.description).toContain('Excerpt (up to 300 words)');
      expect(ld.usageInfo.description).toContain('30 days');
      expect(ld.usageInfo.temporalCoverage).toBe(`${license.validFrom}/${license.validUntil}`);
      expect(ld.expires).toBe(license.validUntil);
    }
    const signed = (await signedVerification(license.code, db))!;
    expect(signed.license).toMatchObject({ portion: 'excerpt', duration: '30d', validUntil: license.validUntil });
    const { payload } = await jwtVerify(signed.jws, createLocalJWKSet(publishedKeys()), { algorithms: ['EdDSA'] });
    expect(payload).toMatchObject({ portion: 'excerpt', duration: '30d', validUntil: license.validUntil });
    expect(apiLicense(license as LicenseRow)).toMatchObject({
      portion: 'excerpt',
      duration: '30d',
      validUntil: license.validUntil,
    });
  });

  it('drops and adds articles: the licence, the request and later notices follow the agreed list', async () => {
    makeArticle(db, { slug: 'added-story', title: 'Added story' });
    const req = await pending();
    const r = await act(
      decideAction,
      d.staff,
      counterForm(req, ['first-story'], { addArticles: 'added-story', fee: '90', note: 'We can offer these two.' }),
    );
    expect(r).toMatchObject({ ok: true });
    const countered = load(req.id);
    expect(countered).toMatchObject({ counterFee: 9000, counterNote: 'We can offer these two.' });
    // Until accepted, the request keeps what was asked.
    expect(slugsOf(req.id)).toEqual(['long-read', 'first-story']);

    const { license } = await transition(
      { reference: req.reference, action: 'accept_counter', expectedVersion: countered.version },
      d.publisher,
      db,
    );
    expect((license!.terms as LicenseTerms).articles.map((a) => a.slug)).toEqual(['first-story', 'added-story']);
    expect(license!.fee).toBe(9000);
    expect(slugsOf(req.id)).toEqual(['first-story', 'added-story']);

    // A withdrawal of the dropped article concerns no licence; one of the added article does.
    const id = (slug: string) => db.select().from(articles).where(eq(articles.slug, slug)).get()!.id;
    expect((await markArticle(id('long-read'), 'withdrawn', 'Legal', d.staff, db)).notified).toBe(0);
    expect((await markArticle(id('added-story'), 'withdrawn', 'Legal', d.staff, db)).notified).toBe(1);
    expect(db.select().from(licenseNotices).all()).toHaveLength(1);
  });

  it('declined, then approved by staff: the licence carries the asked terms, not the declined ones', async () => {
    const req = await pending();
    await act(decideAction, d.staff, counterForm(req, ['long-read'], { portion: 'excerpt' }));
    const declined = await transition(
      { reference: req.reference, action: 'decline_counter', expectedVersion: load(req.id).version },
      d.publisher,
      db,
    );
    const { license } = await transition(
      { reference: req.reference, action: 'approve', expectedVersion: declined.request.version },
      d.staff,
      db,
    );
    expect(license!.terms).toMatchObject({ portion: 'full', duration: 'perpetual' });
    expect(license!.fee).toBe(54000);
  });
});

describe('a counter-offer on the fee alone works as before', () => {
  it('from the form (every term as asked): only the fee changes, the licence has the asked terms', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, counterForm(req, ['long-read', 'first-story'], { fee: '400' }));
    expect(r).toMatchObject({ ok: true });
    const countered = load(req.id);
    expect(countered).toMatchObject({ status: 'countered', counterFee: 40000, counterTerms: null });
    expect(db.select().from(outbox).where(eq(outbox.kind, 'counter_offer')).get()!.text).not.toContain('changed terms');
    const { license } = await transition(
      { reference: req.reference, action: 'accept_counter', expectedVersion: countered.version },
      d.publisher,
      db,
    );
    expect(license!.terms).toMatchObject({ portion: 'full', duration: 'perpetual', fee: 40000 });
    expect(load(req.id).askedTerms).toBeNull();
  });

  it('without the terms fields (scripts, older forms), as before', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, {
      reference: req.reference,
      action: 'counter',
      version: String(req.version),
      fee: '300',
    });
    expect(r).toMatchObject({ ok: true });
    expect(load(req.id)).toMatchObject({ counterFee: 30000, counterTerms: null });
  });

  it('nothing changed, no fee and no note: refused at the fee', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, counterForm(req, ['long-read', 'first-story']));
    expect(r).toMatchObject({ ok: false, errors: { fee: expect.stringContaining('Enter the fee you propose') } });
    expect(load(req.id)).toMatchObject({ status: 'submitted', version: req.version });
  });
});

describe('invalid terms are refused at the field, and nothing is written', () => {
  const unchanged = (req: LicenseRequest) => {
    expect(load(req.id)).toMatchObject({ status: 'submitted', version: req.version, counterTerms: null });
    expect(db.select().from(outbox).where(eq(outbox.kind, 'counter_offer')).all()).toHaveLength(0);
  };

  it('an unknown article', async () => {
    const req = await pending();
    const r = await act(decideAction, d.staff, counterForm(req, ['first-story'], { addArticles: 'no-such-story' }));
    expect(r).toMatchObject({
      ok: false,
      code: 'invalid',
      errors: { articles: expect.stringContaining('no-such-story') },
    });
    // The form keeps what staff typed.
    expect(r).toMatchObject({ values: { addArticles: 'no-such-story' } });
    unchanged(req);
  });

  it('a withdrawn article, and one that is not licensable (syndicated in)', async () => {
    makeArticle(db, { slug: 'wire-story', title: 'Wire story', rightsStatus: 'syndicated_in' });
    const req = await pending();
    const id = db.select().from(articles).where(eq(articles.slug, 'first-story')).get()!.id;
    await markArticle(id, 'withdrawn', 'Legal', d.staff, db);
    const r = await act(
      decideAction,
      d.staff,
      counterForm(req, ['long-read', 'first-story'], { addArticles: 'wire-story', portion: 'excerpt' }),
    );
    expect(r).toMatchObject({ ok: false, errors: { articles: expect.stringMatching(/withdrawn/i) } });
    expect((r as unknown as { errors: { articles: string } }).errors.articles).toContain('Wire story');
    unchanged(req);
  });

  it('no article left, a bad audience, a country without its name', async () => {
    const req = await pending();
    const r = await act(
      decideAction,
      d.staff,
      counterForm(req, [], { audience: 'lots', territory: 'country', territoryDetail: '' }),
    );
    expect(r).toMatchObject({
      ok: false,
      errors: { articles: expect.any(String), audience: expect.any(String), territoryDetail: 'Which country?' },
    });
    unchanged(req);
  });

  it('publishers cannot counter, whatever they post', async () => {
    const req = await pending();
    const r = await act(decideAction, d.publisher, counterForm(req, ['long-read'], { portion: 'excerpt' }));
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    unchanged(req);
  });
});
