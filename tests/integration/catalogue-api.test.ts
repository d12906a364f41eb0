import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/articles/route';
import { listArticles } from '@/lib/catalogue/queries';
import { freshDb } from '../helpers/db';
import { params, seedDemoArticles } from '../helpers/catalogue';

const get = async (query: string) => {
  const res = await GET(new Request(`http://desk.test/api/articles${query}`));
  return { status: res.status, body: await res.json() };
};

describe('GET /api/articles', () => {
  beforeAll(() => seedDemoArticles(freshDb()));

  it('returns the page of results the catalogue page shows', async () => {
    const { status, body } = await get('?section=Environment&page=1');
    expect(status).toBe(200);
    const page = await listArticles(params({ section: 'Environment' }));
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: page.total, totalCapped: false, sort: 'newest' });
    expect(body.items.map((i: { slug: string }) => i.slug)).toEqual(page.items.map((i) => i.slug));
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'authors',
      'byline',
      'licensable',
      'publishedAt',
      'rightsStatus',
      'section',
      'slug',
      'standfirst',
      'title',
      'url',
      'wordCount',
    ]);
  });

  it('searches with escaped highlights', async () => {
    const { body } = await get('?q=quillw');
    expect(body.total).toBe(1);
    expect(body.items[0].highlights.snippet).toContain('<mark>quillwort</mark>');
  });

  it('answers hostile searches with 200', async () => {
    for (const q of ['"', 'NEAR(', '*', '🐙', 'a AND OR NOT', 'x'.repeat(1500), '%00', "'; --"]) {
      expect((await get(`?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
  });

  it('refuses bad parameters with 400 and a reason per field', async () => {
    const { status, body } = await get('?page=0&from=yesterday&licensable=maybe&sort=random');
    expect(status).toBe(400);
    expect(Object.keys(body.errors).sort()).toEqual(['from', 'licensable', 'page', 'sort']);
    expect(body.errors.page).toBe('Pages start at 1.');
    expect((await get('?from=2026-03-10&to=2026-03-01')).body.errors.to).toMatch(/before the start/);
  });
});
