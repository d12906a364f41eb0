import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/quote/route';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, ARTICLE_USES } from '@/db/schema';
import { DEFAULT_RATE_CARD } from '@/lib/quote';
import { saveRateCard } from '@/lib/rate-card';
import type { Db } from '@/db/client';
import { freshDb } from '../helpers/db';
import { designTotal } from '../helpers/design-quote';
import { makeArticle, makeUser } from '../helpers/factories';

let db: Db;
const ARTICLES: { slug: string; premiumMilli: number; rightsStatus?: 'contributor' }[] = [
  { slug: 'plain-one', premiumMilli: 1000 },
  { slug: 'plain-two', premiumMilli: 1000 },
  { slug: 'premium-story', premiumMilli: 1500 },
  { slug: 'cheap-brief', premiumMilli: 800 },
  { slug: 'op-ed', premiumMilli: 1000, rightsStatus: 'contributor' },
  { slug: 'fifth', premiumMilli: 1250 },
];

beforeAll(() => {
  db = freshDb();
  for (const a of ARTICLES) makeArticle(db, { ...a, title: `Title of ${a.slug}` });
  makeArticle(db, { slug: 'wire-copy', title: 'Wire copy', rightsStatus: 'syndicated_in' });
  makeArticle(db, { slug: 'secret-report', title: 'Secret report', embargoUntil: '2099-01-01T00:00:00Z' });
});

const body = {
  articles: ['plain-one'],
  use: 'web',
  licenseeType: 'commercial',
  audience: 25000,
  territory: 'country',
  duration: '1y',
  portion: 'full',
  translation: false,
};

async function post(payload: unknown, raw?: string) {
  const res = await POST(
    new Request('http://test/api/quote', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ?? JSON.stringify(payload),
    }),
  );
  return { status: res.status, json: await res.json() };
}

describe('POST /api/quote', () => {
  it('prices the reference case at £150 with one line listing its factors', async () => {
    const { status, json } = await post(body);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      total: 15000,
      currency: 'GBP',
      requiresReview: false,
      reasons: [],
      rateCardVersion: 1,
    });
    expect(json.lines).toHaveLength(1);
    expect(json.lines[0]).toMatchObject({ slug: 'plain-one', title: 'Title of plain-one', base: 15000, amount: 15000 });
    expect(json.lines[0].factors.map((f: { name: string }) => f.name)).toEqual([
      'licenseeType',
      'audience',
      'territory',
      'duration',
      'portion',
      'premium',
    ]);
  });

  it('returns the DESIGN.md total for any mix of options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(ARTICLES, { minLength: 1 }),
        fc.constantFrom(...ARTICLE_USES),
        fc.constantFrom(...ORG_TYPES),
        fc.integer({ min: 1, max: 11_000_000 }),
        fc.constantFrom(...TERRITORIES),
        fc.constantFrom(...DURATIONS),
        fc.constantFrom(...PORTIONS),
        fc.boolean(),
        async (arts, use, licenseeType, audience, territory, duration, portion, translation) => {
          const input = {
            articles: arts.map((a) => a.slug),
            use,
            licenseeType,
            audience,
            territory,
            duration,
            portion,
            translation,
          };
          const { status, json } = await post(input);
          expect(status).toBe(200);
          const expected = designTotal({
            ...input,
            articles: arts.map((a) => ({
              slug: a.slug,
              title: '',
              premiumMilli: a.premiumMilli,
              rightsStatus: a.rightsStatus ?? 'owned',
            })),
          });
          expect(json.total).toBe(expected);
          expect(json.lines.map((l: { slug: string }) => l.slug)).toEqual(input.articles);
          expect(json.requiresReview).toBe(
            translation || expected === null || arts.some((a) => a.rightsStatus === 'contributor'),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('charges a non-profit half', async () => {
    const two = { ...body, articles: ['plain-one', 'plain-two'] };
    expect((await post(two)).json.total).toBe(27000);
    expect((await post({ ...two, licenseeType: 'non-profit' })).json.total).toBe(13500);
  });

  it('gives a staff quote (total null, with the reason) above ten million readers', async () => {
    const { status, json } = await post({ ...body, audience: 20_000_000 });
    expect(status).toBe(200);
    expect(json.total).toBeNull();
    expect(json.requiresReview).toBe(true);
    expect(json.reasons.join(' ')).toMatch(/priced by the desk/);
  });

  it('names every bad field', async () => {
    const { status, json } = await post({
      articles: [],
      use: 'billboard',
      licenseeType: 'charity',
      audience: -5,
      territory: 'moon',
      duration: '5y',
      portion: 'half',
      translation: 'yes',
    });
    expect(status).toBe(400);
    expect(Object.keys(json.errors).sort()).toEqual([
      'articles',
      'audience',
      'duration',
      'licenseeType',
      'portion',
      'territory',
      'translation',
      'use',
    ]);
    expect(json.errors.audience).toMatch(/at least 1/);
    expect((await post({ ...body, audience: 12.5 })).json.errors.audience).toMatch(/whole number/);
    expect((await post({ ...body, articles: undefined })).json.errors.articles).toMatch(/at least one article/);
  });

  it('names unknown and unlicensable articles, without revealing embargoed titles', async () => {
    const { status, json } = await post({
      ...body,
      articles: ['plain-one', 'wire-copy', 'no-such-story', 'secret-report'],
    });
    expect(status).toBe(400);
    expect(json.errors.articles).toMatch(/Wire copy.*syndicated/);
    expect(json.errors.articles).toMatch(/no-such-story/);
    expect(json.errors.articles).toMatch(/secret-report/);
    expect(json.errors.articles).not.toMatch(/Secret report/);
    const malformed = await post({ ...body, articles: ['Not A Slug!', 42] });
    expect(malformed.json.errors.articles).toMatch(/“Not A Slug!” is not an article/);
    expect(malformed.json.errors.articles).toMatch(/“42”/);
  });

  it('refuses malformed JSON and anything but an object with 400', async () => {
    const bad = await post(undefined, '{"articles": [');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/Malformed JSON/);
    for (const v of [[], 'web', null, 7]) expect((await post(v)).status).toBe(400);
    expect((await post(undefined, 'x'.repeat(20_000))).status).toBe(413);
  });

  it('quotes on the newest rate card and says which version', async () => {
    const admin = makeUser(db, { role: 'admin' });
    await saveRateCard({ ...DEFAULT_RATE_CARD, baseFee: { ...DEFAULT_RATE_CARD.baseFee, web: 20000 } }, admin.id, db);
    const { json } = await post(body);
    expect(json).toMatchObject({ total: 20000, rateCardVersion: 2 });
  });
});
