import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from '../helpers/db';

describe('statement cache', () => {
  it('reuses a statement without leaking raw (array) mode between calls', () => {
    const db = freshDb();
    const q = sql`select 1 as n`;
    expect(db.all(q)).toEqual([{ n: 1 }]);
    expect(db.values(q)).toEqual([[1]]);
    expect(db.all(q)).toEqual([{ n: 1 }]);
    expect(db.$client.prepare('select 1 as n')).toBe(db.$client.prepare('select 1 as n'));
  });

  it('still runs statements that return nothing', () => {
    const db = freshDb();
    db.run(sql`create table t (x integer)`);
    for (let i = 0; i < 3; i++) db.run(sql`insert into t (x) values (${i})`);
    expect(db.all(sql`select x from t order by x`)).toEqual([{ x: 0 }, { x: 1 }, { x: 2 }]);
  });
});
