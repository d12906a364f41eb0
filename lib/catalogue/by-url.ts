import 'server-only';
import { gt, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles } from '@/db/schema';
import { canonicalKey } from './canonical-url';

/**
 * Every article's canonical key → its id, kept per connection. Articles only arrive
 * (the importer and feed sync key them by canonical URL and never change it), so the index
 * follows them by reading the rows above the highest id it has seen: an article imported a
 * moment ago is found on the next look-up, and a flood of unknown addresses costs a map lookup
 * and one primary-key read each, never a scan. Rebuilt in full every few minutes for the rare
 * deletion. Visibility is not cached: the caller reads it per look-up.
 */
type Index = { map: Map<string, number>; maxId: number; builtAt: number };

const REBUILD_MS = 10 * 60_000;
const indexes = new WeakMap<Db, Index>();

function add(index: Index, rows: { id: number; url: string }[]) {
  for (const r of rows) {
    const key = canonicalKey(r.url);
    // Two stored URLs with one key (e.g. http and https copies): the first imported wins.
    if (key && !index.map.has(key)) index.map.set(key, r.id);
    index.maxId = Math.max(index.maxId, r.id);
  }
}

function keyIndex(db: Db): Index {
  const now = Date.now();
  let index = indexes.get(db);
  if (!index || now - index.builtAt > REBUILD_MS) {
    index = { map: new Map(), maxId: 0, builtAt: now };
    indexes.set(db, index);
  }
  const top = db.get<{ m: number | null }>(sql`select max(${articles.id}) as m from ${articles}`).m ?? 0;
  if (top < index.maxId) {
    // Rows were deleted at the top: start again.
    index = { map: new Map(), maxId: 0, builtAt: now };
    indexes.set(db, index);
  }
  if (top > index.maxId) {
    add(
      index,
      db
        .select({ id: articles.id, url: articles.canonicalUrl })
        .from(articles)
        .where(gt(articles.id, index.maxId))
        .all(),
    );
  }
  return index;
}

/**
 * The id of the article whose canonical URL has this key, whatever its visibility. The caller
 * reads the row (slug, visibility, rights) by id: staff may change those at any time.
 */
export function articleIdByCanonicalKey(key: string, db: Db = getDb()): number | null {
  return keyIndex(db).map.get(key) ?? null;
}
