import { sql, type SQL } from 'drizzle-orm';
import { articles, type Article } from '@/db/schema';

// The catalogue's two rules, each written once for objects (pages, forms, the request engine)
// and once as SQL (listing, search, counts). tests/unit/catalogue-rules.test.ts keeps them equal.

type Visibility = Pick<Article, 'hidden' | 'embargoUntil'>;

/** What pricing and these rules read of an article: enough to quote or request it, no bodies. */
export const licensingColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  premiumMilli: articles.premiumMilli,
  rightsStatus: articles.rightsStatus,
  state: articles.state,
  hidden: articles.hidden,
  embargoUntil: articles.embargoUntil,
};
type Rights = Visibility & Pick<Article, 'rightsStatus' | 'state'>;

/** Public catalogue rule: not hidden and out of embargo. Staff see everything. */
export function isPubliclyVisible(a: Visibility, now = new Date()): boolean {
  return !a.hidden && (!a.embargoUntil || new Date(a.embargoUntil) <= now);
}

/** Why an article cannot be licensed, or null when it can. */
export function notLicensableReason(a: Rights, now = new Date()): string | null {
  if (!isPubliclyVisible(a, now)) return 'This article is not available.';
  if (a.rightsStatus === 'syndicated_in')
    return 'This article was syndicated to us by another publisher, so we cannot license it.';
  if (a.state === 'withdrawn') return 'This article has been withdrawn and can no longer be licensed.';
  return null;
}

export function isLicensable(a: Rights, now = new Date()): boolean {
  return notLicensableReason(a, now) === null;
}

/** isPubliclyVisible as a WHERE condition on `articles` (dates are stored as ISO strings). */
export function publicVisibilitySql(now = new Date()): SQL {
  return sql`(${articles.hidden} = 0 and (${articles.embargoUntil} is null or ${articles.embargoUntil} <= ${now.toISOString()}))`;
}

/** isLicensable as a WHERE condition on `articles`. */
export function licensableSql(now = new Date()): SQL {
  return sql`(${publicVisibilitySql(now)} and ${articles.rightsStatus} <> 'syndicated_in' and ${articles.state} <> 'withdrawn')`;
}
