import 'server-only';
import type Database from 'better-sqlite3';
import { sql, type Placeholder } from 'drizzle-orm';
import type { Conn } from './client';

/**
 * The one statement cache: a drizzle prepared query (or a plain better-sqlite3 statement) for a
 * fixed-shape statement, built once per SQLite connection. Building a query (drizzle's entity
 * checks and SQL assembly, then SQLite's prepare) cost more than running it on the submission
 * path; values go in through `sql.placeholder(name)`, which still maps them with the column's
 * encoder (JSON, booleans). Keyed by the better-sqlite3 connection, which a transaction handle
 * shares with its database: code inside `db.transaction((tx) => …)` passes `tx` and gets the
 * same statements, which run inside the open transaction.
 */
export function preparedFor<T>(build: (db: Conn) => T): (db: Conn) => T {
  const perConnection = new WeakMap<Database.Database, T>();
  return (db) => {
    const client = connectionOf(db);
    let query = perConnection.get(client);
    if (query === undefined) {
      query = build(db);
      perConnection.set(client, query);
    }
    return query;
  };
}

const rawStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A plain better-sqlite3 statement for fixed SQL text, prepared once per connection: for hot paths
 * written in raw SQL (the usage pixel), where compiling the text on every call cost more than running it.
 */
export function statement(client: Database.Database, text: string): Database.Statement {
  let cache = rawStatements.get(client);
  if (!cache) rawStatements.set(client, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = client.prepare(text)));
  return stmt;
}

/**
 * The better-sqlite3 connection behind a database or a transaction handle. drizzle exposes it as
 * `$client` on the database only; a transaction reaches it through its session (same object).
 */
export function connectionOf(db: Conn): Database.Database {
  if ('$client' in db) return db.$client;
  const client = (db as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client)
    throw new Error('preparedFor: no better-sqlite3 connection behind this handle (drizzle internals changed?)');
  return client;
}

/** `{ name: sql.placeholder(name) }` for each name: the values of a prepared insert. */
export function placeholders<const K extends string>(names: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<K, Placeholder<K>>;
}
