import 'server-only';
import { and, asc, eq, inArray, isNull, lte, min } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { apiNotices, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { coalescingJob } from '@/lib/jobs/coalesce';
import { noticeItem } from './notices';
import { postWebhook } from './post';
import { signedHeaders } from './signature';

/*
 * The webhook queue. Each webhook_deliveries row is one notice for one endpoint; a run POSTs the due
 * ones, logs every attempt, and on failure sets the next attempt by the backoff below, until 24 hours
 * after the notice: then the row is `failed` (kept, visible, retryable by staff), never dropped.
 * Runs after commits like the mail outbox (lib/jobs/coalesce.ts), and wakes itself for the next retry.
 */

/** Seconds before attempt 2, 3, …; the last step repeats until the 24 hours are up. */
export const BACKOFF_SECONDS = [5, 60, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600];
export const RETRY_WINDOW_MS = 24 * 3600_000;
/** A claimed row is left alone by other runs (other processes) for this long. */
const CLAIM_MS = 60_000;
const BATCH = 20;
/** The longest a wake-up timer sleeps; a later retry is picked up by the next wake-up. */
const MAX_SLEEP_MS = 10 * 60_000;

/** When the attempt after `attempts` failed ones is due, or null when the 24 hours are over. */
export function nextAttemptAt(createdAt: string, attempts: number, now: Date): Date | null {
  const step = BACKOFF_SECONDS[Math.min(attempts - 1, BACKOFF_SECONDS.length - 1)]! * 1000;
  const end = new Date(createdAt).getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= end) return null;
  // The last try lands on the 24-hour mark rather than past it.
  return new Date(Math.min(now.getTime() + step, end));
}

type Due = {
  id: number;
  webhookId: string;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  url: string;
  secret: string;
  noticeId: number;
  item: unknown;
};

function dueDeliveries(db: Db, now: Date): Due[] {
  return db
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      noticeId: apiNotices.id,
      item: apiNotices.item,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(apiNotices, eq(apiNotices.id, webhookDeliveries.noticeId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now.toISOString()),
        // Removing an endpoint gives up its waiting deliveries; this keeps any left over from being sent.
        isNull(webhookEndpoints.removedAt),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(BATCH)
    .all();
}

/** The body of a notice's webhook: the same bytes on every attempt (the item was frozen when written). */
export function webhookBody(d: { noticeId: number; item: unknown }): string {
  const data = noticeItem({ id: d.noticeId, item: d.item });
  return JSON.stringify({ type: `notice.${data.type}`, timestamp: data.versioncreated, data });
}

async function attempt(db: Db, d: Due, now: Date): Promise<void> {
  // Claim it: a run in another process that read the same row finds next_attempt_at moved and skips it.
  const claimed = db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS).toISOString() })
    .where(
      and(
        eq(webhookDeliveries.id, d.id),
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.nextAttemptAt, d.nextAttemptAt),
      ),
    )
    .run();
  if (claimed.changes === 0) return;
  const body = webhookBody(d);
  const res = await postWebhook(d.url, body, { ...signedHeaders(d.secret, d.webhookId, body, now) });
  const ok = res.statusCode !== null && res.statusCode >= 200 && res.statusCode < 300;
  const attempts = d.attempts + 1;
  const error = ok ? null : (res.error ?? `HTTP ${res.statusCode}`);
  const next = ok ? null : nextAttemptAt(d.createdAt, attempts, now);
  db.transaction((tx) => {
    tx.insert(webhookAttempts)
      .values({
        deliveryId: d.id,
        attemptedAt: now.toISOString(),
        statusCode: res.statusCode,
        error,
        durationMs: res.durationMs,
      })
      .run();
    tx.update(webhookDeliveries)
      .set({
        attempts,
        lastStatusCode: res.statusCode,
        lastError: error,
        ...(ok
          ? { status: 'delivered' as const, deliveredAt: now.toISOString() }
          : next
            ? { nextAttemptAt: next.toISOString() }
            : { status: 'failed' as const }),
      })
      .where(eq(webhookDeliveries.id, d.id))
      .run();
  });
}

/**
 * Attempts every delivery due at `now` (one batch); true when the batch was full. Tests call it with
 * a `now` of their choosing to walk through the backoff; the job below calls it with the clock.
 */
export async function deliverDueWebhooks(db: Db = getDb(), now = new Date()): Promise<boolean> {
  const due = dueDeliveries(db, now);
  // Endpoints are independent: one slow receiver does not hold up the others' notices.
  await Promise.all(due.map((d) => attempt(db, d, now)));
  return due.length === BATCH;
}

/** Arms the job for the earliest retry still waiting (at most MAX_SLEEP_MS away). */
function wakeForNextRetry(db: Db): void {
  const next = db
    .select({ at: min(webhookDeliveries.nextAttemptAt) })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.status, 'pending'), isNull(webhookEndpoints.removedAt)))
    .get()?.at;
  if (!next) return;
  const wait = Math.min(Math.max(new Date(next).getTime() - Date.now(), 1000), MAX_SLEEP_MS);
  webhookJob.schedule(db, wait);
}

const webhookJob = coalescingJob('webhooks', async (db) => {
  const more = await deliverDueWebhooks(db);
  if (!more && db.$client.open) wakeForNextRetry(db);
  return more;
});

/** After a commit that recorded notices: deliver them soon, off the caller's path. */
export const scheduleWebhooks = (db: Db = getDb()) => webhookJob.schedule(db);
/** Runs the scheduled deliveries now (tests, shutdown). */
export const flushWebhooks = () => webhookJob.flush();
/** Delivers what is due now and resolves when done (scripts, server start). */
export const runWebhooks = (db: Db = getDb()) => webhookJob.run(db);

/** How often a server looks for deliveries queued by another process (a script, another server). */
export const TICK_MS = 30_000;
let ticker: ReturnType<typeof setInterval> | null = null;

/** The server's ticker (instrumentation.ts): a run at start, then every TICK_MS (one indexed query when idle). */
export function startWebhookTicker(db?: Db): void {
  scheduleWebhooks(db);
  if (ticker) return;
  ticker = setInterval(() => scheduleWebhooks(db), TICK_MS);
  ticker.unref?.();
}

/** Staff (or the organisation) retry a delivery that gave up: pending again, now, with a new 24 hours. */
export function retryDelivery(id: number, db: Db = getDb(), now = new Date()): boolean {
  const live = db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(isNull(webhookEndpoints.removedAt));
  const res = db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now.toISOString(), createdAt: now.toISOString() })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, 'failed'),
        inArray(webhookDeliveries.endpointId, live),
      ),
    )
    .run();
  if (res.changes) scheduleWebhooks(db);
  return res.changes > 0;
}
