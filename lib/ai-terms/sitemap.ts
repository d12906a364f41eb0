import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { create } from 'xmlbuilder2';
import { getDb, type Db } from '@/db/client';
import { articles } from '@/db/schema';
import { publicVisibilitySql } from '@/lib/catalogue/rules';
import { siteUrl } from '@/lib/site';

/** The sitemaps protocol's limit for one file (sitemaps.org): the newest articles fit in it. */
const MAX_URLS = 50_000 - 1;

/** sitemap.xml (sitemaps.org 0.9): the catalogue and the newest publicly visible article pages. */
export function sitemapXml(db: Db = getDb()): string {
  const site = siteUrl();
  const rows = db
    .select({ slug: articles.slug, updatedAt: articles.updatedAt })
    .from(articles)
    .where(sql`${publicVisibilitySql()} and ${articles.state} <> 'withdrawn'`)
    .orderBy(desc(articles.publishedAt))
    .limit(MAX_URLS)
    .all();
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const urlset = doc.ele('http://www.sitemaps.org/schemas/sitemap/0.9', 'urlset');
  urlset.ele('url').ele('loc').txt(`${site}/articles`);
  for (const r of rows) {
    const u = urlset.ele('url');
    u.ele('loc').txt(`${site}/articles/${encodeURIComponent(r.slug)}`);
    u.ele('lastmod').txt(r.updatedAt.slice(0, 10));
  }
  return doc.end({ prettyPrint: true });
}
