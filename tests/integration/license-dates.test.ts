import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { licenses, type License } from '@/db/schema';
import { expireDue } from '@/lib/licenses/expiry';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';

// Issue 13 item 11: end dates compared as dates, not as text.
let db: Db;
let license: License;
beforeEach(async () => {
  db = freshDb();
  const d = desk(db);
  license = (await submit(db, d.publisher, ['first-story'], { startDate: new Date().toISOString().slice(0, 10) }))
    .license!;
});
const setEnd = (validUntil: string) => db.update(licenses).set({ validUntil }).where(eq(licenses.id, license.id)).run();
const status = () => db.select().from(licenses).where(eq(licenses.id, license.id)).get()!.status;

describe('licence validity is compared as dates', () => {
  it('an end date with a five-digit year is not "before today"', async () => {
    setEnd('+010000-12-31T00:00:00.000Z');
    expect(await expireDue(db)).toBe(0);
    expect(status()).toBe('active');
  });

  it('an end later today written without the T is not expired early; one that has passed is', async () => {
    const now = new Date('2030-06-15T10:00:00.000Z');
    setEnd('2030-06-15 12:00:00');
    expect(await expireDue(db, now)).toBe(0);
    setEnd('2030-06-15T09:59:59.000Z');
    expect(await expireDue(db, now)).toBe(1);
    expect(status()).toBe('expired');
  });
});
