import 'server-only';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { placeholders, preparedFor } from '@/db/prepared';
import { outbox, type OutboxMail } from '@/db/schema';
import { coalescingJob } from '@/lib/jobs/coalesce';
import { sendMail, smtpConfigured } from './transport';

export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** Optional HTML part, sent beside the text. */
  html?: string | null;
  kind: string;
  requestId?: number | null;
  licenseId?: number | null;
};

const insertMail = preparedFor((db) =>
  db
    .insert(outbox)
    .values({ ...placeholders(['to', 'subject', 'text', 'kind', 'requestId', 'licenseId']), status: 'pending' })
    .prepare(),
);

/**
 * Queues a mail inside the caller's transaction (pass its `tx`): it exists exactly when the change
 * does. A plain-text mail goes in through a statement prepared once per connection.
 */
export function enqueueMail(tx: Conn, mail: Mail): void {
  if (!mail.html) insertMail(tx).run({ requestId: null, licenseId: null, ...mail });
  else
    tx.insert(outbox)
      .values({ ...mail, status: 'pending' })
      .run();
}

export const MAX_ATTEMPTS = 5;

/** How long a scheduled run waits, so that a burst of changes is delivered by one run. */
export const DELIVERY_DELAY_MS = 50;

// Only new mail on the extra rounds of a run: a failure is not hammered again at once.
const mailJob = coalescingJob(
  'mail',
  (db, first) => run(db, first ? ['pending', 'failed'] : ['pending']),
  DELIVERY_DELAY_MS,
);

/**
 * Sends what is pending (SMTP when configured, else marks it logged and prints it). Runs after
 * commits; one run at a time per process, and a call during a run makes it go round once more,
 * so the returned promise covers the caller's mail (lib/jobs/coalesce.ts). A failure is recorded
 * and retried on a later run, up to MAX_ATTEMPTS, then the row stays `failed` for staff to retry
 * from /admin/outbox. Scripts and tests await it; request handlers use scheduleDelivery.
 */
export function deliverPending(db: Db = getDb()): Promise<void> {
  return mailJob.run(db);
}

/**
 * Asks for a delivery run soon, off the caller's path: at most one timer per process, however
 * many changes arrive meanwhile. The mail is already committed in the outbox, so a run that
 * never happens (the process stops) only delays it until the next run.
 */
export function scheduleDelivery(db: Db = getDb()): void {
  mailJob.schedule(db);
}

/** Runs the scheduled delivery now (tests, shutdown) and resolves when it is done. */
export function flushDelivery(): Promise<void> {
  return mailJob.flush();
}

export const BATCH_SIZE = 100;

/**
 * The oldest due mails of one status. Asked per status so that it walks the (status, id) index:
 * with `status in (…)` SQLite scans the whole table in id order, and the outbox only grows
 * (every submission leaves its mails behind, logged or sent).
 */
export const dueMailsQuery = preparedFor((db) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, sql.placeholder('status')), lt(outbox.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(outbox.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

export function dueMails(db: Db, statuses: readonly ('pending' | 'failed')[], limit = BATCH_SIZE): OutboxMail[] {
  const rows = statuses.flatMap((status) => dueMailsQuery(db).all({ status, limit }));
  return statuses.length > 1 ? rows.sort((a, b) => a.id - b.id).slice(0, limit) : rows;
}

const markLogged = preparedFor((db) =>
  db
    .update(outbox)
    .set({ status: 'logged', attempts: sql`${outbox.attempts} + 1`, sentAt: sql`${sql.placeholder('sentAt')}` })
    .where(inArray(outbox.id, sql`(select value from json_each(${sql.placeholder('ids')}))`))
    .prepare(),
);

/** Delivers one batch; true when the batch was full, so more may be waiting. */
async function run(db: Db, statuses: ('pending' | 'failed')[]): Promise<boolean> {
  const rows = dueMails(db, statuses);
  if (!smtpConfigured()) {
    // One statement for the whole batch: per-row writes cost more than the logging.
    if (rows.length)
      markLogged(db).run({ sentAt: new Date().toISOString(), ids: JSON.stringify(rows.map((r) => r.id)) });
    for (const row of rows)
      console.log(`[mail] to=${row.to} subject=${JSON.stringify(row.subject)} (no SMTP_URL: kept in outbox)`);
    return rows.length === BATCH_SIZE;
  }
  for (const row of rows) {
    try {
      await sendMail({ to: row.to, subject: row.subject, text: row.text, ...(row.html ? { html: row.html } : {}) });
      db.update(outbox)
        .set({ status: 'sent', attempts: row.attempts + 1, sentAt: new Date().toISOString(), lastError: null })
        .where(eq(outbox.id, row.id))
        .run();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`[mail] sending #${row.id} failed: ${message}`);
      db.update(outbox)
        .set({ status: 'failed', attempts: row.attempts + 1, lastError: message })
        .where(eq(outbox.id, row.id))
        .run();
    }
  }
  return rows.length === BATCH_SIZE;
}

/** Staff retry: back to pending with a fresh attempt budget. */
export function retryMail(id: number, db: Db = getDb()): boolean {
  const res = db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, lastError: null })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ['failed', 'pending'])))
    .run();
  if (res.changes > 0) void deliverPending(db);
  return res.changes > 0;
}
