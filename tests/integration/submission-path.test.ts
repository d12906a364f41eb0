import { count, eq, Placeholder } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { licenseRequests, licenses, outbox, requestArticles, requestEvents } from '@/db/schema';
import type { LicenseTerms } from '@/lib/licenses/issue';
import { flushDelivery } from '@/lib/mail/outbox';
import { articlesBySlugQuery, licensableArticles } from '@/lib/requests/articles';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { makeArticle } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';

// The submission path's statements are prepared once per connection and its mail is delivered
// after the response (lib/mail/outbox.ts scheduleDelivery); these pin what that must not change.

let db: Db;
beforeEach(() => {
  db = freshDb();
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const mailStatuses = (d: Db, requestId: number) =>
  d
    .select()
    .from(outbox)
    .where(eq(outbox.requestId, requestId))
    .all()
    .map((m) => m.status);

describe('the submission path', () => {
  it('commits its mails with the request and leaves sending to the scheduled run', async () => {
    const d = desk(db);
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    expect(mailStatuses(db, request.id)).toEqual(['pending', 'pending']);
    await flushDelivery();
    expect(mailStatuses(db, request.id)).toEqual(['logged', 'logged']);
  });

  it('stores every field of the form as given', async () => {
    const d = desk(db);
    const { request } = await submit(db, d.publisher, d.slugs, {
      use: 'print',
      audience: 1234,
      territory: 'region',
      territoryDetail: 'Baltic states',
      duration: '30d',
      portion: 'excerpt',
      translation: true,
      translationLanguage: 'Estonian',
      notes: 'Page 3, Saturday',
      publicationName: 'Harbour Weekly',
      publicationUrl: 'https://harbour.example/w',
      idempotencyKey: 'stored-as-given-1',
    });
    const row = db.select().from(licenseRequests).where(eq(licenseRequests.id, request.id)).get()!;
    expect(row).toEqual(request);
    expect(row).toMatchObject({
      organizationId: d.org.id,
      requesterId: d.publisher.id,
      use: 'print',
      audience: 1234,
      territory: 'region',
      territoryDetail: 'Baltic states',
      duration: '30d',
      portion: 'excerpt',
      translation: true,
      translationLanguage: 'Estonian',
      notes: 'Page 3, Saturday',
      publicationName: 'Harbour Weekly',
      publicationUrl: 'https://harbour.example/w',
      idempotencyKey: 'stored-as-given-1',
      status: 'submitted',
      version: 1,
      requiresReview: true, // translations are always reviewed
    });
    expect(row.reference).toMatch(/^RR-\d{4}-000001$/);
    expect(row.quote).toMatchObject({ total: row.quoteTotal, currency: 'GBP' });
    expect(
      db
        .select()
        .from(requestArticles)
        .where(eq(requestArticles.requestId, row.id))
        .all()
        .map((a) => [a.articleId, a.position]),
    ).toEqual(d.articleIds.map((id, i) => [id, i]));
    expect(db.select().from(requestEvents).where(eq(requestEvents.requestId, row.id)).all()).toMatchObject([
      { actorId: d.publisher.id, fromStatus: null, toStatus: 'submitted', action: 'submit', note: '' },
    ]);
  });

  it('keeps prepared statements to their own connection: two databases in one process', async () => {
    const other = openDatabase(':memory:');
    try {
      const a = desk(db);
      const b = desk(other);
      await submit(db, a.publisher, a.slugs, { duration: 'perpetual' });
      await submit(other, b.publisher, b.slugs, { duration: 'perpetual' });
      await submit(db, a.publisher, a.slugs, { duration: 'perpetual' });
      const n = (x: Db, t: typeof licenseRequests | typeof outbox) => x.select({ n: count() }).from(t).get()!.n;
      expect([n(db, licenseRequests), n(other, licenseRequests)]).toEqual([2, 1]);
      expect([n(db, outbox), n(other, outbox)]).toEqual([4, 2]);
    } finally {
      await flushDelivery();
      other.$client.close();
    }
  });

  it('looks articles up by slug through the slug index, in the order asked', async () => {
    for (const slug of ['alpha', 'beta', 'gamma']) makeArticle(db, { slug });
    expect((await licensableArticles(['gamma', 'alpha', 'beta'], db)).map((a) => a.slug)).toEqual([
      'gamma',
      'alpha',
      'beta',
    ]);
    const { sql, params } = articlesBySlugQuery(db).getQuery();
    const bound = params.map((p) => (p instanceof Placeholder ? '["alpha"]' : p));
    const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...bound) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH articles USING INDEX articles_slug \(slug=\?\)/);
    expect(plan).not.toMatch(/SCAN articles/);
  });

  it('a transition writes what its action changes and keeps the rest (one prepared update for every action)', async () => {
    const d = desk(db);
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    const countered = await transition(
      { reference: request.reference, action: 'counter', expectedVersion: 1, fee: 12345, note: 'Our best price' },
      d.staff,
      db,
    );
    expect(countered.request).toMatchObject({
      status: 'countered',
      version: 2,
      counterFee: 12345,
      counterNote: 'Our best price',
      agreedFee: null,
      decidedAt: null,
    });
    const accepted = await transition(
      { reference: request.reference, action: 'accept_counter', expectedVersion: 2 },
      d.publisher,
      db,
    );
    expect(accepted.request).toMatchObject({
      status: 'approved',
      version: 3,
      counterFee: 12345,
      counterNote: 'Our best price',
      agreedFee: 12345,
    });
    expect(accepted.license).toMatchObject({ fee: 12345, requestId: request.id, status: 'active' });
    expect((accepted.license!.terms as LicenseTerms).articles.map((a) => a.slug)).toEqual(d.slugs);
    const decidedAt = accepted.request.decidedAt;
    expect(decidedAt).toBeTruthy();
    const revoked = await transition(
      { reference: request.reference, action: 'revoke', expectedVersion: 3, note: 'Rights withdrawn' },
      d.staff,
      db,
    );
    expect(revoked.request).toMatchObject({
      status: 'revoked',
      version: 4,
      decidedAt,
      agreedFee: 12345,
      counterFee: 12345,
      counterNote: 'Our best price',
    });
    expect(db.select().from(licenseRequests).where(eq(licenseRequests.id, request.id)).get()).toEqual(revoked.request);
    expect(db.select().from(licenses).where(eq(licenses.requestId, request.id)).get()).toMatchObject({
      status: 'revoked',
      revokedReason: 'Rights withdrawn',
    });
  });
});
