import { sql, type SQL } from 'drizzle-orm';
import { articles } from '@/db/schema';
import type { ArticleQuery } from '@/lib/validation/catalogue';
import { licensableSql, publicVisibilitySql } from './rules';

export type Scope = 'public' | 'staff';

/** The WHERE conditions for a query's filters; the public see only what the visibility rule allows. */
export function filterSql(query: ArticleQuery, scope: Scope, now = new Date()): SQL {
  const conds: SQL[] = [];
  if (scope === 'public') conds.push(publicVisibilitySql(now));
  if (query.licensable) conds.push(licensableSql(now));
  if (query.section) conds.push(sql`${articles.section} = ${query.section}`);
  if (query.tag)
    conds.push(sql`exists (select 1 from article_tags t where t.article_id = ${articles.id} and t.tag = ${query.tag})`);
  if (query.author) {
    conds.push(
      sql`exists (select 1 from article_authors w where w.article_id = ${articles.id} and w.author = ${query.author} collate nocase)`,
    );
  }
  // Days are whole UTC days: `to` includes everything published on that day.
  if (query.from) conds.push(sql`${articles.publishedAt} >= ${`${query.from}T00:00:00.000Z`}`);
  if (query.to) conds.push(sql`${articles.publishedAt} < ${nextDay(query.to)}`);
  return conds.length ? sql.join(conds, sql` and `) : sql`1 = 1`;
}

/** A cache key for the same filters (the visibility rule's clock is covered by the cache lifetime). */
export function filterKey(query: ArticleQuery, scope: Scope): string {
  return JSON.stringify([
    scope,
    query.licensable,
    query.section,
    query.tag,
    query.author?.toLowerCase(),
    query.from,
    query.to,
  ]);
}

/** The start of the UTC day after `day` (YYYY-MM-DD): a "to" date includes its whole day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
