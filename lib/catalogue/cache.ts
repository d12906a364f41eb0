import 'server-only';
import type { Db } from '@/db/client';
import { connectionOf, preparedFor } from '@/db/prepared';

// Counts and search windows cost time proportional to the archive (a COUNT over 100,000 rows, a
// bm25 pass over every match of a common word). Their inputs change only when the database does,
// so they are memoised per connection and dropped as soon as anything is written:
// - `total_changes()` moves with every write made through this connection (app, actions);
// - `PRAGMA data_version` moves when another connection commits (importer, seed:bulk, CLI).
// A short lifetime also covers the one input that changes without a write: embargoes lifting.

// Asked on every memo lookup: one statement per connection.
const totalChanges = preparedFor((db) => connectionOf(db).prepare('select total_changes() as n'));

type Entry = { generation: string; expires: number; value: unknown };

const MAX_ENTRIES = 500;
const caches = new WeakMap<Db, Map<string, Entry>>();

function generation(db: Db): string {
  const changes = totalChanges(db).get() as { n: number };
  const version = db.$client.pragma('data_version', { simple: true }) as number;
  return `${version}:${changes.n}`;
}

export function memo<T>(db: Db, key: string, ttlMs: number, compute: () => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const gen = generation(db);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.generation === gen && hit.expires > now) {
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  cache.set(key, { generation: gen, expires: now + ttlMs, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
