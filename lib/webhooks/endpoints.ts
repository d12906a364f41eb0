import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, apiNotices, type PublicUser } from '@/db/schema';
import { assertOwner } from '@/lib/api/tokens';
import { can } from '@/lib/auth/can';
import { AppError, forbidden, invalid, notFound } from '@/lib/errors';
import { retryDelivery } from './deliver';
import { endpointUrlProblem } from './post';
import { newWebhookSecret } from './signature';

export const MAX_ENDPOINTS_PER_ORG = 5;

export const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the address that receives the notices.')
    .max(500, 'Keep it under 500 characters.'),
});
export const endpointIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** Registers an endpoint (owners); the signing secret is returned once, to be shown once. */
export function addEndpoint(
  input: z.output<typeof endpointSchema>,
  user: PublicUser,
  db: Db = getDb(),
): { secret: string; message: string } {
  const organizationId = assertOwner(user);
  const problem = endpointUrlProblem(input.url);
  if (problem) throw invalid({ url: problem });
  const url = new URL(input.url).toString();
  const secret = newWebhookSecret();
  db.transaction(
    (tx) => {
      const live = tx
        .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.organizationId, organizationId), isNull(webhookEndpoints.removedAt)))
        .all();
      if (live.some((e) => e.url === url)) throw invalid({ url: 'This address is already registered.' });
      if (live.length >= MAX_ENDPOINTS_PER_ORG)
        throw forbidden(`An organisation can have at most ${MAX_ENDPOINTS_PER_ORG} endpoints: remove one first.`);
      tx.insert(webhookEndpoints).values({ organizationId, url, secret, createdBy: user.id }).run();
    },
    { behavior: 'immediate' },
  );
  return { secret, message: 'Endpoint added. Copy its signing secret now: it will not be shown again.' };
}

/** Removes an endpoint (owners): nothing new is queued for it; waiting deliveries give up at once. */
export function removeEndpoint(id: number, user: PublicUser, db: Db = getDb(), now = new Date()): string {
  const organizationId = assertOwner(user);
  db.transaction(
    (tx) => {
      const res = tx
        .update(webhookEndpoints)
        .set({ removedAt: now.toISOString() })
        .where(
          and(
            eq(webhookEndpoints.id, id),
            eq(webhookEndpoints.organizationId, organizationId),
            isNull(webhookEndpoints.removedAt),
          ),
        )
        .run();
      if (!res.changes) throw notFound('No such endpoint.');
      tx.update(webhookDeliveries)
        .set({ status: 'failed', lastError: 'Endpoint removed.' })
        .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, 'pending')))
        .run();
    },
    { behavior: 'immediate' },
  );
  return 'Endpoint removed.';
}

export function listEndpoints(organizationId: number, db: Db = getDb()) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), isNull(webhookEndpoints.removedAt)))
    .orderBy(desc(webhookEndpoints.id))
    .all();
}

/**
 * The delivery log, newest first, with each attempt: one organisation's (organizationId) or, for staff,
 * every organisation's (null).
 */
export function deliveryLog(organizationId: number | null, db: Db = getDb(), limit = 50) {
  const rows = db
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
      url: webhookEndpoints.url,
      organizationId: webhookEndpoints.organizationId,
      kind: apiNotices.kind,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(apiNotices, eq(apiNotices.id, webhookDeliveries.noticeId))
    .where(organizationId === null ? undefined : eq(webhookEndpoints.organizationId, organizationId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)
    .all();
  const attempts = rows.length
    ? db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(webhookAttempts.id)
        .all()
    : [];
  return rows.map((r) => ({ ...r, log: attempts.filter((a) => a.deliveryId === r.id) }));
}

/** Retrying a delivery that gave up: its organisation's owners, or staff. */
export function retryWebhookDelivery(id: number, user: PublicUser, db: Db = getDb()): string {
  const organizationId = can(user, 'staff') ? null : assertOwner(user);
  const delivery = db
    .select({ removedAt: webhookEndpoints.removedAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.id, id),
        organizationId === null ? undefined : eq(webhookEndpoints.organizationId, organizationId),
      ),
    )
    .get();
  if (!delivery) throw notFound('No such delivery.');
  // The owners took the address away: nothing is sent to it again, not even what it missed.
  if (delivery.removedAt) throw new AppError('gone', 'This endpoint was removed: nothing is sent to it any more.');
  if (!retryDelivery(id, db)) throw notFound('Only a delivery that gave up can be retried.');
  return 'Delivery queued again.';
}
