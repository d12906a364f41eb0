import 'server-only';
import { and, count, desc, eq, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { articles, requestArticles } from '@/db/schema';
import { isLicensable, licensingColumns, notLicensableReason } from '@/lib/catalogue/rules';
import { invalid } from '@/lib/errors';
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

/** How many of each request's articles list pages name (a catalogue request may hold thousands). */
export const LISTED_ARTICLES = 20;

/**
 * The first LISTED_ARTICLES articles of each listed request (slug and title, in the request's
 * order) and how many it holds in all, for list pages.
 */
export function articlesOfRequests(ids: number[], db: Db = getDb()): Map<number, { slug: string; title: string }[]> {
  const byRequest = new Map<number, { slug: string; title: string }[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byRequest;
  const rows = db.all<{ requestId: number; slug: string; title: string }>(sql`
    select ra.request_id as requestId, a.slug as slug, a.title as title
    from (
      select request_id, article_id, position,
             row_number() over (partition by request_id order by position) as n
      from request_articles where request_id in ${ids}
    ) ra join articles a on a.id = ra.article_id
    where ra.n <= ${LISTED_ARTICLES}
    order by ra.request_id, ra.position`);
  for (const { requestId, slug, title } of rows) byRequest.get(requestId)!.push({ slug, title });
  return byRequest;
}

/** How many articles each request holds. */
export function articleCountsOfRequests(ids: number[], db: Db = getDb()): Map<number, number> {
  const counts = new Map<number, number>(ids.map((id) => [id, 0]));
  if (!ids.length) return counts;
  const rows = db
    .select({ requestId: requestArticles.requestId, n: count() })
    .from(requestArticles)
    .where(inArray(requestArticles.requestId, ids))
    .groupBy(requestArticles.requestId)
    .all();
  for (const r of rows) counts.set(r.requestId, r.n);
  return counts;
}

// One statement for any number of slugs (the list travels as a JSON array), no bodies.
export const articlesBySlugQuery = preparedFor((db) =>
  db
    .select(licensingColumns)
    .from(articles)
    .where(inArray(articles.slug, sql`(select value from json_each(${sql.placeholder('slugs')}))`))
    .prepare(),
);

/** Articles for a quote or a request, in the order asked, with a field error naming any that cannot be licensed. */
export function licensableArticles(slugs: string[], db: Db = getDb()) {
  const rows = slugs.length ? articlesBySlugQuery(db).all({ slugs: JSON.stringify(slugs) }) : [];
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const problems: string[] = [];
  for (const slug of slugs) {
    const a = bySlug.get(slug);
    const reason = a ? notLicensableReason(a) : 'This article is not available.';
    if (!a || reason)
      problems.push(
        a && reason !== 'This article is not available.'
          ? `“${a.title}”: ${reason}`
          : `“${slug}” is not an article we can license.`,
      );
  }
  if (problems.length) throw invalid({ articles: problems.join(' ') }, problems.join(' '));
  return slugs.map((s) => bySlug.get(s)!);
}
