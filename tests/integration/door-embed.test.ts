import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as badgeGET } from '@/app/badge.svg/route';
import { GET as dataGET } from '@/app/embed/data/route';
import { GET as frameGET } from '@/app/embed/frame/route';
import { GET as scriptGET } from '@/app/embed.js/route';
import { GET as linkGET } from '@/app/r/route';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import { demoArticles, PUBLISHER } from '@/scripts/demo/seed-data/articles';
import { saveRateCard } from '@/lib/rate-card';
import { DEFAULT_RATE_CARD } from '@/lib/quote';
import { embedSummary } from '@/lib/embed/summary';
import { writeSettings } from '@/lib/settings/write';
import { freshDb } from '../helpers/db';
import { seedDemoArticles } from '../helpers/catalogue';
import { makeArticle, makeUser } from '../helpers/factories';

let db: Db;
beforeEach(() => {
  db = freshDb();
  seedDemoArticles(db);
});

const urlOf = (slug: string) => {
  const a = demoArticles.find((d) => d.slug === slug)!;
  return `${PUBLISHER.baseUrl}/${a.section.toLowerCase()}/${a.slug}`;
};
const BUDGET = urlOf('council-passes-budget-after-all-night-session');
const PORT = urlOf('port-authority-contracts-investigation'); // premium ×1.5, one agency picture
const WIRE = urlOf('container-shipping-rates-fall-wire'); // syndicated_in
const req = (p: string) => new NextRequest(new URL(p, 'http://desk.test'));
const changes = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;

describe('embed summary', () => {
  it('gives the starting price for the default use from the current rate card, and the pictures', async () => {
    expect(await embedSummary(BUDGET, db)).toMatchObject({
      status: 'available',
      from: 15000,
      currency: 'GBP',
      pictures: { included: 1, excluded: 0 },
    });
    expect(await embedSummary(`${PORT.replace('https://', 'https://www.')}/?utm_source=x`, db)).toMatchObject({
      status: 'available',
      from: 22500,
      pictures: { included: 1, excluded: 1 },
    });
    const admin = makeUser(db, { role: 'admin' });
    await saveRateCard({ ...DEFAULT_RATE_CARD, baseFee: { ...DEFAULT_RATE_CARD.baseFee, web: 20000 } }, admin.id, db);
    expect(await embedSummary(BUDGET, db)).toMatchObject({ status: 'available', from: 20000 });
  });

  it('says "not available" for syndicated and withdrawn articles; hidden ones are unknown', async () => {
    expect(await embedSummary(WIRE, db)).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining('syndicated'),
    });
    db.update(articles)
      .set({ state: 'withdrawn' })
      .where(eq(articles.slug, 'council-passes-budget-after-all-night-session'))
      .run();
    expect(await embedSummary(BUDGET, db)).toMatchObject({ status: 'unavailable' });
    db.update(articles)
      .set({ hidden: true })
      .where(eq(articles.slug, 'council-passes-budget-after-all-night-session'))
      .run();
    expect(await embedSummary(BUDGET, db)).toEqual({ status: 'unknown', ours: true, url: BUDGET });
    expect(await embedSummary('https://elsewhere.example/story', db)).toEqual({
      status: 'unknown',
      ours: false,
      url: 'https://elsewhere.example/story',
    });
  });
});

describe('embed routes', () => {
  it('badge: the price, cache headers, no cookie, no database write per view', async () => {
    await badgeGET(req(`/badge.svg?url=${encodeURIComponent(BUDGET)}`));
    const before = changes();
    for (let i = 0; i < 20; i++) {
      const res = await badgeGET(req(`/badge.svg?url=${encodeURIComponent(BUDGET)}`));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('image/svg+xml');
      expect(res.headers.get('cache-control')).toMatch(/max-age=\d+.*stale-while-revalidate=\d+/);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('from £150');
    }
    expect(changes()).toBe(before);
    expect(await (await badgeGET(req(`/badge.svg?url=${encodeURIComponent(WIRE)}`))).text()).toContain(
      'Not available for republishing',
    );
  });

  it('data: CORS for any site, a desk path as the link, words for the box', async () => {
    const res = await dataGET(req(`/embed/data?url=${encodeURIComponent(BUDGET)}`));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toContain('stale-while-revalidate');
    expect(await res.json()).toEqual({
      status: 'available',
      heading: 'Republish this article — from £150',
      lines: ['Website use for a year; other uses priced on the desk.', 'Its picture is included.'],
      action: 'See the price and request a licence',
      href: '/articles/council-passes-budget-after-all-night-session',
    });
    const unknown = await (
      await dataGET(req(`/embed/data?url=${encodeURIComponent('https://harbourledger.example/news/new')}`))
    ).json();
    expect(unknown.href).toBe(`/r?url=${encodeURIComponent('https://harbourledger.example/news/new')}`);
    const other = await (
      await dataGET(req(`/embed/data?url=${encodeURIComponent('https://elsewhere.example/x')}`))
    ).json();
    expect(other).toMatchObject({ heading: 'Not available for republishing', href: null, action: null });
  });

  it('frame: a script-free document, escaped', async () => {
    makeArticle(db, { slug: 'xss', canonicalUrl: 'https://harbourledger.example/news/xss' });
    writeSettings({ publisherName: '<img src=x onerror=alert(1)>"quoted"' }, db);
    const res = await frameGET(req(`/embed/frame?url=${encodeURIComponent('https://harbourledger.example/news/xss')}`));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;quoted&quot;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('from £150');
  });

  it.each([
    '',
    '?url=javascript:alert(1)',
    '?url=https://a.example/&url=https://b.example/',
    '?url=https://a.example/&x=1',
    '?u=https://a.example/',
  ])('answers %s with 400, never 500', async (qs) => {
    for (const get of [badgeGET, dataGET, frameGET]) expect((await get(req(`/x${qs}`))).status).toBe(400);
  });

  it('embed.js is small (< 8 KB gzipped), cacheable and readable from any site', async () => {
    const source = fs.readFileSync(path.join(process.cwd(), 'lib/embed/client/embed.js'));
    expect(gzipSync(source).length).toBeLessThan(8 * 1024);
    const res = await scriptGET();
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toContain('stale-while-revalidate');
    expect(await res.text()).toBe(source.toString());
  });
});

describe('/r route', () => {
  it('redirects to the article on this site, with the options', async () => {
    const res = await linkGET(
      req(`/r?url=${encodeURIComponent(`${BUDGET.replace('https://', 'https://www.')}/?utm_source=x`)}&use=print`),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/articles/council-passes-budget-after-all-night-session?use=print');
  });

  it('sends unknown addresses to the page that explains, on this site', async () => {
    for (const url of ['https://harbourledger.example/news/brand-new', 'https://elsewhere.example/']) {
      const res = await linkGET(req(`/r?url=${encodeURIComponent(url)}`));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/r/unlisted?url=${encodeURIComponent(url)}`);
    }
  });

  it.each([
    '/r',
    '/r?url=javascript:alert(1)',
    '/r?url=%2F%2Fevil.example',
    '/r?url=https://x.example/&next=//evil.example',
    '/r?url=https://x.example/&use=%3Cscript%3E',
  ])('%s is a 400 page with the reason, escaped', async (p) => {
    const res = await linkGET(req(p));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('This link is not valid');
    expect(html).not.toContain('<script>');
  });
});
