import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { feeds } from '@/db/schema';
import { acquireLease, leaseHolder, releaseLease } from '@/lib/feeds/lease';
import type { Fetcher } from '@/lib/feeds/poll';
import { FEEDS_LEASE, syncWithLease } from '@/lib/feeds/scheduler';
import { freshDb } from '../helpers/db';

// One poller at a time, whatever the number of processes: the lease row.

let db: Db;
beforeEach(() => {
  db = freshDb();
});

describe('the scheduler’s lease', () => {
  it('is held by one holder until it expires or is released', () => {
    const t = 1_000_000;
    expect(acquireLease(db, 'job', 'a', 60_000, t)).toBe(true);
    expect(acquireLease(db, 'job', 'b', 60_000, t + 1)).toBe(false);
    expect(acquireLease(db, 'job', 'a', 60_000, t + 30_000)).toBe(true); // renewed: now until t + 90 s
    expect(acquireLease(db, 'job', 'b', 60_000, t + 61_000)).toBe(false);
    expect(leaseHolder(db, 'job', t + 61_000)).toEqual({ holder: 'a', expiresAt: t + 90_000 });
    expect(acquireLease(db, 'job', 'b', 60_000, t + 90_000)).toBe(true); // a stopped renewing
    expect(acquireLease(db, 'job', 'a', 60_000, t + 90_001)).toBe(false);
    releaseLease(db, 'job', 'a'); // not a's to release
    expect(leaseHolder(db, 'job', t + 90_001)?.holder).toBe('b');
    releaseLease(db, 'job', 'b');
    expect(acquireLease(db, 'job', 'a', 60_000, t + 90_002)).toBe(true);
    expect(acquireLease(db, 'other', 'b', 60_000, t + 90_002)).toBe(true); // leases are per name
  });

  it('two connections to one database file: only one takes it', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { openDatabase } = await import('@/db/client');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lease-'));
    const one = openDatabase(path.join(dir, 'desk.db'));
    const two = openDatabase(path.join(dir, 'desk.db'));
    try {
      const t = Date.now();
      const results = [acquireLease(one, 'feeds', 'p1', 60_000, t), acquireLease(two, 'feeds', 'p2', 60_000, t)];
      expect(results).toEqual([true, false]);
      expect(leaseHolder(two, 'feeds', t)?.holder).toBe('p1');
    } finally {
      one.$client.close();
      two.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a sync while another holds the lease does nothing; feeds are polled by exactly one', async () => {
    db.insert(feeds)
      .values([{ url: 'https://a.example/feed' }, { url: 'https://b.example/feed' }])
      .run();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetcher: Fetcher = async () => {
      calls += 1;
      await gate;
      return { kind: 'unchanged', status: 304, url: '' };
    };
    const first = syncWithLease({ db, holder: 'one', fetcher });
    expect(leaseHolder(db, FEEDS_LEASE)?.holder).toBe('one');
    expect(await syncWithLease({ db, holder: 'two', fetcher })).toBeNull();
    release();
    expect(await first).toMatchObject({ feeds: 2, unchanged: 2 });
    expect(calls).toBe(2);
    expect(leaseHolder(db, FEEDS_LEASE)).toBeNull(); // given back
  });

  it('a holder that lost its lease mid-run stops before the next feed', async () => {
    db.insert(feeds)
      .values([{ url: 'https://a.example/feed' }, { url: 'https://b.example/feed' }])
      .run();
    const fetcher: Fetcher = async () => {
      // Meanwhile the lease expired and another process took it.
      db.update((await import('@/db/schema')).leases)
        .set({ holder: 'thief', expiresAt: Date.now() + 60_000 })
        .run();
      return { kind: 'unchanged', status: 304, url: '' };
    };
    expect(await syncWithLease({ db, holder: 'slow', fetcher })).toMatchObject({ feeds: 1 });
    expect(leaseHolder(db, FEEDS_LEASE)?.holder).toBe('thief');
  });
});
