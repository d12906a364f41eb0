import { and, eq, inArray, lt } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { outbox } from '@/db/schema';
import { sendMail, smtpConfigured } from './transport';

export type Mail = {
  to: string;
  subject: string;
  text: string;
  kind: string;
  requestId?: number | null;
  licenseId?: number | null;
};

type Tx = Pick<Db, 'insert'>;

/** Queues a mail inside the caller's transaction: it exists exactly when the change does. */
export function enqueueMail(tx: Tx, mail: Mail): void {
  tx.insert(outbox).values({ ...mail, status: 'pending' }).run();
}

export const MAX_ATTEMPTS = 5;

let delivering: Promise<void> | null = null;
/** Set when someone asks for delivery during a run: their mail may have been queued after its query. */
let rerun: Db | null = null;

/**
 * Sends what is pending (SMTP when configured, else marks it logged and prints it). Runs after
 * commits; one run at a time per process, and a call during a run makes it go round once more,
 * so the returned promise covers the caller's mail. A failure is recorded and retried on a later
 * run, up to MAX_ATTEMPTS, then the row stays `failed` for staff to retry from /admin/outbox.
 */
export function deliverPending(db: Db = getDb()): Promise<void> {
  if (delivering) {
    rerun = db;
    return delivering;
  }
  delivering = (async () => {
    try {
      await run(db, ['pending', 'failed']);
      // Only new mail on the extra rounds: a failure is not hammered again at once.
      for (let next = rerun; next; next = rerun) {
        rerun = null;
        await run(next, ['pending']);
      }
    } catch (e) {
      // Callers fire and forget; the rows stay pending for the next run.
      console.error('[mail] delivery run failed', e);
    } finally {
      delivering = null;
      rerun = null;
    }
  })();
  return delivering;
}

async function run(db: Db, statuses: ('pending' | 'failed')[]): Promise<void> {
  const rows = db
    .select()
    .from(outbox)
    .where(and(inArray(outbox.status, statuses), lt(outbox.attempts, MAX_ATTEMPTS)))
    .orderBy(outbox.id)
    .limit(100)
    .all();
  if (!smtpConfigured()) {
    // One write transaction for the whole batch: per-row commits cost more than the logging.
    const sentAt = new Date().toISOString();
    db.transaction((tx) => {
      for (const row of rows) tx.update(outbox).set({ status: 'logged', attempts: row.attempts + 1, sentAt }).where(eq(outbox.id, row.id)).run();
    });
    for (const row of rows) console.log(`[mail] to=${row.to} subject=${JSON.stringify(row.subject)} (no SMTP_URL: kept in outbox)`);
    return;
  }
  for (const row of rows) {
    try {
      await sendMail({ to: row.to, subject: row.subject, text: row.text });
      db.update(outbox).set({ status: 'sent', attempts: row.attempts + 1, sentAt: new Date().toISOString(), lastError: null }).where(eq(outbox.id, row.id)).run();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`[mail] sending #${row.id} failed: ${message}`);
      db.update(outbox).set({ status: 'failed', attempts: row.attempts + 1, lastError: message }).where(eq(outbox.id, row.id)).run();
    }
  }
}

/** Staff retry: back to pending with a fresh attempt budget. */
export async function retryMail(id: number, db: Db = getDb()): Promise<boolean> {
  const res = db.update(outbox).set({ status: 'pending', attempts: 0, lastError: null }).where(and(eq(outbox.id, id), inArray(outbox.status, ['failed', 'pending']))).run();
  if (res.changes > 0) void deliverPending(db);
  return res.changes > 0;
}
