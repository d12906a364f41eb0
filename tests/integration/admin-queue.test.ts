import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';
import { licenseRequests } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { listQueue, statusCounts } from '@/lib/requests/queue';
import { transition } from '@/lib/requests/transition';
import { parseQueueFilters, queueQuery } from '@/lib/validation/admin-queue';
import type { Db } from '@/db/client';

let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
});

const filters = (p: Record<string, string> = {}) => parseQueueFilters(p);
/** A pending request backdated to `daysAgo`. */
async function pendingAt(daysAgo: number, user = d.publisher, over: Record<string, unknown> = {}) {
  const { request } = await submit(db, user, d.slugs, { duration: 'perpetual', ...over });
  const createdAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  return db.update(licenseRequests).set({ createdAt }).where(eq(licenseRequests.id, request.id)).returning().get();
}

describe('the queue', () => {
  it('defaults to open requests, oldest first, with organisation, articles and fee', async () => {
    const newer = await pendingAt(1);
    const older = await pendingAt(5);
    await submit(db, d.publisher, ['first-story']); // auto-approved: not open
    const page = await listQueue(filters(), db);
    expect(page.rows.map((r) => r.reference)).toEqual([older.reference, newer.reference]);
    expect(page.rows[0]).toMatchObject({ organization: d.org.name, fee: older.quoteTotal, status: 'submitted' });
    expect(page.rows[0]!.articles.map((a) => a.slug)).toEqual(d.slugs);
    expect(page.total).toBe(2);
    expect((await listQueue(filters({ sort: 'newest' }), db)).rows[0]!.reference).toBe(newer.reference);
  });

  it('pages by 25 and says whether there is a next page', async () => {
    for (let i = 0; i < 27; i += 1) await pendingAt(30 - i);
    const first = await listQueue(filters(), db);
    expect(first.rows).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    const second = await listQueue(filters({ page: '2' }), db);
    expect(second.rows).toHaveLength(2);
    expect(second.hasNext).toBe(false);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(27);
  });

  it('filters by status, organisation, use, fee range and date; searches reference and organisation', async () => {
    const otherOrg = makeOrg(db, { name: 'Gazette of the Glens' });
    const other = toPublicUser(makeUser(db, { organizationId: otherOrg.id }));
    const a = await pendingAt(10);
    const b = await pendingAt(3, other, { use: 'print' });
    await transition({ reference: a.reference, action: 'reject', expectedVersion: a.version, note: 'No' }, d.staff, db);
    const refs = async (p: Record<string, string>) => (await listQueue(filters(p), db)).rows.map((r) => r.reference);

    expect(await refs({})).toEqual([b.reference]);
    expect(await refs({ status: 'rejected' })).toEqual([a.reference]);
    expect(await refs({ status: 'all' })).toEqual([a.reference, b.reference]);
    expect(await refs({ status: 'all', org: String(otherOrg.id) })).toEqual([b.reference]);
    expect(await refs({ status: 'all', use: 'print' })).toEqual([b.reference]);
    expect(
      await refs({ status: 'all', feeMin: String(b.quoteTotal! / 100), feeMax: String(b.quoteTotal! / 100) }),
    ).toEqual([b.reference]);
    expect(await refs({ status: 'all', feeMin: String(b.quoteTotal! / 100 + 1) })).toEqual(
      a.quoteTotal! > b.quoteTotal! ? [a.reference] : [],
    );
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    expect(await refs({ status: 'all', from: day(5) })).toEqual([b.reference]);
    expect(await refs({ status: 'all', to: day(5) })).toEqual([a.reference]);
    expect(await refs({ status: 'all', q: b.reference.toLowerCase() })).toEqual([b.reference]);
    expect(await refs({ status: 'all', q: b.reference.slice(0, -1) })).toEqual(
      [a.reference, b.reference].filter((r) => r.startsWith(b.reference.slice(0, -1))),
    );
    // Digits match the number in a reference, or an organisation's name (the factory's names have random hex).
    expect(await refs({ status: 'all', q: String(b.id) })).toEqual(
      d.org.name.includes(String(b.id)) ? [a.reference, b.reference] : [b.reference],
    );
    expect(await refs({ status: 'all', q: 'glens' })).toEqual([b.reference]);
    expect(await refs({ status: 'all', q: 'no such outlet' })).toEqual([]);
    expect((await listQueue(filters({ status: 'all', q: 'glens' }), db)).total).toBeNull();
  });

  it('treats LIKE wildcards in a search as text', async () => {
    await pendingAt(1);
    expect((await listQueue(filters({ status: 'all', q: '%' }), db)).rows).toEqual([]);
    expect((await listQueue(filters({ status: 'all', q: '_' }), db)).rows).toEqual([]);
  });

  it('counts per status come from the counters and add up', async () => {
    const a = await pendingAt(2);
    await pendingAt(1);
    await transition({ reference: a.reference, action: 'counter', expectedVersion: a.version, fee: 100 }, d.staff, db);
    const c = await statusCounts(db);
    expect(c).toMatchObject({ submitted: 1, countered: 1, open: 2, all: 2, approved: 0 });
  });
});

describe('queue URL state', () => {
  it('ignores malformed parameters instead of failing', () => {
    expect(
      parseQueueFilters({
        status: 'nonsense',
        page: '-3',
        feeMin: 'abc',
        from: '2026-13-45',
        use: 'telepathy',
        sort: 'sideways',
      }),
    ).toEqual({
      status: 'open',
      sort: 'oldest',
      page: 1,
      org: undefined,
      use: undefined,
      feeMin: undefined,
      feeMax: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
    });
  });

  it('round-trips through the query string, leaving defaults out', () => {
    const f = parseQueueFilters({
      status: 'approved',
      use: 'web',
      feeMin: '99.5',
      q: 'Glens',
      page: '3',
      sort: 'newest',
    });
    expect(f.feeMin).toBe(9950);
    expect(parseQueueFilters(Object.fromEntries(new URLSearchParams(queueQuery(f))))).toEqual(f);
    expect(queueQuery(parseQueueFilters({}))).toBe('');
    expect(queueQuery(f, { page: 1 })).not.toContain('page=');
  });
});
