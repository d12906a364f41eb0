import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { articleAuthors, articles, articleTags, assets, type Article, type Asset } from '@/db/schema';
import { PAGE_SIZE, type ArticleQuery } from '@/lib/validation/catalogue';
import { memo } from './cache';
import { previewBlocks, type PreviewBlock } from './preview';
import { filterKey, filterSql, type Scope } from './filters';
import { isLicensable, licensableSql, licensingColumns, notLicensableReason, publicVisibilitySql } from './rules';
import { highlightsFor, planSearch, rankHits, searchWindow, type Highlights } from './search';

export type ArticleCard = Pick<
  Article,
  | 'id'
  | 'slug'
  | 'title'
  | 'standfirst'
  | 'section'
  | 'byline'
  | 'publishedAt'
  | 'wordCount'
  | 'rightsStatus'
  | 'state'
  | 'hidden'
  | 'embargoUntil'
  | 'premiumMilli'
> & { authors: string[]; licensable: boolean; highlights?: Highlights };

export type ArticleList = {
  items: ArticleCard[];
  page: number;
  pageSize: number;
  total: number;
  /** True when a search matched more than the ranked window (see search.ts); `total` is then a floor. */
  totalCapped: boolean;
  sort: 'newest' | 'relevance';
  /** Whether `q` held something to search for. */
  searched: boolean;
};

const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  standfirst: articles.standfirst,
  section: articles.section,
  byline: articles.byline,
  publishedAt: articles.publishedAt,
  wordCount: articles.wordCount,
  rightsStatus: articles.rightsStatus,
  state: articles.state,
  hidden: articles.hidden,
  embargoUntil: articles.embargoUntil,
  premiumMilli: articles.premiumMilli,
};

const COUNT_CACHE_MS = 60_000;

/** The catalogue: one function behind /articles, GET /api/articles and /admin/articles. */
export function listArticles(
  query: ArticleQuery,
  opts: { scope?: Scope; pageSize?: number; db?: Db } = {},
): ArticleList {
  const db = opts.db ?? getDb();
  const scope = opts.scope ?? 'public';
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const offset = (query.page - 1) * pageSize;
  const where = filterSql(query, scope);
  const key = filterKey(query, scope);

  if (query.q) {
    const plan = planSearch(db, query.q);
    const sort = query.sort ?? 'relevance';
    const base = { page: query.page, pageSize, sort, searched: true } as const;
    // Text with nothing searchable in it (only symbols or emoji) finds nothing, calmly.
    if (!plan) return { ...base, items: [], total: 0, totalCapped: false, searched: false };
    const window = searchWindow(db, plan.match, where, key);
    const pageHits = rankHits(window.hits, sort).slice(offset, offset + pageSize);
    const ids = pageHits.map((h) => h.id);
    const highlights = highlightsFor(db, plan, ids);
    const items = cardsFor(db, ids).map((c) => ({ ...c, highlights: highlights.get(c.id) }));
    return { ...base, items, total: window.hits.length, totalCapped: window.capped };
  }

  // Newest first over the published_at index; the count comes from a covering index, memoised.
  const rows = db.all<{ id: number }>(sql`
    select ${articles.id} as id from ${articles} where ${where}
    order by ${articles.publishedAt} desc, ${articles.id} desc limit ${pageSize} offset ${offset}`);
  const total = memo(db, `count:${key}`, COUNT_CACHE_MS, () => {
    return db.get<{ n: number }>(sql`select count(*) as n from ${articles} where ${where}`)?.n ?? 0;
  });
  return {
    items: cardsFor(
      db,
      rows.map((r) => r.id),
    ),
    page: query.page,
    pageSize,
    total,
    totalCapped: false,
    sort: 'newest',
    searched: false,
  };
}

/** Cards for ids, in the order given. */
function cardsFor(db: Db, ids: number[]): ArticleCard[] {
  if (!ids.length) return [];
  const list = { ids: JSON.stringify(ids) };
  const rows = cardsByIds(db).all(list);
  const authors = authorsByIds(db).all(list);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const now = new Date();
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const names = authors.filter((a) => a.articleId === id).map((a) => a.author);
    return [{ ...r, authors: names.length ? names : r.byline ? [r.byline] : [], licensable: isLicensable(r, now) }];
  });
}

// One statement each for any page of ids (the list travels as a JSON array), prepared once per
// connection (db/prepared.ts): every list and search page runs both.
const idsIn = sql`(select value from json_each(${sql.placeholder('ids')}))`;
const cardsByIds = preparedFor((db) =>
  db.select(cardColumns).from(articles).where(inArray(articles.id, idsIn)).prepare(),
);
const authorsByIds = preparedFor((db) =>
  db
    .select({ articleId: articleAuthors.articleId, author: articleAuthors.author })
    .from(articleAuthors)
    .where(inArray(articleAuthors.articleId, idsIn))
    .prepare(),
);

/** The newest licensable articles, for the home page. */
export function recentLicensable(limit = 6, db: Db = getDb()): ArticleCard[] {
  const rows = db.all<{ id: number }>(sql`
    select ${articles.id} as id from ${articles} where ${licensableSql()}
    order by ${articles.publishedAt} desc, ${articles.id} desc limit ${limit}`);
  return cardsFor(
    db,
    rows.map((r) => r.id),
  );
}

/** Section names for the filter, via a skip-scan of the section index (cheap at any size). */
export function listSections(db: Db = getDb()): string[] {
  const rows = db.all<{ s: string }>(sql`
    with recursive s(x) as (
      select min(section) from articles
      union all
      select (select min(section) from articles where section > x) from s where x is not null
    ) select x as s from s where x is not null`);
  return rows.map((r) => r.s);
}

export type ArticleDetail = Omit<Article, 'body' | 'bodyText'> & {
  authors: string[];
  tags: string[];
  assets: Asset[];
  /** The first blocks as plain text, with their structure; the full body only goes out in licensed copies. */
  preview: readonly PreviewBlock[];
  licensable: boolean;
  notLicensableReason: string | null;
};

/** Everything the article page shows, whatever its visibility: the caller applies the rule. */
export function getArticleDetail(slug: string, db: Db = getDb()): ArticleDetail | null {
  const row = db.select().from(articles).where(eq(articles.slug, slug)).get();
  if (!row) return null;
  const { body, bodyText: _bodyText, ...rest } = row;
  void _bodyText;
  const authors = db
    .select({ a: articleAuthors.author })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, row.id))
    .all();
  const tags = db
    .select({ t: articleTags.tag })
    .from(articleTags)
    .where(eq(articleTags.articleId, row.id))
    .orderBy(asc(articleTags.tag))
    .all();
  const assetRows = db
    .select()
    .from(assets)
    .where(eq(assets.articleId, row.id))
    .orderBy(asc(assets.position), asc(assets.id))
    .all();
  return {
    ...rest,
    authors: authors.length ? authors.map((a) => a.a) : row.byline ? [row.byline] : [],
    tags: tags.map((t) => t.t),
    assets: assetRows,
    preview: previewBlocks(body),
    licensable: isLicensable(row),
    notLicensableReason: notLicensableReason(row),
  };
}

export type LicensingArticle = Pick<
  Article,
  | 'id'
  | 'slug'
  | 'title'
  | 'premiumMilli'
  | 'rightsStatus'
  | 'state'
  | 'hidden'
  | 'embargoUntil'
  | 'canonicalUrl'
  | 'byline'
>;

/** Publicly visible articles for the given slugs (for the request form), in the order asked. */
export function getArticlesBySlugs(slugs: string[], db: Db = getDb()): LicensingArticle[] {
  const wanted = [...new Set(slugs)].slice(0, 200);
  if (!wanted.length) return [];
  const rows = db
    .select({ ...licensingColumns, canonicalUrl: articles.canonicalUrl, byline: articles.byline })
    .from(articles)
    .where(and(inArray(articles.slug, wanted), publicVisibilitySql()))
    .orderBy(desc(articles.publishedAt))
    .all();
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return wanted.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : []));
}
