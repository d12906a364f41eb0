import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { USES, type Use } from '@/db/schema';
import { statusCounts, type StatusCounts } from './queue';

export type MonthRevenue = { month: string; label: string; revenue: number; licences: number };
export type DashboardStats = {
  since: string;
  counts: StatusCounts;
  decisions: {
    staff: number;
    auto: number;
    approved: number;
    rejected: number;
    medianStaffMs: number | null;
    approvalRate: number | null;
  };
  revenueByMonth: MonthRevenue[];
  revenueByUse: { use: Use; revenue: number; licences: number }[];
  topArticles: { slug: string; title: string; licences: number }[];
  topOrganizations: { id: number; name: string; licences: number; revenue: number }[];
  totalRevenue: number;
};

/** The first day (UTC) of the month `monthsBack` months before `now`'s month. */
export function monthStart(now: Date, monthsBack: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
}

const MONTHS = 12;

/** How many of the latest staff decisions the median is taken over. */
export const MEDIAN_SAMPLE = 1000;

/**
 * The median time from submission to a staff decision over the last twelve months (the latest
 * MEDIAN_SAMPLE decisions), or null when there is none: the dashboard's figure, and what a
 * publisher is told to expect after submitting a request that needs review.
 */
export function medianStaffDecisionMs(db: Db = getDb(), now: Date = new Date()): number | null {
  const since = monthStart(now, MONTHS - 1).toISOString();
  const durations = db
    .all<{ ms: number }>(
      sql`
      select round((julianday(decided_at) - julianday(created_at)) * 86400000.0) as ms
      from license_requests indexed by requests_decided
      where decided_at >= ${since} and decided_at <> created_at and status <> 'withdrawn'
      order by decided_at desc limit ${MEDIAN_SAMPLE}`,
    )
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  return durations.length
    ? durations.length % 2
      ? durations[(durations.length - 1) / 2]!
      : (durations[durations.length / 2 - 1]! + durations[durations.length / 2]!) / 2
    : null;
}

/**
 * The dashboard's figures over the last twelve months (this month included). Counts, revenue and
 * the top lists read the rollup tables that triggers keep exact (a few rows per month and key),
 * so the cost does not grow with the history. The median time to a staff decision is taken over
 * the latest MEDIAN_SAMPLE staff decisions in the window, read newest first along an index.
 *
 * Revenue is the fee of licences issued, revoked ones left out. A request counts as
 * auto-approved when it was decided in the instant it was created (auto-approval happens in the
 * submitting transaction, with the same clock reading); every other decision was a person's.
 */
export async function dashboardStats(db: Db = getDb(), now: Date = new Date()): Promise<DashboardStats> {
  const sinceDate = monthStart(now, MONTHS - 1);
  const since = sinceDate.toISOString();
  const sinceMonth = since.slice(0, 7);
  const counts = statusCounts(db);

  const d = { staff: 0, auto: 0, approved: 0, rejected: 0 };
  for (const r of db.all<{ outcome: string; auto: number; n: number }>(sql`
    select outcome, auto, sum(n) as n from desk_decisions_monthly where month >= ${sinceMonth} group by outcome, auto`)) {
    if (r.outcome === 'withdrawn') continue;
    d[r.auto ? 'auto' : 'staff'] += r.n;
    d[r.outcome === 'rejected' ? 'rejected' : 'approved'] += r.n;
  }
  const median = medianStaffDecisionMs(db, now);
  const decided = d.approved + d.rejected;

  const byMonth = db.all<{ month: string; revenue: number; licences: number }>(sql`
    select month, sum(revenue) as revenue, sum(licences) as licences from desk_revenue_monthly where month >= ${sinceMonth} group by month`);
  const revenueByMonth: MonthRevenue[] = Array.from({ length: MONTHS }, (_, i) => {
    const m = monthStart(now, MONTHS - 1 - i);
    const key = m.toISOString().slice(0, 7);
    const row = byMonth.find((r) => r.month === key);
    return {
      month: key,
      label: m.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
      revenue: row?.revenue ?? 0,
      licences: row?.licences ?? 0,
    };
  });

  const byUse = db.all<{ use: Use; revenue: number; licences: number }>(sql`
    select use, sum(revenue) as revenue, sum(licences) as licences from desk_revenue_monthly where month >= ${sinceMonth} group by use`);
  const revenueByUse = USES.map((use) => byUse.find((r) => r.use === use) ?? { use, revenue: 0, licences: 0 });

  const topArticles = db.all<{ slug: string; title: string; licences: number }>(sql`
    select a.slug, a.title, t.n as licences from (
      select article_id as id, sum(n) as n from desk_article_licences_monthly where month >= ${sinceMonth}
      group by article_id having sum(n) > 0 order by n desc, article_id limit 10
    ) t join articles a on a.id = t.id order by t.n desc, a.title`);
  const topOrganizations = db.all<{ id: number; name: string; licences: number; revenue: number }>(sql`
    select o.id, o.name, t.n as licences, t.revenue from (
      select organization_id as id, sum(licences) as n, sum(revenue) as revenue from desk_revenue_monthly where month >= ${sinceMonth}
      group by organization_id having sum(licences) > 0 order by revenue desc, n desc limit 10
    ) t join organizations o on o.id = t.id order by t.revenue desc, t.n desc`);

  return {
    since,
    counts,
    decisions: { ...d, medianStaffMs: median, approvalRate: decided ? d.approved / decided : null },
    revenueByMonth,
    revenueByUse,
    topArticles,
    topOrganizations,
    totalRevenue: revenueByMonth.reduce((n, m) => n + m.revenue, 0),
  };
}
