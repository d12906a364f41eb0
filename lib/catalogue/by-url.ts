import { getDb, type Db } from '@/db/client';
import { articles } from '@/db/schema';
import { memo } from './cache';
import { canonicalKey } from './canonical-url';

/**
 * Every article's canonical key → its id and slug, built with one narrow read (no bodies) and
 * memoised per connection until anything is written (lib/catalogue/cache.ts), so an article the
 * feed sync imported a moment ago is found on the next look-up, and a flood of unknown addresses
 * costs a map lookup each, never a scan.
 */
function keyIndex(db: Db): Map<string, { id: number; slug: string }> {
  return memo(db, 'canonical-key-index', 10 * 60_000, () => {
    const map = new Map<string, { id: number; slug: string }>();
    for (const r of db.select({ id: articles.id, slug: articles.slug, url: articles.canonicalUrl }).from(articles).all()) {
      const key = canonicalKey(r.url);
      // Two stored URLs with one key (e.g. http and https copies): the first imported wins.
      if (key && !map.has(key)) map.set(key, { id: r.id, slug: r.slug });
    }
    return map;
  });
}

/** The article whose canonical URL has this key, whatever its visibility (the caller applies the rules). */
export function articleByCanonicalKey(key: string, db: Db = getDb()): { id: number; slug: string } | null {
  return keyIndex(db).get(key) ?? null;
}
