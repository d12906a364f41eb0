import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { submitCatalogueRequestAction } from '@/app/(site)/catalogue-licence/actions';
import { GET } from '@/app/api/catalogue-quote/route';
import type { Db } from '@/db/client';
import { licenseRequests } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { tomorrow } from '../helpers/requests';
import { act, who } from '../helpers/session';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

let db: Db;
beforeEach(() => {
  db = freshDb();
  who.current = null;
  vi.spyOn(console, 'log').mockImplementation(() => {});
  for (let i = 0; i < 3; i++) makeArticle(db, { section: 'News', tags: ['harbour'] });
  makeArticle(db, { section: 'Sport', tags: ['football'] });
});
afterEach(() => vi.restoreAllMocks());

const get = async (qs: string) => {
  const res = await GET(new Request(`http://localhost/api/catalogue-quote?${qs}`));
  return { status: res.status, body: await res.json() };
};

describe('GET /api/catalogue-quote', () => {
  it('counts and prices a selection for anyone', async () => {
    const { status, body } = await get('section=News&use=ai-train&territory=worldwide&duration=1y');
    expect(status).toBe(200);
    // 3 × £20 × 1.6 (worldwide)
    expect(body).toMatchObject({ count: 3, licenseeType: 'ai_developer', quote: { total: 9600 } });
    expect(body.quote.catalogue.tiers).toHaveLength(1);
    const tags = await get('tags=Harbour,%20football&use=web&territory=worldwide&duration=1y&licenseeType=commercial');
    expect(tags.body.count).toBe(4);
  });

  it('prices a publisher as their organisation, whatever the query says', async () => {
    const org = makeOrg(db, { type: 'education' });
    who.current = toPublicUser(makeUser(db, { organizationId: org.id }));
    const { body } = await get('section=News&use=ai-train&territory=worldwide&duration=1y&licenseeType=ai_developer');
    expect(body).toMatchObject({ licenseeType: 'education', quote: { total: 3800 } });
  });

  it('tells a script asking too often when to come back', async () => {
    process.env.CATALOGUE_QUOTES_PER_MINUTE = '2';
    try {
      const qs = 'section=News&use=ai-train&territory=worldwide&duration=1y';
      expect((await get(qs)).status).toBe(200);
      expect((await get(qs)).status).toBe(200);
      const res = await GET(new Request(`http://localhost/api/catalogue-quote?${qs}`));
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('60');
      expect(await res.json()).toMatchObject({ code: 'rate_limited' });
    } finally {
      delete process.env.CATALOGUE_QUOTES_PER_MINUTE;
    }
  });

  it('answers 400 with a reason per field', async () => {
    const { status, body } = await get('use=nope&territory=worldwide&duration=1y&from=2026-03-01&to=2026-02-01');
    expect(status).toBe(400);
    expect(body.errors).toMatchObject({ use: 'Choose a use.', to: 'The end date is before the start.' });
    expect((await get('use=web&territory=worldwide&duration=1y&from=2026-02-30')).body.errors.from).toBe(
      'That date does not exist.',
    );
  });
});

describe('the catalogue-licence action', () => {
  const fields = () => ({
    section: ['News'],
    tags: '',
    use: 'ai-input',
    territory: 'worldwide',
    duration: '1y',
    publicationName: 'Answer Engine',
    startDate: tomorrow(),
    acceptTerms: 'on',
    idempotencyKey: randomUUID(),
  });

  it('keeps what was typed and marks the fields on bad input', async () => {
    const org = makeOrg(db, { type: 'ai_developer' });
    const user = toPublicUser(makeUser(db, { organizationId: org.id }));
    const state = await act(submitCatalogueRequestAction, user, {
      ...fields(),
      acceptTerms: undefined,
      territory: 'country',
      from: '2026-05-01',
      to: '2026-01-01',
    });
    expect(state).toMatchObject({
      ok: false,
      code: 'invalid',
      errors: { acceptTerms: expect.any(String), territoryDetail: expect.any(String), to: expect.any(String) },
      values: { section: 'News', publicationName: 'Answer Engine', from: '2026-05-01' },
    });
    expect(db.select().from(licenseRequests).all()).toHaveLength(0);
  });

  it('refuses visitors and staff, and stores a publisher’s request', async () => {
    expect(await act(submitCatalogueRequestAction, null, fields())).toMatchObject({ ok: false, code: 'unauthorized' });
    const staff = toPublicUser(makeUser(db, { role: 'staff' }));
    expect(await act(submitCatalogueRequestAction, staff, fields())).toMatchObject({ ok: false, code: 'forbidden' });
    const org = makeOrg(db, { type: 'ai_developer' });
    const user = toPublicUser(makeUser(db, { organizationId: org.id }));
    const thrown = await act(submitCatalogueRequestAction, user, fields()).catch((e: { digest?: string }) => e);
    expect((thrown as { digest?: string }).digest).toMatch(
      /^NEXT_REDIRECT;.*;\/account\/requests\/RR-\d{4}-000001\?received=1;/,
    );
    expect(db.select().from(licenseRequests).get()?.selection).toMatchObject({ sections: ['News'] });
  });
});
