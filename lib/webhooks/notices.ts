import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { apiNotices, articles, licenses, webhookDeliveries, webhookEndpoints, type ApiNoticeKind } from '@/db/schema';
import { NOTICE_TYPES, type ApiNotice } from '@/lib/api/schemas';
import { takedownHoursOf, type LicenseRow } from '@/lib/licenses/queries';
import { licenseState } from '@/lib/licenses/status';
import { takedownDeadline } from '@/lib/licenses/terms';
import { siteUrl } from '@/lib/site';

/*
 * The notices a licensee's systems hear of: corrections, withdrawals (kills), revocations, expiries and
 * expiry reminders. Each is one api_notices row written in the transaction of the change it reports,
 * and fanned out there and then to one webhook_deliveries row per endpoint of the organisation, so a
 * notice exists exactly when its change does and no delivery can be forgotten.
 */

const ENDS_USE: ReadonlySet<ApiNoticeKind> = new Set(['withdrawn', 'revoked', 'expired']);

export const newWebhookId = () => `msg_${randomBytes(16).toString('base64url')}`;

type Item = Omit<ApiNotice, 'id'>;

/**
 * Records a notice for the licence inside the caller's transaction (pass its `tx`), after the change
 * it reports has been written there, and queues it for every live endpoint of the licence's
 * organisation. The item is frozen now: the feed and every retry of a webhook carry the same one.
 * The caller schedules delivery after the commit (scheduleWebhooks).
 */
export function recordNotice(
  tx: Conn,
  notice: { licenseId: number; kind: ApiNoticeKind; articleId?: number | null; note?: string; now?: Date },
): number {
  const now = notice.now ?? new Date();
  const license = tx.select().from(licenses).where(eq(licenses.id, notice.licenseId)).get();
  if (!license) return 0;
  const article = notice.articleId
    ? tx
        .select({ title: articles.title, canonicalUrl: articles.canonicalUrl })
        .from(articles)
        .where(eq(articles.id, notice.articleId))
        .get()
    : undefined;
  const createdAt = now.toISOString();
  const endsUse = ENDS_USE.has(notice.kind);
  const item: Item = {
    type: NOTICE_TYPES[notice.kind],
    pubStatus: endsUse ? 'canceled' : 'usable',
    versioncreated: createdAt,
    uri: article?.canonicalUrl ?? null,
    headline: article?.title ?? null,
    description_text: notice.note ?? '',
    license: { code: license.code, status: licenseState(license, now), url: `${siteUrl()}/licenses/${license.code}` },
    takeDown: endsUse
      ? // After a kill, revocation or expiry the copy comes down within the licence's take-down time.
        { required: true, deadline: takedownDeadline(createdAt, takedownHoursOf(license as LicenseRow)) }
      : null,
  };
  const row = tx
    .insert(apiNotices)
    .values({
      organizationId: license.organizationId,
      licenseId: license.id,
      articleId: notice.articleId ?? null,
      kind: notice.kind,
      note: notice.note ?? '',
      item,
      createdAt,
    })
    .returning({ id: apiNotices.id })
    .get();
  const endpoints = tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, license.organizationId), isNull(webhookEndpoints.removedAt)))
    .all();
  for (const e of endpoints)
    tx.insert(webhookDeliveries)
      .values({ endpointId: e.id, noticeId: row.id, webhookId: newWebhookId(), nextAttemptAt: createdAt, createdAt })
      .run();
  return row.id;
}

/** Records a notice for the licence of a request (revocation, expiry: the transition knows the request). */
export function recordRequestNotice(
  tx: Conn,
  requestId: number,
  kind: ApiNoticeKind,
  note: string | undefined,
  now: Date,
): void {
  const license = tx.select({ id: licenses.id }).from(licenses).where(eq(licenses.requestId, requestId)).get();
  if (license) recordNotice(tx, { licenseId: license.id, kind, note, now });
}

export const noticeItem = (row: { id: number; item: unknown }): ApiNotice => ({
  id: `ntc_${row.id}`,
  ...(row.item as Item),
});

/** One organisation's notices after `afterId`, oldest first; one more than `limit` says whether more wait. */
export function noticesSince(
  organizationId: number,
  afterId: number,
  limit: number,
  db: Db = getDb(),
): { items: ApiNotice[]; lastId: number; hasMore: boolean } {
  const rows = db
    .select({ id: apiNotices.id, item: apiNotices.item })
    .from(apiNotices)
    .where(and(eq(apiNotices.organizationId, organizationId), gt(apiNotices.id, afterId)))
    .orderBy(asc(apiNotices.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return {
    items: page.map(noticeItem),
    lastId: page.length ? page[page.length - 1]!.id : afterId,
    hasMore: rows.length > limit,
  };
}
