import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';
import { licenseRequests, OPEN_QUEUE_CONDITION, outbox, requestStatusCounts, type RequestStatus } from '@/db/schema';
import { transition } from '@/lib/requests/transition';
import type { Db } from '@/db/client';

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const counts = () => Object.fromEntries(db.select().from(requestStatusCounts).all().filter((r) => r.n !== 0).map((r) => [r.status, r.n])) as Partial<Record<RequestStatus, number>>;
const truth = () => {
  const out: Partial<Record<RequestStatus, number>> = {};
  for (const r of db.select({ status: licenseRequests.status }).from(licenseRequests).all()) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

describe('request status counters', () => {
  it('follow every insert, transition and delete exactly', async () => {
    const d = desk(db);
    const auto = await submit(db, d.publisher, ['first-story']);
    const a = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
    const b = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
    expect(counts()).toEqual({ approved: 1, submitted: 2 });
    const started = await transition({ reference: a.reference, action: 'start_review', expectedVersion: a.version }, d.staff, db);
    await transition({ reference: b.reference, action: 'reject', expectedVersion: b.version, note: 'No' }, d.staff, db);
    await transition({ reference: auto.request.reference, action: 'revoke', expectedVersion: auto.request.version, note: 'Misuse' }, d.staff, db);
    expect(counts()).toEqual({ in_review: 1, rejected: 1, revoked: 1 });
    // An update that keeps the status leaves the counts alone.
    db.update(licenseRequests).set({ notes: 'x' }).where(eq(licenseRequests.id, started.request.id)).run();
    db.delete(outbox).where(eq(outbox.requestId, b.id)).run();
    db.delete(licenseRequests).where(eq(licenseRequests.id, b.id)).run();
    expect(counts()).toEqual(truth());
    expect(counts()).toEqual({ in_review: 1, revoked: 1 });
  });
});

describe('queue indexes', () => {
  // INDEXED BY makes SQLite fail rather than scan if the condition ever stops matching the index.
  it('the open queue reads the partial index, oldest or newest first, without sorting', () => {
    for (const dir of ['asc', 'desc']) {
      const plan = db.$client
        .prepare(`explain query plan select r.id from license_requests r indexed by requests_open_created join organizations o on o.id = r.organization_id where r.${OPEN_QUEUE_CONDITION} order by r.created_at ${dir}, r.id ${dir} limit 26`)
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING INDEX requests_open_created/);
      expect(plan.map((p) => p.detail).join(' | ')).not.toMatch(/TEMP B-TREE/);
    }
  });
});
