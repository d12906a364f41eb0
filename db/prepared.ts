import 'server-only';
import { sql, type Placeholder } from 'drizzle-orm';
import type { Db } from './client';

/**
 * A drizzle prepared query for a fixed-shape statement, built once per connection. Building a
 * query (drizzle's entity checks and SQL assembly) cost more than running it on the submission
 * path; values go in through `sql.placeholder(name)`, which still maps them with the column's
 * encoder (JSON, booleans). better-sqlite3 runs a transaction on its connection, so a query
 * prepared on `db` takes part in a `db.transaction` that is open when it runs.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const perConnection = new WeakMap<Db, T>();
  return (db) => {
    let query = perConnection.get(db);
    if (query === undefined) {
      query = build(db);
      perConnection.set(db, query);
    }
    return query;
  };
}

/** `{ name: sql.placeholder(name) }` for each name: the values of a prepared insert. */
export function placeholders<const K extends string>(names: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<K, Placeholder<K>>;
}
