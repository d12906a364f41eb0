import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { License } from '@/db/schema';
import { recordPixelHit } from '@/lib/licenses/pixel';
import { flushPixelTally } from '@/lib/licenses/pixel-store';
import { usageReport } from '@/lib/licenses/usage';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';

// As under scripts/server.js, which sets X-Forwarded-For from the socket (lib/auth/client-address.ts).
process.env.DESK_CLIENT_ADDRESS = 'server';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const NOON = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00.000Z`);
const DAY = 86_400_000;

let db: Db;
let licences: License[];
beforeEach(async () => {
  db = freshDb();
  const d = desk(db); // the organisation's domain is testtimes.example
  const startDate = NOON.toISOString().slice(0, 10);
  licences = [
    (await submit(db, d.publisher, ['first-story'], { startDate })).license!,
    (await submit(db, d.publisher, ['first-story'], { startDate })).license!,
  ];
});

/**
 * Readers of `hosts` hosts over `days` days, through the pixel's own recording function: each
 * hit a new reader (counted), some hosts the licensee's own, the rest foreign (flagged), a few
 * bots and repeats (raw hits only).
 */
async function traffic(hosts: number, days: number) {
  let n = 0;
  for (let day = 0; day < days; day++)
    for (let h = 0; h < hosts; h++) {
      const at = new Date(NOON.getTime() + day * DAY + h * 1000);
      const host = h % 4 === 0 ? 'testtimes.example' : `copy-${h}.example`;
      const address = `198.51.${(++n >> 8) & 255}.${n & 255}`;
      const headers = { 'user-agent': CHROME, 'x-forwarded-for': address, referer: `https://${host}/story` };
      await recordPixelHit(`${licences[h % 2]!.code}.gif`, new Headers(headers), db, at);
      if (h % 7 === 0) await recordPixelHit(`${licences[h % 2]!.code}.gif`, new Headers(headers), db, at); // repeat
      if (h % 9 === 0)
        await recordPixelHit(`${licences[h % 2]!.code}.gif`, new Headers({ ...headers, 'user-agent': '' }), db, at);
    }
  flushPixelTally(db);
}

/** Every statement usageReport prepares, with its query plan. */
function plansOf(run: () => unknown) {
  const sqlite = db.$client;
  const prepare = sqlite.prepare.bind(sqlite);
  const statements: string[] = [];
  sqlite.prepare = ((source: string) => {
    statements.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    run();
  } finally {
    sqlite.prepare = prepare;
  }
  return statements.map((source) => {
    const params = Array<number>((source.match(/\?/g) ?? []).length).fill(1);
    const plan = prepare(`explain query plan ${source}`).all(...params) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    return { source, plan };
  });
}

const sums = () =>
  db.get<{ reads: number; flaggedDays: number; licences: number; hosts: number; flaggedHosts: number; hits: number }>(
    sql`select coalesce(sum(reads), 0) as reads, coalesce(sum(flagged_days), 0) as flaggedDays,
      count(distinct license_id) as licences, count(*) as hosts, coalesce(sum(flagged_days > 0), 0) as flaggedHosts,
      (select coalesce(sum(hits), 0) from usage_hit_totals) as hits from usage_hosts`,
  )!;

describe('/admin/usage reads a bounded amount whatever the history', () => {
  it('one page straight off the index usage_hosts_order, the totals from one row: no scan, no sort of every group', async () => {
    await traffic(40, 5);
    for (const opts of [{}, { page: 2 }, { flaggedOnly: true }, { flaggedOnly: true, page: 2 }]) {
      const statements = plansOf(() => usageReport(opts, db));
      const details = statements.flatMap((s) => s.plan.map((p) => p.detail)).join('\n');
      // Never the history: daily counts, raw totals, raw hits.
      expect(details).not.toMatch(/usage_daily|usage_hit_totals|pixel_hits/);
      // The totals: one row by primary key, never an aggregate over the groups.
      expect(details).toMatch(/SEARCH usage_totals USING INTEGER PRIMARY KEY/);
      expect(statements.map((s) => s.source).join('\n')).not.toMatch(/\b(count|sum)\(/i);
      // usage_hosts is read once, in index order, under a LIMIT, with no sort inside that read.
      const reading = statements.filter((s) => s.plan.some((p) => /usage_hosts/.test(p.detail)));
      expect(reading).toHaveLength(1);
      const { source, plan } = reading[0]!;
      expect(source).toMatch(/ limit \?/);
      const scan = plan.find((p) => /usage_hosts/.test(p.detail))!;
      expect(scan.detail).toMatch(/^(SCAN|SEARCH) usage_hosts USING INDEX usage_hosts_order\b/);
      expect(scan.detail).not.toMatch(/COVERING/); // a covering-index walk is the old count(*)
      // The one sort allowed is of the page itself (≤ 25 joined rows), at the top level.
      const sorts = plan.filter((p) => /TEMP B-TREE/.test(p.detail));
      expect(sorts.every((p) => p.parent === 0 && p.detail === 'USE TEMP B-TREE FOR ORDER BY')).toBe(true);
      expect(plan.filter((p) => p.parent === scan.parent && /TEMP B-TREE/.test(p.detail))).toEqual([]);
    }
  });

  it('the totals row always equals the sums it replaces, through the pixel and through direct writes', async () => {
    const fresh = usageReport({}, db);
    expect(fresh.totals).toEqual({ reads: 0, flaggedDays: 0, licences: 0, hits: 0 });
    expect(fresh.total).toBe(0);

    await traffic(12, 3);
    const s = sums();
    expect(s.reads).toBeGreaterThan(0);
    expect(s.flaggedHosts).toBeGreaterThan(0);
    expect(s.flaggedHosts).toBeLessThan(s.hosts);
    expect(s.licences).toBe(2);
    expect(s.hits).toBeGreaterThan(s.reads); // repeats and bots are raw hits only
    const report = usageReport({}, db);
    expect(report.totals).toEqual({ reads: s.reads, flaggedDays: s.flaggedDays, licences: 2, hits: s.hits });
    expect(report.total).toBe(s.hosts);
    expect(usageReport({ flaggedOnly: true }, db).total).toBe(s.flaggedHosts);

    // Whoever writes: the triggers follow updates, moves to another licence and deletes.
    db.run(sql`update usage_hosts set reads = reads + 5, flagged_days = 0 where host = 'copy-1.example'`);
    db.run(sql`update usage_hosts set license_id = ${licences[0]!.id} where license_id = ${licences[1]!.id}`);
    db.run(sql`update usage_hit_totals set hits = hits + 3`);
    db.run(sql`delete from usage_hosts where host = 'testtimes.example'`);
    db.run(sql`delete from usage_hit_totals where day = (select min(day) from usage_hit_totals)`);
    const after = sums();
    expect(after.licences).toBe(1);
    const t = db.get<typeof after>(
      sql`select reads, flagged_days as flaggedDays, licences, hosts, flagged_hosts as flaggedHosts, hits from usage_totals`,
    );
    expect(t).toEqual(after);
    db.run(sql`delete from usage_hosts`);
    db.run(sql`delete from usage_hit_totals`);
    expect(usageReport({}, db).totals).toEqual({ reads: 0, flaggedDays: 0, licences: 0, hits: 0 });
  });

  it('the page shows the same rows, in the same order, as sorting every group would', async () => {
    await traffic(30, 2);
    const all = db.all<{ host: string; license_id: number }>(
      sql`select host, license_id from usage_hosts order by (flagged_days > 0) desc, last_read_at desc, license_id desc, host desc`,
    );
    const paged = [1, 2].flatMap((page) => usageReport({ page }, db).rows.map((r) => r.host));
    expect(paged).toEqual(all.slice(0, 50).map((r) => r.host));
    const flagged = db.all<{ host: string }>(
      sql`select host from usage_hosts where flagged_days > 0 order by last_read_at desc, license_id desc, host desc`,
    );
    expect(usageReport({ flaggedOnly: true }, db).rows.map((r) => r.host)).toEqual(
      flagged.slice(0, 25).map((r) => r.host),
    );
  });
});
