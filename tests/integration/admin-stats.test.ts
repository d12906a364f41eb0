import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';
import { licenseRequests, licenses, type PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';

const who = vi.hoisted(() => ({ current: null as PublicUser | null }));
vi.mock('@/lib/auth/session', async () => ({ currentUser: async () => who.current }));

const { toPublicUser } = await import('@/lib/auth/users');
const { dashboardStats, monthStart } = await import('@/lib/requests/stats');
const { transition } = await import('@/lib/requests/transition');
const { GET } = await import('@/app/(site)/admin/requests/export/route');

let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
});

const setTimes = (id: number, createdAt: Date, decidedAt: Date | null) =>
  db
    .update(licenseRequests)
    .set({ createdAt: createdAt.toISOString(), decidedAt: decidedAt?.toISOString() ?? null })
    .where(eq(licenseRequests.id, id))
    .run();

describe('dashboard figures', () => {
  it('counts, median staff decision time, approval rate, revenue by month and use, top articles and licensees', async () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const auto = await submit(db, d.publisher, ['first-story']); // £150, auto-approved now
    const a = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual', use: 'print' })).request;
    const b = (await submit(db, d.publisher, ['second-story'], { duration: 'perpetual' })).request;
    const c = (await submit(db, d.publisher, ['first-story'], { duration: 'perpetual' })).request;
    await submit(db, d.publisher, ['second-story'], { duration: 'perpetual' }); // stays open
    const approved = await transition(
      { reference: a.reference, action: 'approve', expectedVersion: a.version, fee: 50000 },
      d.staff,
      db,
    );
    await transition({ reference: b.reference, action: 'reject', expectedVersion: b.version, note: 'No' }, d.staff, db);
    const revoked = await transition(
      { reference: c.reference, action: 'approve', expectedVersion: c.version, fee: 7000 },
      d.staff,
      db,
    );
    await transition(
      { reference: c.reference, action: 'revoke', expectedVersion: revoked.request.version, note: 'Misuse' },
      d.staff,
      db,
    );

    // Staff decisions took 2 h, 4 h and 30 h; the auto-approval took no time.
    const t = (iso: string) => new Date(iso);
    setTimes(a.id, t('2026-05-10T10:00:00Z'), t('2026-05-10T12:00:00Z'));
    setTimes(b.id, t('2026-05-11T10:00:00Z'), t('2026-05-11T14:00:00Z'));
    setTimes(c.id, t('2026-06-01T10:00:00Z'), t('2026-06-02T16:00:00Z'));
    setTimes(auto.request.id, t('2026-06-03T10:00:00Z'), t('2026-06-03T10:00:00Z'));
    db.update(licenses)
      .set({ createdAt: '2026-05-10T12:00:00.000Z' })
      .where(eq(licenses.id, approved.license!.id))
      .run();
    db.update(licenses).set({ createdAt: '2026-06-03T10:00:00.000Z' }).where(eq(licenses.id, auto.license!.id)).run();

    const s = await dashboardStats(db, now);
    expect(s.counts).toMatchObject({ submitted: 1, open: 1, approved: 2, rejected: 1, revoked: 1 });
    expect(s.decisions).toMatchObject({
      staff: 3,
      auto: 1,
      approved: 3,
      rejected: 1,
      medianStaffMs: 4 * 3_600_000,
      approvalRate: 0.75,
    });
    expect(s.revenueByMonth).toHaveLength(12);
    expect(s.revenueByMonth.at(-1)).toMatchObject({ month: '2026-06', revenue: 15000, licences: 1 });
    expect(s.revenueByMonth.at(-2)).toMatchObject({ month: '2026-05', revenue: 50000, licences: 1 });
    expect(s.totalRevenue).toBe(65000); // the revoked licence's £70 is left out
    expect(s.revenueByUse.find((u) => u.use === 'print')).toMatchObject({ revenue: 50000, licences: 1 });
    expect(s.topArticles.map((x) => [x.slug, x.licences])).toEqual([
      ['first-story', 2],
      ['second-story', 1],
    ]);
    expect(s.topOrganizations).toEqual([{ id: d.org.id, name: d.org.name, licences: 2, revenue: 65000 }]);
  });

  it('is empty but well-formed on an empty desk', async () => {
    const s = await dashboardStats(db);
    expect(s.decisions).toMatchObject({ staff: 0, auto: 0, medianStaffMs: null, approvalRate: null });
    expect(s.totalRevenue).toBe(0);
    expect(monthStart(new Date('2026-01-31T23:00:00Z'), 1).toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });
});

describe('CSV export', () => {
  const get = (query = '') => GET(new Request(`http://desk.test/admin/requests/export${query}`));

  it('is for staff only', async () => {
    who.current = d.publisher;
    expect((await get()).status).toBe(404);
    who.current = null;
    expect((await get()).status).toBe(404);
  });

  it('writes every matching request, escaped, with formula cells neutralised', async () => {
    const evil = makeOrg(db, { name: '=HYPERLINK("http://evil.example","click")' });
    const user = toPublicUser(makeUser(db, { organizationId: evil.id }));
    const r1 = (await submit(db, user, d.slugs, { duration: 'perpetual', publicationName: 'Comma, "Quoted" Times' }))
      .request;
    const r2 = (await submit(db, d.publisher, ['first-story'])).request;
    who.current = d.staff;
    const res = await get('?status=all');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="requests-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^reference,submitted_at,status,organisation,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${r1.reference},`);
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(lines[1]).toContain('"Comma, ""Quoted"" Times"');
    expect(lines[2]).toMatch(new RegExp(`^${r2.reference},.*,approved,.*,150,.*LIC-`));
    // Filters apply: the open queue has only the first request.
    const open = (await (await get()).text()).trimEnd().split('\r\n');
    expect(open).toHaveLength(2);
    who.current = null;
  });

  it('pages through large exports in batches without losing or repeating rows', async () => {
    const { seedBulkRequests } = await import('@/scripts/demo/bulk-requests');
    await seedBulkRequests(db, 2_345);
    who.current = d.staff;
    const lines = (await (await get('?status=all')).text()).trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(2_345);
    expect(new Set(lines.map((l) => l.split(',')[0])).size).toBe(2_345);
    who.current = null;
  });
});
