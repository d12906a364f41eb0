import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles } from '@/db/schema';
import { catalogueSelectionSchema, countSelection, selectionArticleIds } from '@/lib/catalogue-licences/selection';
import { DEFAULT_SETTINGS, type AiSettings } from '@/lib/settings';
import { freshDb } from '../helpers/db';
import { makeArticle } from '../helpers/factories';

const ai = DEFAULT_SETTINGS.ai;
const all = catalogueSelectionSchema.parse({});

describe('catalogue selections', () => {
  it('match every filter and leave out what is never in one', () => {
    const db = freshDb();
    const a = makeArticle(db, { section: 'News', tags: ['harbour'], publishedAt: '2025-06-01T10:00:00.000Z' });
    const b = makeArticle(db, { section: 'News', tags: ['council'], publishedAt: '2026-02-01T10:00:00.000Z' });
    const c = makeArticle(db, { section: 'Sport', tags: ['harbour'], publishedAt: '2026-03-01T10:00:00.000Z' });
    makeArticle(db, { section: 'News', rightsStatus: 'contributor' });
    makeArticle(db, { section: 'News', rightsStatus: 'syndicated_in' });
    const optedOut = makeArticle(db, { section: 'News' });
    const withdrawn = makeArticle(db, { section: 'News' });
    const hidden = makeArticle(db, { section: 'News' });
    db.update(articles).set({ catalogueOptOut: true }).where(eq(articles.id, optedOut.id)).run();
    db.update(articles).set({ state: 'withdrawn' }).where(eq(articles.id, withdrawn.id)).run();
    db.update(articles).set({ hidden: true }).where(eq(articles.id, hidden.id)).run();

    expect(selectionArticleIds(db, all, 'web', ai)).toEqual([a.id, b.id, c.id]);
    const news = catalogueSelectionSchema.parse({ sections: ['News'] });
    expect(selectionArticleIds(db, news, 'web', ai)).toEqual([a.id, b.id]);
    const harbour = catalogueSelectionSchema.parse({ tags: ['harbour', 'nothing'] });
    expect(selectionArticleIds(db, harbour, 'ai-train', ai)).toEqual([a.id, c.id]);
    const dated = catalogueSelectionSchema.parse({ from: '2026-02-01', to: '2026-02-01' });
    expect(selectionArticleIds(db, dated, 'web', ai)).toEqual([b.id]);
    expect(countSelection(db, all, 'web', ai, { publishedAfter: '2026-01-01T00:00:00.000Z' })).toBe(2);
  });

  it('draw AI uses only from sections licensed to AI', () => {
    const db = freshDb();
    const news = makeArticle(db, { section: 'News' });
    const sport = makeArticle(db, { section: 'Sport' });
    const reserveSport: AiSettings = { ...ai, sections: { Sport: 'reserve' } };
    expect(selectionArticleIds(db, all, 'ai-input', reserveSport)).toEqual([news.id]);
    // Other uses are not about machines: the AI policy does not narrow them.
    expect(selectionArticleIds(db, all, 'web', reserveSport)).toEqual([news.id, sport.id]);
    const onlyListed: AiSettings = { ...ai, defaultPolicy: 'reserve', sections: { Sport: 'license' } };
    expect(selectionArticleIds(db, all, 'ai-index', onlyListed)).toEqual([sport.id]);
    expect(countSelection(db, all, 'ai-index', { ...ai, defaultPolicy: 'allow' })).toBe(0);
  });

  it('refuse a range that ends before it starts and unknown fields', () => {
    expect(catalogueSelectionSchema.safeParse({ from: '2026-02-02', to: '2026-02-01' }).success).toBe(false);
    expect(catalogueSelectionSchema.safeParse({ everything: true }).success).toBe(false);
  });
});
