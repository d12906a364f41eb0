import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import {
  getArticleDetail,
  getArticlesBySlugs,
  listArticles,
  listSections,
  recentLicensable,
} from '@/lib/catalogue/queries';
import {
  isLicensable,
  isPubliclyVisible,
  licensableSql,
  notLicensableReason,
  publicVisibilitySql,
} from '@/lib/catalogue/rules';
import { freshDb } from '../helpers/db';
import { makeArticle } from '../helpers/factories';
import { params, seedDemoArticles } from '../helpers/catalogue';

const list = (db: Db, p: Record<string, string> = {}) => listArticles(params(p), { db });
const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug);
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 9)).toISOString();

describe('catalogue listing', () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
  });

  it('pages newest first, 20 a page, with the total', async () => {
    for (let i = 0; i < 45; i += 1) makeArticle(db, { slug: `a-${i}`, publishedAt: day(i) });
    const p1 = await list(db);
    expect(p1.items).toHaveLength(20);
    expect(p1.total).toBe(45);
    expect(p1.items[0]!.slug).toBe('a-44');
    const p3 = await list(db, { page: '3' });
    expect(slugs(p3)).toEqual(['a-4', 'a-3', 'a-2', 'a-1', 'a-0']);
    expect((await list(db, { page: '4' })).items).toEqual([]);
    // Same date: the later article comes first, so paging is stable.
    makeArticle(db, { slug: 'twin', publishedAt: day(44) });
    expect(slugs(await list(db)).slice(0, 2)).toEqual(['twin', 'a-44']);
  });

  it('filters by section, tag, author (any case), dates (whole days) and licensable', async () => {
    makeArticle(db, {
      slug: 'p1',
      section: 'Politics',
      tags: ['Council'],
      authors: ['Ana Ruiz'],
      publishedAt: '2026-03-01T23:59:00Z',
    });
    makeArticle(db, {
      slug: 'p2',
      section: 'Politics',
      tags: ['ferries'],
      authors: ['Tom Kell', 'Ana Ruiz'],
      publishedAt: '2026-03-02T00:00:00Z',
    });
    makeArticle(db, {
      slug: 'b1',
      section: 'Business',
      tags: ['council'],
      authors: ['Tom Kell'],
      publishedAt: '2026-03-03T12:00:00Z',
      rightsStatus: 'syndicated_in',
    });
    expect(slugs(await list(db, { section: 'Politics' }))).toEqual(['p2', 'p1']);
    expect(slugs(await list(db, { tag: 'COUNCIL' }))).toEqual(['b1', 'p1']);
    expect(slugs(await list(db, { author: 'ana ruiz' }))).toEqual(['p2', 'p1']);
    expect(slugs(await list(db, { from: '2026-03-02' }))).toEqual(['b1', 'p2']);
    expect(slugs(await list(db, { to: '2026-03-01' }))).toEqual(['p1']);
    expect(slugs(await list(db, { from: '2026-03-02', to: '2026-03-02' }))).toEqual(['p2']);
    expect(slugs(await list(db, { licensable: '1' }))).toEqual(['p2', 'p1']);
    expect(slugs(await list(db, { section: 'Politics', author: 'Tom Kell' }))).toEqual(['p2']);
    const r = await list(db, { section: 'Nowhere' });
    expect([r.items, r.total]).toEqual([[], 0]);
    expect(await listSections(db)).toEqual(['Business', 'Politics']);
  });

  it('shows each card with authors, word count and a licensable flag', async () => {
    seedDemoArticles(db);
    const { items } = await list(db, { section: 'Business' });
    const wire = items.find((i) => i.slug === 'container-shipping-rates-fall-wire')!;
    expect(wire.licensable).toBe(false);
    expect(items.find((i) => i.slug === 'shipyard-wins-ferry-order')).toMatchObject({
      licensable: true,
      authors: expect.any(Array),
    });
    expect(items.every((i) => i.wordCount > 50)).toBe(true);
  });

  it('keeps embargoed and hidden articles out of public listings and counts', async () => {
    seedDemoArticles(db);
    const total = (await list(db)).total;
    expect(slugs(await list(db, { section: 'Environment' }))).not.toContain('coastal-erosion-report-saltmarsh-cliffs');
    const { id } = makeArticle(db, { slug: 'to-hide' });
    expect((await list(db)).total).toBe(total + 1);
    db.update(articles).set({ hidden: true }).where(eq(articles.id, id)).run();
    // The memoised count notices the write.
    expect((await list(db)).total).toBe(total);
    expect((await listArticles(params(), { db, scope: 'staff' })).total).toBe(total + 2);
  });

  it('gives the home page the newest licensable articles', async () => {
    seedDemoArticles(db);
    const recent = await recentLicensable(6, db);
    expect(recent).toHaveLength(6);
    expect(recent.every((a) => a.licensable)).toBe(true);
    const dates = recent.map((a) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('article detail and lookups', () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
    seedDemoArticles(db);
  });

  it('previews the opening paragraphs only and lists assets with their rights', async () => {
    const a = (await getArticleDetail('storm-surge-barrier-consultation', db))!;
    expect(a.preview.length).toBeGreaterThan(0);
    expect(a.preview.map((b) => b.text).join(' ').length).toBeLessThan(a.wordCount * 6);
    expect('body' in a || 'bodyText' in a).toBe(false);
    expect(a.assets.find((x) => x.credit === 'AFP photo')?.licensable).toBe(false);
    expect(await getArticleDetail('no-such-slug', db)).toBeNull();
  });

  it('getArticlesBySlugs returns visible articles only, in the order asked', async () => {
    const rows = await getArticlesBySlugs(
      [
        'shipyard-wins-ferry-order',
        'coastal-erosion-report-saltmarsh-cliffs',
        'nope',
        'council-passes-budget-after-all-night-session',
      ],
      db,
    );
    expect(rows.map((r) => r.slug)).toEqual([
      'shipyard-wins-ferry-order',
      'council-passes-budget-after-all-night-session',
    ]);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'byline',
      'canonicalUrl',
      'embargoUntil',
      'hidden',
      'id',
      'premiumMilli',
      'rightsStatus',
      'slug',
      'state',
      'title',
    ]);
  });
});

describe('the visibility and licensing rules', () => {
  it('agree between objects and SQL for every combination', () => {
    const db = freshDb();
    const now = new Date('2026-06-01T00:00:00Z');
    const cases = [];
    for (const hidden of [false, true])
      for (const embargoUntil of [
        null,
        '2026-05-31T23:59:59.000Z',
        '2026-06-01T00:00:00.000Z',
        '2026-06-01T00:00:00.001Z',
      ])
        for (const rightsStatus of ['owned', 'contributor', 'syndicated_in'] as const)
          for (const state of ['published', 'corrected', 'withdrawn'] as const)
            cases.push({ hidden, embargoUntil, rightsStatus, state });
    for (const c of cases) {
      const { id } = makeArticle(db, { rightsStatus: c.rightsStatus, embargoUntil: c.embargoUntil });
      db.update(articles).set({ hidden: c.hidden, state: c.state }).where(eq(articles.id, id)).run();
      const row = db.get<{ v: number; l: number }>(
        sql`select ${publicVisibilitySql(now)} as v, ${licensableSql(now)} as l from ${articles} where ${articles.id} = ${id}`,
      )!;
      expect(!!row.v, JSON.stringify(c)).toBe(isPubliclyVisible(c, now));
      expect(!!row.l, JSON.stringify(c)).toBe(isLicensable(c, now));
    }
    expect(
      notLicensableReason({ hidden: false, embargoUntil: null, rightsStatus: 'syndicated_in', state: 'published' }),
    ).toMatch(/syndicated/);
    expect(
      notLicensableReason({ hidden: false, embargoUntil: null, rightsStatus: 'contributor', state: 'corrected' }),
    ).toBeNull();
  });
});
