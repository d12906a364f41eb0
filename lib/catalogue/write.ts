import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articleAuthors, articles, articleTags, assets, type RightsStatus } from '@/db/schema';
import { creditNamesAgency } from './agencies';
import { countWords, htmlToText, sanitizeBody } from './sanitize';

export type ArticleInput = {
  slug: string;
  title: string;
  standfirst: string;
  body: string;
  authors: string[];
  section: string;
  tags: string[];
  language?: string;
  publishedAt: string;
  updatedAt?: string;
  canonicalUrl: string;
  premiumMilli?: number;
  rightsStatus?: RightsStatus;
  embargoUntil?: string | null;
  assets: { url: string; caption: string; credit: string; rightsHolder: string }[];
};

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/**
 * Inserts or updates one article (keyed by canonical URL) with its authors, tags and assets.
 * Sanitizes the body, counts words and applies the agency rule to assets. Call inside a
 * transaction. Returns whether the article was new.
 */
export function upsertArticle(tx: Tx, input: ArticleInput, agencies: string[]): { id: number; created: boolean } {
  const body = sanitizeBody(input.body);
  const bodyText = htmlToText(body);
  const values = {
    slug: input.slug,
    title: input.title,
    standfirst: input.standfirst,
    body,
    bodyText,
    byline: input.authors.join(' and '),
    section: input.section,
    language: input.language ?? 'en',
    publishedAt: isoDate(input.publishedAt),
    updatedAt: isoDate(input.updatedAt ?? input.publishedAt),
    canonicalUrl: input.canonicalUrl,
    wordCount: countWords(body),
    premiumMilli: input.premiumMilli ?? 1000,
    rightsStatus: input.rightsStatus ?? 'owned',
    embargoUntil: input.embargoUntil ? isoDate(input.embargoUntil) : null,
  };
  const existing = tx
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.canonicalUrl, input.canonicalUrl))
    .get();
  let id: number;
  // Staff decisions on an asset (by URL) survive a re-import of its article.
  let overrides = new Map<string, boolean>();
  if (existing) {
    id = existing.id;
    // An update keeps the staff's own decisions (slug, rights, premium) and replaces the content.
    tx.update(articles)
      .set({
        title: values.title,
        standfirst: values.standfirst,
        body,
        bodyText,
        byline: values.byline,
        section: values.section,
        updatedAt: values.updatedAt,
        wordCount: values.wordCount,
      })
      .where(eq(articles.id, id))
      .run();
    tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id)).run();
    tx.delete(articleTags).where(eq(articleTags.articleId, id)).run();
    const kept = tx
      .select({ url: assets.url, licensable: assets.licensable })
      .from(assets)
      .where(and(eq(assets.articleId, id), eq(assets.licensableOverridden, true)))
      .all();
    overrides = new Map(kept.map((a) => [a.url, a.licensable]));
    tx.delete(assets).where(eq(assets.articleId, id)).run();
  } else {
    id = tx.insert(articles).values(values).returning({ id: articles.id }).get().id;
  }
  const authors = [...new Set(input.authors.map((a) => a.trim()).filter(Boolean))];
  const tags = [...new Set(input.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (authors.length)
    tx.insert(articleAuthors)
      .values(authors.map((author) => ({ articleId: id, author })))
      .run();
  if (tags.length)
    tx.insert(articleTags)
      .values(tags.map((tag) => ({ articleId: id, tag })))
      .run();
  if (input.assets.length) {
    tx.insert(assets)
      .values(
        input.assets.map((a, position) => ({
          articleId: id,
          url: a.url,
          caption: a.caption,
          credit: a.credit,
          rightsHolder: a.rightsHolder,
          licensable: overrides.get(a.url) ?? !creditNamesAgency(a.credit, agencies),
          licensableOverridden: overrides.has(a.url),
          position,
        })),
      )
      .run();
  }
  return { id, created: !existing };
}

/** Dates are stored as full ISO strings (UTC, milliseconds) so they compare correctly as text. */
function isoDate(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${value}`);
  return d.toISOString();
}
