import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg } from '../helpers/factories';
import { organizations } from '@/db/schema';

describe('migrations', () => {
  it('apply to an empty database and create every table', () => {
    const db = freshDb();
    const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).map((t) => t.name);
    for (const t of ['users', 'organizations', 'articles', 'assets', 'rate_cards', 'license_requests', 'request_articles', 'request_events', 'messages', 'licenses', 'downloads', 'pixel_hits', 'outbox', 'settings']) {
      expect(tables).toContain(t);
    }
    expect(db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`)?.foreign_keys).toBe(1);
  });

  // drizzle wraps the driver's error; the SQLite reason is its cause.
  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return String((e as Error & { cause?: Error }).cause?.message ?? (e as Error).message);
    }
    return 'no error';
  };

  it('enforce enum CHECK constraints and foreign keys', () => {
    const db = freshDb();
    expect(reason(() => db.run(sql`insert into organizations (name, type, country) values ('X', 'pirate', 'UK')`))).toMatch(/CHECK/);
    expect(reason(() => db.run(sql`insert into users (email, name, password_hash, organization_id) values ('a@b.co', 'A', 'h', 999)`))).toMatch(/FOREIGN KEY/);
    expect(reason(() => db.run(sql`insert into users (email, name, password_hash) values ('Mixed@Case.co', 'A', 'h')`))).toMatch(/CHECK/);
    const org = makeOrg(db);
    expect(db.select().from(organizations).all().map((o) => o.id)).toEqual([org.id]);
  });
});
