import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import { demoArticles } from '@/scripts/demo/seed-data/articles';
import { seedBulk } from '@/scripts/demo/bulk-articles';
import { listArticles } from '@/lib/catalogue/queries';
import { SEARCH_WINDOW, optimizeSearchIndex } from '@/lib/catalogue/search';
import { segmentsToHtml } from '@/lib/catalogue/fts';
import { freshDb } from '../helpers/db';
import { makeArticle } from '../helpers/factories';
import { params, seedDemoArticles } from '../helpers/catalogue';

const search = (db: Db, q: string, more: Record<string, string> = {}) => listArticles(params({ q, ...more }), { db });
const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug);

describe('full-text search', () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
  });

  it('finds a word that appears only in one demo article body, with a highlighted snippet, and by its prefix', async () => {
    seedDemoArticles(db);
    const full = await search(db, 'quillwort');
    expect(slugs(full)).toEqual(['lake-carrow-survey-finds-rare-aquatic-plant']);
    expect(full.total).toBe(1);
    const snippet = full.items[0]!.highlights!.snippet!;
    expect(segmentsToHtml(snippet)).toContain('<mark>quillwort</mark>');
    expect(slugs(await search(db, 'quillw'))).toEqual(['lake-carrow-survey-finds-rare-aquatic-plant']);
    expect(slugs(await search(db, 'QUILLWORT'))).toHaveLength(1);
  });

  it('ranks a title match above a standfirst match above a body match', async () => {
    const body = makeArticle(db, {
      slug: 'in-body',
      title: 'Budget day',
      standfirst: 'Money.',
      body: '<p>The lamplighter came at dusk, as usual.</p>',
    });
    const stand = makeArticle(db, {
      slug: 'in-standfirst',
      title: 'Night shift',
      standfirst: 'Meet the lamplighter of Quay Street.',
      body: '<p>Nothing else.</p>',
    });
    const title = makeArticle(db, {
      slug: 'in-title',
      title: 'The last lamplighter',
      standfirst: 'A profile.',
      body: '<p>He retires.</p>',
    });
    expect([body, stand, title].every((r) => r.created)).toBe(true);
    expect(slugs(await search(db, 'lamplighter'))).toEqual(['in-title', 'in-standfirst', 'in-body']);
    // Newest first on request, with the same matches.
    const newest = await search(db, 'lamplighter', { sort: 'newest' });
    expect(newest.total).toBe(3);
    expect(newest.sort).toBe('newest');
  });

  it('highlights each result with its own text', async () => {
    seedDemoArticles(db);
    const r = await search(db, 'harbour wall');
    expect(r.items.length).toBeGreaterThan(2);
    for (const item of r.items) {
      expect(item.highlights!.title.map((s) => s.text).join('')).toBe(item.title);
      expect(item.highlights!.standfirst.map((s) => s.text).join('')).toBe(item.standfirst);
    }
  });

  it('needs every word, ignores diacritics and highlights the title', async () => {
    makeArticle(db, { slug: 'cafe', title: 'Café reopens on the quay', body: '<p>Coffee again.</p>' });
    makeArticle(db, { slug: 'other', title: 'Café closes', body: '<p>No quay here.</p>' });
    expect(slugs(await search(db, 'cafe quay'))).toEqual(expect.arrayContaining(['cafe', 'other']));
    expect(slugs(await search(db, 'cafe reopens'))).toEqual(['cafe']);
    const hit = (await search(db, 'reopens')).items[0]!;
    expect(segmentsToHtml(hit.highlights!.title)).toBe('Café <mark>reopens</mark> on the quay');
  });

  it('answers hostile input calmly: no error, at worst nothing found', async () => {
    seedDemoArticles(db);
    const hostile = [
      '"',
      '""',
      "'",
      '"harbour',
      'harbour"',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'harbour AND',
      'NEAR(harbour ferry, 2)',
      'harbour NOT ferry',
      '*',
      '**',
      'harb*',
      '*harbour',
      '^harbour',
      'title:harbour',
      '{title body}: harbour',
      '-',
      '+',
      '(',
      ')',
      ':',
      '\\',
      ';--',
      "'; drop table articles; --",
      '🐙',
      '🚢 harbour ✨',
      '\u0000',
      '\uE000quillwort\uE001',
      'ǅ',
      '\u200b',
      '%',
      '_',
      'x'.repeat(1000),
      'harbour '.repeat(125),
      '"a" '.repeat(250),
    ];
    for (const q of hostile) {
      const r = await search(db, q);
      expect(Array.isArray(r.items), q).toBe(true);
    }
    expect((await search(db, '🐙')).total).toBe(0);
    expect((await search(db, '"harbour')).total).toBeGreaterThan(0);
    expect(db.get<{ n: number }>(sql`select count(*) as n from articles`)!.n).toBe(demoArticles.length);
  });

  it('keeps the index in step with inserts, updates and deletes', async () => {
    const { id } = makeArticle(db, {
      slug: 'sync',
      title: 'Original headline',
      body: '<p>About seagulls.</p>',
      canonicalUrl: 'https://harbourledger.example/sync',
    });
    expect(slugs(await search(db, 'seagulls'))).toEqual(['sync']);
    // Re-importing the same canonical URL with new text replaces the indexed text.
    makeArticle(db, {
      slug: 'sync',
      title: 'Changed headline',
      body: '<p>About cormorants.</p>',
      canonicalUrl: 'https://harbourledger.example/sync',
    });
    expect(slugs(await search(db, 'seagulls'))).toEqual([]);
    expect(slugs(await search(db, 'cormorants changed'))).toEqual(['sync']);
    // A direct SQL update (any writer) is caught by the triggers too.
    db.update(articles).set({ title: 'Puffins', bodyText: 'About puffins.' }).where(eq(articles.id, id)).run();
    expect(slugs(await search(db, 'cormorants'))).toEqual([]);
    expect(slugs(await search(db, 'puffins'))).toEqual(['sync']);
    db.delete(articles).where(eq(articles.id, id)).run();
    expect(slugs(await search(db, 'puffins'))).toEqual([]);
    expect(
      db.get<{ n: number }>(sql`select count(*) as n from articles_fts where articles_fts match 'puffins'`)!.n,
    ).toBe(0);
    // The FTS index agrees with its content table.
    db.run(sql`insert into articles_fts (articles_fts, rank) values ('integrity-check', 1)`);
  });

  it('hides hidden and embargoed articles from public search, not from staff', async () => {
    makeArticle(db, { slug: 'open', title: 'Kelp harvest open' });
    makeArticle(db, { slug: 'embargoed', title: 'Kelp harvest embargoed', embargoUntil: '2999-01-01T00:00:00Z' });
    const { id } = makeArticle(db, { slug: 'hidden', title: 'Kelp harvest hidden' });
    db.update(articles).set({ hidden: true }).where(eq(articles.id, id)).run();
    expect(slugs(await search(db, 'kelp'))).toEqual(['open']);
    const staff = await listArticles(params({ q: 'kelp' }), { db, scope: 'staff' });
    expect(staff.total).toBe(3);
  });

  it('combines search with filters', async () => {
    seedDemoArticles(db);
    const all = await search(db, 'harbour');
    const politics = await search(db, 'harbour', { section: 'Politics' });
    expect(politics.total).toBeGreaterThan(0);
    expect(politics.total).toBeLessThan(all.total);
    expect(politics.items.every((i) => i.section === 'Politics')).toBe(true);
    const licensable = await search(db, 'shipping', { licensable: '1' });
    expect(licensable.items.every((i) => i.licensable)).toBe(true);
  });

  it('ranks within a bounded window of the newest matches and says when there are more', async () => {
    seedBulk(db, SEARCH_WINDOW + 60, { seed: 7 });
    optimizeSearchIndex(db);
    const r = await search(db, 'the');
    expect(r.total).toBe(SEARCH_WINDOW);
    expect(r.totalCapped).toBe(true);
    expect(r.items).toHaveLength(20);
    const last = await search(db, 'the', { page: String(SEARCH_WINDOW / 20) });
    expect(last.items).toHaveLength(20);
    expect((await search(db, 'the', { page: String(SEARCH_WINDOW / 20 + 1) })).items).toEqual([]);
  });
});
