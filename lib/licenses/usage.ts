import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenses, organizations, pixelHits } from '@/db/schema';

export const USAGE_PAGE_SIZE = 25;

// Written out in full: drizzle leaves columns of a one-table query unqualified, and inside the
// subquery an unqualified "host" would mean p2's own.
const SAME_GROUP = sql.raw('p2.license_id = "pixel_hits"."license_id" and p2.host = "pixel_hits"."host"');

/**
 * Pixel hits grouped by licence and host, for /admin/usage: groups with flagged hits first, then
 * the most recently seen. `flaggedOnly` keeps the groups with at least one flagged hit.
 */
export async function usageReport(opts: { page?: number; flaggedOnly?: boolean } = {}, db: Db = getDb()) {
  const page = Math.max(1, Math.floor(opts.page ?? 1) || 1);
  const flaggedHits = sql<number>`sum(${pixelHits.flagged})`;
  const groups = db
    .select({
      licenseId: pixelHits.licenseId,
      host: pixelHits.host,
      hits: count().as('hits'),
      flagged: flaggedHits.as('flagged_hits'),
      lastHit: sql<string>`max(${pixelHits.createdAt})`.as('last_hit'),
      lastReferrer: sql<string>`(select p2.referrer from pixel_hits p2 where ${SAME_GROUP} order by p2.id desc limit 1)`.as('last_referrer'),
      reason: sql<string | null>`(select p2.flag_reason from pixel_hits p2 where ${SAME_GROUP} and p2.flagged = 1 order by p2.id desc limit 1)`.as('reason'),
    })
    .from(pixelHits)
    .groupBy(pixelHits.licenseId, pixelHits.host)
    .having(opts.flaggedOnly ? sql`${flaggedHits} > 0` : undefined)
    .as('g');
  const total = db.select({ n: count() }).from(groups).get()!.n;
  const rows = db
    .select({
      code: licenses.code,
      status: licenses.status,
      organization: organizations.name,
      domains: organizations.domains,
      host: groups.host,
      hits: groups.hits,
      flagged: groups.flagged,
      lastHit: groups.lastHit,
      lastReferrer: groups.lastReferrer,
      reason: groups.reason,
    })
    .from(groups)
    .innerJoin(licenses, eq(licenses.id, groups.licenseId))
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .orderBy(desc(sql`${groups.flagged} > 0`), desc(groups.lastHit), licenses.code, groups.host)
    .limit(USAGE_PAGE_SIZE)
    .offset((page - 1) * USAGE_PAGE_SIZE)
    .all();
  const totals = db
    .select({ hits: count(), flagged: sql<number>`coalesce(sum(${pixelHits.flagged}), 0)`, licences: sql<number>`count(distinct ${pixelHits.licenseId})` })
    .from(pixelHits)
    .get()!;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / USAGE_PAGE_SIZE)), totals };
}
export type UsageRow = Awaited<ReturnType<typeof usageReport>>['rows'][number];
