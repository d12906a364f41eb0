import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { seedDemo } from '@/scripts/demo/seed';
import { DEMO_REQUESTS } from '@/scripts/demo/seed-requests';
import { licenseRequests, licenses, requestEvents } from '@/db/schema';
import { listQueue } from '@/lib/requests/queue';
import { dashboardStats } from '@/lib/requests/stats';
import { parseQueueFilters } from '@/lib/validation/admin-queue';

describe('demo requests in the seed', () => {
  it('seeds requests in every kind of state over past months, once', async () => {
    const db = freshDb();
    expect((await seedDemo(db, 'demo-password-1')).seeded).toBe(true);
    const rows = db.select().from(licenseRequests).all();
    expect(rows).toHaveLength(DEMO_REQUESTS.length);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['approved', 'submitted', 'in_review', 'countered', 'rejected', 'revoked']),
    );
    const ages = rows.map((r) => (Date.now() - Date.parse(r.createdAt)) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(120);

    // Every trail is in time order and starts at submission; auto-approvals decided in the same instant.
    for (const r of rows) {
      const ev = db
        .select()
        .from(requestEvents)
        .where(eq(requestEvents.requestId, r.id))
        .orderBy(requestEvents.id)
        .all();
      expect(ev[0]).toMatchObject({ action: 'submit', createdAt: r.createdAt });
      expect(ev.map((e) => e.createdAt)).toEqual([...ev.map((e) => e.createdAt)].sort());
      if (ev.some((e) => e.action === 'auto_approve')) expect(r.decidedAt).toBe(r.createdAt);
    }

    const stats = await dashboardStats(db);
    expect(stats.totalRevenue).toBeGreaterThan(0);
    expect(stats.decisions.staff).toBeGreaterThan(0);
    expect(stats.revenueByMonth.filter((m) => m.revenue > 0).length).toBeGreaterThanOrEqual(3);
    expect((await listQueue(parseQueueFilters({}), db)).rows.length).toBeGreaterThanOrEqual(4);

    expect((await seedDemo(db, 'demo-password-1')).seeded).toBe(false);
    expect(db.select({ n: count() }).from(licenseRequests).get()!.n).toBe(DEMO_REQUESTS.length);
    expect(db.select({ n: count() }).from(licenses).get()!.n).toBe(
      rows.filter((r) => ['approved', 'revoked'].includes(r.status)).length,
    );
  });
});
