import { openDatabase, setDatabase, type Db } from '@/db/client';

/** A fresh in-memory database with every migration applied, installed as the process database. */
export function freshDb(): Db {
  const db = openDatabase(':memory:');
  setDatabase(db);
  return db;
}
