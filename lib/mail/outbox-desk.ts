import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenseRequests, outbox, OUTBOX_STATUSES } from '@/db/schema';
import { retryMail } from '@/lib/mail/outbox';
import { conflict } from '@/lib/errors';

export const OUTBOX_PAGE_SIZE = 25;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Newest first, by status if asked: walks the primary key or the (status, id) index, never sorts. */
export function listOutbox(opts: { status?: OutboxStatus; page?: number } = {}, db: Db = getDb()) {
  const page = Math.max(1, Math.min(opts.page ?? 1, 10_000));
  const rows = db
    .select({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      kind: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      reference: licenseRequests.reference,
    })
    .from(outbox)
    .leftJoin(licenseRequests, eq(licenseRequests.id, outbox.requestId))
    .where(opts.status ? eq(outbox.status, opts.status) : undefined)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE + 1)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, OUTBOX_PAGE_SIZE), page, hasNext: rows.length > OUTBOX_PAGE_SIZE };
}

/** Staff send a failed (or stuck) mail again with a fresh attempt budget. */
export async function retryOutboxMail(input: { id: number }, db: Db = getDb()): Promise<string> {
  const queued = retryMail(input.id, db);
  if (!queued) throw conflict('That mail was already sent or is not in the outbox.');
  return 'Queued for sending again.';
}
