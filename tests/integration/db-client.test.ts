import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { connectionOf, preparedFor } from '@/db/prepared';
import { freshDb } from '../helpers/db';

describe('one statement cache (db/prepared.ts)', () => {
  it('leaves the driver alone: prepare is better-sqlite3’s own', () => {
    const db = freshDb();
    expect(db.$client.prepare).toBe(Database.prototype.prepare);
  });

  it('builds a statement once per connection, shared by a transaction handle', () => {
    const db = freshDb();
    let builds = 0;
    const one = preparedFor((c) => {
      builds += 1;
      return connectionOf(c).prepare('select 1 as n');
    });
    const outside = one(db);
    const inside = db.transaction((tx) => {
      expect(connectionOf(tx)).toBe(db.$client);
      return one(tx);
    });
    expect(inside).toBe(outside);
    expect(builds).toBe(1);
    one(freshDb());
    expect(builds).toBe(2);
  });

  it('runs a statement prepared outside inside the transaction of the handle given', () => {
    const db = freshDb();
    db.run(sql`create table t (x integer)`);
    const insert = preparedFor((c) => connectionOf(c).prepare('insert into t (x) values (?)'));
    expect(() =>
      db.transaction((tx) => {
        insert(tx).run(1);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(db.all(sql`select x from t`)).toEqual([]);
  });

  it('still runs statements that return nothing', () => {
    const db = freshDb();
    db.run(sql`create table t (x integer)`);
    for (let i = 0; i < 3; i++) db.run(sql`insert into t (x) values (${i})`);
    expect(db.all(sql`select x from t order by x`)).toEqual([{ x: 0 }, { x: 1 }, { x: 2 }]);
  });
});
