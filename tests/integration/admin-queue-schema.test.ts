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

const counts = () =>
  Object.fromEntries(
    db
      .select()
      .from(requestStatusCounts)
      .all()
      .filter((r) => r.n !== 0)
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<RequestStatus, number>>;
const truth = () => {
  const out: Partial<Record<RequestStatus, number>> = {};
  for (const r of db.select({ status: licenseRequests.status }).from(licenseRequests).all())
    out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

describe('request status counters', () => {
  it('follow every insert, transition and delete exactly', async () => {
    const d = desk(db);
    const auto = await submit(db, d.publisher, ['first-story']);
    const a = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
    const b = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
    expect(counts()).toEqual({ approved: 1, submitted: 2 });
    const started = await transition(
      { reference: a.reference, action: 'start_review', expectedVersion: a.version },
      d.staff,
      db,
    );
    await transition({ reference: b.reference, action: 'reject', expectedVersion: b.version, note: 'No' }, d.staff, db);
    await transition(
      { reference: auto.request.reference, action: 'revoke', expectedVersion: auto.request.version, note: 'Misuse' },
      d.staff,
      db,
    );
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
        .prepare(
          `explain query plan select r.id from license_requests r indexed by requests_open_created join organizations o on o.id = r.organization_id where r.${OPEN_QUEUE_CONDITION} order by r.created_at ${dir}, r.id ${dir} limit 26`,
        )
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING INDEX requests_open_created/);
      expect(plan.map((p) => p.detail).join(' | ')).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('dashboard rollups', () => {
  const recomputed = () => ({
    decisions: db.$client
      .prepare(
        `select substr(decided_at, 1, 7) as month, case status when 'rejected' then 'rejected' when 'withdrawn' then 'withdrawn' else 'approved' end as outcome, decided_at = created_at as auto, count(*) as n from license_requests where decided_at is not null group by 1, 2, 3 order by 1, 2, 3`,
      )
      .all(),
    revenue: db.$client
      .prepare(
        `select substr(l.created_at, 1, 7) as month, r.use, l.organization_id, count(*) as licences, sum(l.fee) as revenue from licenses l join license_requests r on r.id = l.request_id where l.status <> 'revoked' group by 1, 2, 3 order by 1, 2, 3`,
      )
      .all(),
    articles: db.$client
      .prepare(
        `select substr(l.created_at, 1, 7) as month, ra.article_id, count(*) as n from licenses l join request_articles ra on ra.request_id = l.request_id where l.status <> 'revoked' group by 1, 2 order by 1, 2`,
      )
      .all(),
  });
  const rollups = () => ({
    decisions: db.$client
      .prepare('select month, outcome, auto, n from desk_decisions_monthly where n <> 0 order by 1, 2, 3')
      .all(),
    revenue: db.$client
      .prepare(
        'select month, use, organization_id, licences, revenue from desk_revenue_monthly where licences <> 0 order by 1, 2, 3',
      )
      .all(),
    articles: db.$client
      .prepare('select month, article_id, n from desk_article_licences_monthly where n <> 0 order by 1, 2')
      .all(),
  });

  it('match a recomputation after submissions, decisions, revocation, back-dating and deletion', async () => {
    const d = desk(db);
    const pending = async () => (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
    await submit(db, d.publisher, ['first-story']); // auto-approved
    const a = await pending();
    const b = await pending();
    const c = await pending();
    const w = await pending();
    const ok = await transition(
      { reference: a.reference, action: 'approve', expectedVersion: a.version, fee: 12300 },
      d.staff,
      db,
    );
    await transition({ reference: b.reference, action: 'reject', expectedVersion: b.version, note: 'No' }, d.staff, db);
    const cc = await transition({ reference: c.reference, action: 'approve', expectedVersion: c.version }, d.staff, db);
    await transition(
      { reference: c.reference, action: 'revoke', expectedVersion: cc.request.version, note: 'Misuse' },
      d.staff,
      db,
    );
    await transition({ reference: w.reference, action: 'withdraw', expectedVersion: w.version }, d.publisher, db);
    expect(rollups()).toEqual(recomputed());
    expect(rollups().decisions).not.toEqual([]);

    db.update(licenseRequests)
      .set({ createdAt: '2025-01-10T10:00:00.000Z', decidedAt: '2025-02-03T10:00:00.000Z' })
      .where(eq(licenseRequests.id, a.id))
      .run();
    db.$client
      .prepare("update licenses set created_at = '2025-02-03T10:00:00.000Z', fee = 999 where id = ?")
      .run(ok.license!.id);
    expect(rollups()).toEqual(recomputed());

    db.$client.prepare('delete from outbox').run();
    db.$client.prepare('delete from invoice_events').run();
    db.$client.prepare('delete from payments').run();
    db.$client.prepare('delete from invoices where license_id = ?').run(ok.license!.id);
    db.$client.prepare('delete from licenses where id = ?').run(ok.license!.id);
    db.$client.prepare('delete from license_requests where id = ?').run(b.id);
    expect(rollups()).toEqual(recomputed());
  });

  it('the migration backfill gives the same figures', async () => {
    const d = desk(db);
    await submit(db, d.publisher, ['first-story']);
    const a = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
    await transition({ reference: a.reference, action: 'approve', expectedVersion: a.version }, d.staff, db);
    const before = rollups();
    const fs = await import('node:fs');
    const sqlText = fs.readFileSync('db/migrations/0007_desk_rollup_triggers.sql', 'utf8');
    const backfill = sqlText
      .split('--> statement-breakpoint')
      .filter((s) => /^\s*INSERT INTO desk_/m.test(s) && !/CREATE TRIGGER/.test(s));
    expect(backfill).toHaveLength(3);
    db.$client.exec(
      'delete from desk_decisions_monthly; delete from desk_revenue_monthly; delete from desk_article_licences_monthly;',
    );
    for (const stmt of backfill) db.$client.exec(stmt);
    expect(rollups()).toEqual(before);
    expect(before).toEqual(recomputed());
  });
});
