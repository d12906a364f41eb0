import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenses, organizations, usageHosts, usageTotals } from '@/db/schema';

export const USAGE_PAGE_SIZE = 25;

// Word for word the expression of the index usage_hosts_order, so the page is read in index order.
const hasFlags = sql`(${usageHosts.flaggedDays} > 0)`;

/**
 * Reads per licence and host from the usage counts (never the raw hits), for /admin/usage: hosts
 * with flagged days first, then the most recently read. `flaggedOnly` keeps the flagged ones.
 * Bounded whatever the history: one page of usage_hosts read straight off the index
 * usage_hosts_order (offset + 25 entries, no sort), its licences by primary key, and the totals
 * from the one row of usage_totals that triggers keep (tests/integration/usage-report-plan.test.ts).
 */
export function usageReport(opts: { page?: number; flaggedOnly?: boolean } = {}, db: Db = getDb()) {
  const page = Math.max(1, Math.floor(opts.page ?? 1) || 1);
  const where = opts.flaggedOnly ? sql`${hasFlags} = 1` : undefined;
  const totals = db
    .select({
      reads: usageTotals.reads,
      flaggedDays: usageTotals.flaggedDays,
      licences: usageTotals.licences,
      hits: usageTotals.hits,
      hosts: usageTotals.hosts,
      flaggedHosts: usageTotals.flaggedHosts,
    })
    .from(usageTotals)
    .where(eq(usageTotals.id, 1))
    .get() ?? { reads: 0, flaggedDays: 0, licences: 0, hits: 0, hosts: 0, flaggedHosts: 0 };
  const total = opts.flaggedOnly ? totals.flaggedHosts : totals.hosts;
  const groups = db
    .select()
    .from(usageHosts)
    .where(where)
    // Flagged only: the first term is fixed by the WHERE; left in, SQLite would sort every flagged group.
    .orderBy(
      ...(opts.flaggedOnly ? [] : [desc(hasFlags)]),
      desc(usageHosts.lastReadAt),
      desc(usageHosts.licenseId),
      desc(usageHosts.host),
    )
    .limit(USAGE_PAGE_SIZE)
    .offset((page - 1) * USAGE_PAGE_SIZE)
    .as('g');
  const rows = db
    .select({
      code: licenses.code,
      status: licenses.status,
      organization: organizations.name,
      domains: organizations.domains,
      host: groups.host,
      reads: groups.reads,
      flaggedDays: groups.flaggedDays,
      lastReadAt: groups.lastReadAt,
      lastReferrer: groups.lastReferrer,
      reason: groups.flagReason,
    })
    .from(groups)
    .innerJoin(licenses, eq(licenses.id, groups.licenseId))
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .orderBy(desc(sql`${groups.flaggedDays} > 0`), desc(groups.lastReadAt), desc(groups.licenseId), desc(groups.host))
    .all();
  const { reads, flaggedDays, licences, hits } = totals;
  return {
    rows,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / USAGE_PAGE_SIZE)),
    totals: { reads, flaggedDays, licences, hits },
  };
}
export type UsageRow = Awaited<ReturnType<typeof usageReport>>['rows'][number];

/** Flagged host-days across an organisation's licences (the request review's history panel). */
export function flaggedDaysOf(orgId: number, db: Db = getDb()): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${usageHosts.flaggedDays}), 0)` })
      .from(usageHosts)
      .innerJoin(licenses, eq(licenses.id, usageHosts.licenseId))
      .where(eq(licenses.organizationId, orgId))
      .get()?.n ?? 0
  );
}
