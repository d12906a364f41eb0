import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles, licenseExports, licenses, type PublicUser } from '@/db/schema';
import { GET as exportRoute } from '@/app/api/v1/licenses/[code]/export/route';
import { GET as legacyExportRoute } from '@/app/api/licenses/[code]/export/route';
import { createToken } from '@/lib/api/tokens';
import { toPublicUser } from '@/lib/auth/users';
import { licensedArticleIds } from '@/lib/catalogue-licences/licensed';
import { EXPORT_ITEMS_PER_MINUTE, exportCatalogue } from '@/lib/catalogue-licences/export';
import { exportUsage, MANY_ADDRESSES } from '@/lib/catalogue-licences/usage';
import { authenticate } from '@/lib/api/auth';
import { setSetting } from '@/lib/settings';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { makeCatalogueLicense } from '../helpers/catalogue-licences';
import { desk, submit } from '../helpers/requests';

const BASE = 'http://desk.test';
const DAY = 86_400_000;

let db: Db;
let owner: PublicUser;
let token: string;
let news: number[];

const call = (code: string, qs = '', bearer: string | null = token, route = exportRoute) =>
  route(
    new Request(`${BASE}/api/v1/licenses/${code}/export${qs}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    }),
    { params: Promise.resolve({ code }) },
  );

async function lines(res: Response): Promise<Record<string, unknown>[]> {
  const text = await res.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const nextOf = (res: Response) => /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;

/** Every item of the export, following Link: rel="next" as a client would. */
async function walk(code: string, qs = '?limit=2') {
  const items: Record<string, unknown>[] = [];
  let url: string | null = `${BASE}/api/v1/licenses/${code}/export${qs}`;
  let pages = 0;
  while (url) {
    const res = await call(code, new URL(url).search);
    expect(res.status).toBe(200);
    items.push(...(await lines(res)));
    url = nextOf(res);
    pages += 1;
  }
  return { items, pages };
}

const uriOf = (id: number) => db.select().from(articles).where(eq(articles.id, id)).get()!.canonicalUrl;

beforeEach(() => {
  db = freshDb();
  const org = makeOrg(db, { type: 'ai_developer', domains: ['ai.example'] });
  owner = toPublicUser(makeUser(db, { organizationId: org.id }));
  token = createToken({ name: 'Crawler', scope: 'read' }, owner, db).token;
  news = [1, 2, 3, 4, 5].map(
    (i) =>
      makeArticle(db, {
        section: 'News',
        publishedAt: `2026-0${i}-01T09:00:00.000Z`,
        body: '<p>Harbour news.</p><figure><img src="https://agency.example/p.jpg" alt=""></figure>',
      }).id,
  );
  makeArticle(db, { section: 'Sport', publishedAt: '2026-01-05T09:00:00.000Z' });
  makeArticle(db, { section: 'News', rightsStatus: 'syndicated_in' });
});

const newsLicense = (over: Parameters<typeof makeCatalogueLicense>[1] extends infer O ? Partial<O> : never = {}) =>
  makeCatalogueLicense(db, {
    organizationId: owner.organizationId!,
    requesterId: owner.id,
    selection: { sections: ['News'] },
    issuedAt: new Date('2026-06-01T00:00:00.000Z'),
    startDate: '2026-06-01',
    ...over,
  });

describe('catalogue export', () => {
  it('pages the licensed articles as NDJSON of text-only ninjs items, by cursor, each once', async () => {
    const l = newsLicense({ issuedAt: new Date(), startDate: new Date().toISOString().slice(0, 10) });
    expect(licensedArticleIds(l, db)).toEqual(news);
    const first = await call(l.code, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(first.headers.get('cache-control')).toContain('no-store');
    expect(nextOf(first)).toMatch(/\/api\/v1\/licenses\/.+\/export\?cursor=.+&limit=2$/);
    const { items, pages } = await walk(l.code);
    expect(pages).toBe(3);
    expect(items.map((i) => i.uri)).toEqual(news.map(uriOf));
    for (const item of items) {
      expect(item).toMatchObject({ type: 'text', standard: { name: 'ninjs', version: '3.0' } });
      expect(item.associations).toBeUndefined();
      expect(JSON.stringify(item)).not.toContain('agency.example');
      expect(item.descriptions).toContainEqual({ role: 'credit', contentType: 'text/plain', value: l.creditLine });
      expect(item.rightsInfo).toEqual([expect.objectContaining({ linkedRights: expect.stringContaining(l.code) })]);
      expect(item.altids).toContainEqual({ role: 'licence', value: l.code });
    }
    // The address answers the same.
    const legacy = await call(l.code, '?limit=5', token, legacyExportRoute);
    expect((await lines(legacy)).map((i) => i.uri)).toEqual(news.map(uriOf));
    // Every call is logged: licence, token, cursor, items.
    const log = db.select().from(licenseExports).where(eq(licenseExports.licenseId, l.id)).all();
    expect(log.map((r) => r.items)).toEqual([2, 2, 2, 1, 5]);
    expect(log.map((r) => r.cursor !== '')).toEqual([false, false, true, true, false]);
    expect(log.every((r) => r.address === 'unknown' && r.tokenId > 0)).toBe(true);
  });

  it('only the licence organisation’s token; only a catalogue licence in force and paid', async () => {
    const now = new Date();
    const l = newsLicense({ issuedAt: now, startDate: now.toISOString().slice(0, 10) });
    expect((await call(l.code, '', null)).status).toBe(401);
    expect((await call(l.code, '', 'rdk_nonsense')).status).toBe(401);
    const other = makeOrg(db);
    const stranger = toPublicUser(makeUser(db, { organizationId: other.id }));
    const theirs = createToken({ name: 'Theirs', scope: 'read' }, stranger, db).token;
    const refused = await call(l.code, '', theirs);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'not_found' });
    expect((await call('LIC-0000-0000-0000')).status).toBe(404);
    // A per-article licence is not exported (its copies are).
    const d = desk(db);
    const perArticle = (await submit(db, d.publisher, ['first-story'], { audience: 1000 })).license!;
    const theirToken = createToken({ name: 'CMS', scope: 'read' }, d.publisher, db).token;
    expect((await call(perArticle.code, '', theirToken)).status).toBe(404);
    // Unpaid above the payment threshold: 402; revoked: 410; not started: 403.
    const unpaid = newsLicense({ fee: 5_000_000, issuedAt: now, startDate: now.toISOString().slice(0, 10) });
    const res = await call(unpaid.code);
    expect(res.status).toBe(402);
    expect(await res.json()).toMatchObject({ code: 'payment_required' });
    db.update(licenses).set({ paidAt: now.toISOString() }).where(eq(licenses.id, unpaid.id)).run();
    expect((await call(unpaid.code)).status).toBe(200);
    db.update(licenses).set({ status: 'revoked' }).where(eq(licenses.id, l.id)).run();
    expect((await call(l.code)).status).toBe(410);
    const later = newsLicense({
      issuedAt: now,
      startDate: new Date(now.getTime() + 5 * DAY).toISOString().slice(0, 10),
    });
    expect((await call(later.code)).status).toBe(403);
    // Bad cursor or limit: 422 naming the parameter; a cursor of another list is refused.
    expect((await call(unpaid.code, '?cursor=bm90')).status).toBe(422);
    expect((await call(unpaid.code, '?limit=1001')).status).toBe(422);
    expect((await call(unpaid.code, '?limit=0')).status).toBe(422);
    expect((await call(unpaid.code, `?cursor=${Buffer.from('l1:3').toString('base64url')}`)).status).toBe(422);
    // Refused calls are not logged as exports.
    expect(
      db
        .select()
        .from(licenseExports)
        .all()
        .map((r) => r.licenseId),
    ).toEqual([unpaid.id]);
  });

  it('is rate limited per token by items: 429 with Retry-After', async () => {
    const now = new Date();
    const l = newsLicense({ issuedAt: now, startDate: now.toISOString().slice(0, 10) });
    // Use up the minute's items through the same limiter, then one more page is refused.
    const { dbLimiter } = await import('@/lib/auth/limits');
    const tokenId = db.select().from(licenseExports).all().length; // no export yet
    expect(tokenId).toBe(0);
    const id = db.$client.prepare('select id from api_tokens limit 1').get() as { id: number };
    await dbLimiter({ keyPrefix: 'api_export', points: EXPORT_ITEMS_PER_MINUTE, duration: 60 }, db).consume(
      String(id.id),
      EXPORT_ITEMS_PER_MINUTE - 1,
    );
    expect((await call(l.code, '?limit=1')).status).toBe(200);
    const res = await call(l.code, '?limit=1');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('an ongoing licence picks up new matching articles until its end; withdrawn ones stop', async () => {
    // Issued 1 June 2026 for a year: frozen News of January to May, plus News published after issue.
    const l = newsLicense({ selection: { sections: ['News'], ongoing: true } });
    const frozen = newsLicense();
    const june = makeArticle(db, { section: 'News', publishedAt: '2026-06-10T09:00:00.000Z' });
    makeArticle(db, { section: 'Sport', publishedAt: '2026-06-11T09:00:00.000Z' });
    const after = makeArticle(db, { section: 'News', publishedAt: '2027-06-02T09:00:00.000Z' });
    const at = new Date('2026-07-01T00:00:00.000Z');
    expect(licensedArticleIds(l, db, at)).toEqual([...news, june.id]);
    // After its end an article published then is not covered.
    expect(licensedArticleIds(l, db, new Date('2027-07-01T00:00:00.000Z'))).not.toContain(after.id);
    // A frozen licence does not pick up June's article.
    expect(licensedArticleIds(frozen, db, at)).toEqual(news);
    // Staff reserve News for AI: the ongoing part stops, the frozen ids stay licensed.
    setSetting('ai', { sections: { News: 'reserve' }, defaultPolicy: 'license', crawlerRules: '' }, db);
    expect(licensedArticleIds(l, db, at)).toEqual(news);
  });

  it('usage evidence: items per day, the last export, a token used from many addresses flagged', async () => {
    const now = new Date();
    const start = new Date(now.getTime() - 5 * DAY);
    const l = newsLicense({ issuedAt: start, startDate: start.toISOString().slice(0, 10) });
    const caller = await authenticate(
      new Request(`${BASE}/api/v1/licenses`, { headers: { authorization: `Bearer ${token}` } }),
      'read',
      db,
    );
    const run = (address: string, at: Date, qs = '') =>
      exportCatalogue(caller, l.code, new URLSearchParams(qs), address, db, at);
    await run('192.0.2.1', new Date(now.getTime() - 3 * DAY), 'limit=2');
    for (let i = 1; i <= MANY_ADDRESSES; i += 1) await run(`198.51.100.${i}`, now);
    let usage = exportUsage(l.id, db, now);
    expect(usage.days).toEqual([
      { day: now.toISOString().slice(0, 10), calls: MANY_ADDRESSES, items: 5 * MANY_ADDRESSES },
      { day: new Date(now.getTime() - 3 * DAY).toISOString().slice(0, 10), calls: 1, items: 2 },
    ]);
    expect(usage.totalItems).toBe(5 * MANY_ADDRESSES + 2);
    expect(usage.last).toMatchObject({ items: 5, address: `198.51.100.${MANY_ADDRESSES}` });
    expect(usage.last!.token).toMatch(/^Crawler \(rdk_/);
    expect(usage.manyAddresses).toEqual([]);
    await run('203.0.113.9', now);
    usage = exportUsage(l.id, db, now);
    expect(usage.manyAddresses).toEqual([{ token: usage.last!.token, addresses: MANY_ADDRESSES + 1 }]);
  });
});
