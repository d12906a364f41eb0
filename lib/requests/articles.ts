import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles, requestArticles } from '@/db/schema';
import { isLicensable, notLicensableReason } from '@/lib/catalogue/rules';
import type { QuoteArticle } from '@/lib/quote';
import { MAX_ARTICLES } from '@/lib/validation/request';

const pick = (a: typeof articles.$inferSelect): QuoteArticle => ({
  slug: a.slug,
  title: a.title,
  premiumMilli: a.premiumMilli,
  rightsStatus: a.rightsStatus,
});

/**
 * Articles a publisher may add to a request, matching `q` in the title or slug (newest first).
 * The request form's "add article" search uses it.
 */
export function searchLicensableArticles(
  q: string,
  opts: { limit?: number; exclude?: string[] } = {},
  db: Db = getDb(),
): QuoteArticle[] {
  const term = q.trim().toLowerCase().slice(0, 100);
  if (!term) return [];
  const limit = Math.min(opts.limit ?? 10, 25);
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const now = new Date().toISOString();
  const rows = db
    .select()
    .from(articles)
    .where(
      and(
        sql`(lower(${articles.title}) like ${pattern} escape '\\' or ${articles.slug} like ${pattern} escape '\\')`,
        eq(articles.hidden, false),
        or(isNull(articles.embargoUntil), lte(articles.embargoUntil, now)),
        ne(articles.rightsStatus, 'syndicated_in'),
        ne(articles.state, 'withdrawn'),
        opts.exclude?.length ? notInArray(articles.slug, opts.exclude.slice(0, 100)) : undefined,
      ),
    )
    .orderBy(desc(articles.publishedAt))
    .limit(limit)
    .all();
  // The SQL mirrors the catalogue rules; the rules themselves have the last word.
  return rows.filter((a) => isLicensable(a)).map(pick);
}

/**
 * The articles a request form opens with (from ?article=…), in order and without repeats,
 * and a sentence for each slug that cannot be used. Never throws: the page explains instead.
 */
export function articlesForForm(slugs: string[], db: Db = getDb()): { articles: QuoteArticle[]; problems: string[] } {
  const wanted = [...new Set(slugs.map((s) => s.trim()).filter(Boolean))];
  const rows = wanted.length
    ? db
        .select()
        .from(articles)
        .where(inArray(articles.slug, wanted.slice(0, 100)))
        .all()
    : [];
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const found: QuoteArticle[] = [];
  const problems: string[] = [];
  for (const slug of wanted) {
    const a = bySlug.get(slug);
    const reason = a ? notLicensableReason(a) : 'not found';
    // Hidden and embargoed articles are reported like missing ones: their titles stay private.
    if (!a || reason === 'This article is not available.' || reason === 'not found')
      problems.push(`“${slug.slice(0, 80)}” is not an article we can license.`);
    else if (reason) problems.push(`“${a.title}”: ${reason}`);
    else if (found.length >= MAX_ARTICLES)
      problems.push(`“${a.title}” was left out: at most ${MAX_ARTICLES} articles per request.`);
    else found.push(pick(a));
  }
  return { articles: found, problems };
}

/** The articles of each listed request (slug and title, in the request's order), for list pages. */
export function articlesOfRequests(ids: number[], db: Db = getDb()): Map<number, { slug: string; title: string }[]> {
  const byRequest = new Map<number, { slug: string; title: string }[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byRequest;
  const rows = db
    .select({ requestId: requestArticles.requestId, slug: articles.slug, title: articles.title })
    .from(requestArticles)
    .innerJoin(articles, eq(articles.id, requestArticles.articleId))
    .where(inArray(requestArticles.requestId, ids))
    .orderBy(asc(requestArticles.requestId), asc(requestArticles.position))
    .all();
  for (const { requestId, slug, title } of rows) byRequest.get(requestId)!.push({ slug, title });
  return byRequest;
}
