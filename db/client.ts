import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction((tx) => …)`: same connection, same statements (db/prepared.ts). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either handle: code that may run inside or outside a transaction takes this. */
export type Conn = Db | Tx;

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || path.join(process.cwd(), 'data'));
}

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/**
 * Runs the pending migrations the way SQLite says a table is rebuilt: with foreign keys off. The
 * migrator wraps every migration in one transaction, where the `PRAGMA foreign_keys=OFF` drizzle-kit
 * writes is ignored — and a rebuilt parent's DROP TABLE would then delete its children's rows through
 * ON DELETE CASCADE. Off here (outside the transaction) it cannot; the check afterwards refuses a
 * migration that left a dangling reference.
 */
export function migrateSafely(
  sqlite: Database.Database,
  db: Parameters<typeof migrate>[0],
  folder = migrationsFolder,
): void {
  const applied = () =>
    sqlite.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").pluck().get()
      ? (sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number)
      : 0;
  const before = applied();
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder: folder });
  // The check reads every reference: only after a run that changed something.
  if (applied() === before) return;
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length)
    throw new Error(`A migration left ${broken.length} broken foreign key(s): ${JSON.stringify(broken[0])}`);
}

/** Opens (and migrates) a database file, or ':memory:'. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // Writers queue for up to 5 s instead of failing at once with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  migrateSafely(sqlite, db);
  sqlite.pragma('foreign_keys = ON');
  return db;
}

// One connection per process; kept on globalThis so dev-mode module reloads reuse it.
const holder = globalThis as unknown as { __deskDb?: Db };

export function getDb(): Db {
  if (!holder.__deskDb) holder.__deskDb = openDatabase(path.join(/*turbopackIgnore: true*/ dataDir(), 'desk.db'));
  return holder.__deskDb;
}

/** Tests and scripts point the process at another database. */
export function setDatabase(db: Db | undefined): void {
  holder.__deskDb = db;
}
