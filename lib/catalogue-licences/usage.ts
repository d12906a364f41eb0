import 'server-only';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { apiTokens, licenseExports } from '@/db/schema';

/*
 * The usage evidence of a catalogue licence (issue 18 item 5), read from license_exports: items
 * exported per day, the last export, and tokens used from many addresses — a token shared beyond the
 * licensee's own systems is the leak staff want to see first. An export beyond the selection cannot
 * happen (the export reads only licensedSql; tests/integration/catalogue-export.property.test.ts).
 */

/** More distinct addresses than this for one token within a day is flagged. */
export const MANY_ADDRESSES = 5;
export const USAGE_DAYS = 30;
const DAY = 86_400_000;

export type ExportUsage = {
  /** The last USAGE_DAYS days with exports, newest first. */
  days: { day: string; calls: number; items: number }[];
  totalItems: number;
  last: { at: string; items: number; address: string; token: string } | null;
  /** Tokens that called from more than MANY_ADDRESSES addresses in the last 24 hours. */
  manyAddresses: { token: string; addresses: number }[];
};

export function exportUsage(licenseId: number, db: Db = getDb(), now = new Date()): ExportUsage {
  const since = new Date(now.getTime() - USAGE_DAYS * DAY).toISOString();
  const day = sql<string>`substr(${licenseExports.createdAt}, 1, 10)`;
  const days = db
    .select({ day, calls: sql<number>`count(*)`, items: sql<number>`sum(${licenseExports.items})` })
    .from(licenseExports)
    .where(and(eq(licenseExports.licenseId, licenseId), gte(licenseExports.createdAt, since)))
    .groupBy(day)
    .orderBy(desc(day))
    .all();
  const totalItems =
    db
      .select({ n: sql<number>`coalesce(sum(${licenseExports.items}), 0)` })
      .from(licenseExports)
      .where(eq(licenseExports.licenseId, licenseId))
      .get()?.n ?? 0;
  const tokenName = sql<string>`${apiTokens.name} || ' (' || ${apiTokens.prefix} || '…)'`;
  const last =
    db
      .select({
        at: licenseExports.createdAt,
        items: licenseExports.items,
        address: licenseExports.address,
        token: tokenName,
      })
      .from(licenseExports)
      .innerJoin(apiTokens, eq(apiTokens.id, licenseExports.tokenId))
      .where(eq(licenseExports.licenseId, licenseId))
      .orderBy(desc(licenseExports.id))
      .limit(1)
      .get() ?? null;
  const dayAgo = new Date(now.getTime() - DAY).toISOString();
  const addresses = sql<number>`count(distinct ${licenseExports.address})`;
  const manyAddresses = db
    .select({ token: tokenName, addresses })
    .from(licenseExports)
    .innerJoin(apiTokens, eq(apiTokens.id, licenseExports.tokenId))
    .where(and(eq(licenseExports.licenseId, licenseId), gte(licenseExports.createdAt, dayAgo)))
    .groupBy(licenseExports.tokenId)
    .having(sql`${addresses} > ${MANY_ADDRESSES}`)
    .all();
  return { days, totalItems, last, manyAddresses };
}
