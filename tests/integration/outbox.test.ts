import { count, eq, Placeholder } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import {
  BATCH_SIZE,
  deliverPending,
  DELIVERY_DELAY_MS,
  dueMails,
  dueMailsQuery,
  enqueueMail,
  flushDelivery,
  MAX_ATTEMPTS,
  retryMail,
  scheduleDelivery,
} from '@/lib/mail/outbox';
import { freshDb } from '../helpers/db';
import { freePort } from '../helpers/server';

let db: Db;
const received: { to: string[]; data: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;
/** Milliseconds the test server waits before accepting a message (to catch overlapping runs). */
let delay = 0;

beforeAll(async () => {
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        setTimeout(() => callback(), delay);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const saved = process.env.SMTP_URL;
beforeEach(() => {
  db = freshDb();
  received.length = 0;
  delay = 0;
  delete process.env.SMTP_URL;
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  if (saved === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved;
});

function queue(subject: string) {
  db.transaction((tx) =>
    enqueueMail(tx, { to: 'someone@example.org', subject, text: `Body of ${subject}`, kind: 'test' }),
  );
  return db.select().from(outbox).where(eq(outbox.subject, subject)).get()!;
}
const row = (id: number) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;

describe('outbox delivery', () => {
  it('without SMTP_URL keeps the mail, marks it logged and prints it', async () => {
    const m = queue('Logged only');
    await deliverPending(db);
    expect(row(m.id)).toMatchObject({ status: 'logged', attempts: 1, lastError: null });
    expect(row(m.id).sentAt).toBeTruthy();
    expect(console.log).toHaveBeenCalledWith(expect.stringContaining('Logged only'));
    await deliverPending(db);
    expect(row(m.id).attempts).toBe(1);
  });

  it('a failed send is marked, kept and retried on the next run; it is sent once a server answers', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`; // nothing listens there
    const m = queue('Try again');
    await deliverPending(db);
    const failed = row(m.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    await deliverPending(db);
    expect(row(m.id)).toMatchObject({ status: 'failed', attempts: 2 });

    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    await deliverPending(db);
    expect(row(m.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['someone@example.org']);
    expect(received[0]!.data).toContain('Subject: Try again');
  });

  it('sends through SMTP and never sends a row twice', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    const a = queue('First');
    const b = queue('Second');
    await Promise.all([deliverPending(db), deliverPending(db)]);
    await deliverPending(db);
    expect([row(a.id).status, row(b.id).status]).toEqual(['sent', 'sent']);
    expect(received).toHaveLength(2);
  });

  it('a mail queued while a run is sending is delivered by the run that was asked for it', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    delay = 300;
    const a = queue('Early');
    const first = deliverPending(db);
    const b = queue('Late');
    await deliverPending(db);
    await first;
    expect(row(a.id).status).toBe('sent');
    expect(row(b.id).status).toBe('sent');
  });

  it('gives up after the attempt budget and a staff retry starts it again', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const m = queue('Hopeless');
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await deliverPending(db);
    expect(row(m.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    await deliverPending(db);
    expect(row(m.id).status).toBe('failed');
    expect(await retryMail(m.id, db)).toBe(true);
    await deliverPending(db);
    expect(row(m.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('finding due mail', () => {
  it('walks the (status, id) index, never the whole outbox, and needs no sort', () => {
    const { sql, params } = dueMailsQuery(db).getQuery();
    const values: Record<string, unknown> = { status: 'pending', limit: BATCH_SIZE };
    const bound = params.map((p) => (p instanceof Placeholder ? values[p.name] : p));
    const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...bound) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH outbox USING INDEX outbox_status \(status=\?\)/);
    expect(plan).not.toMatch(/SCAN outbox|TEMP B-TREE/);
  });

  it('takes the oldest pending and failed mails with attempts left, in id order, up to the limit', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'].map((s) => queue(s).id);
    db.update(outbox).set({ status: 'logged' }).where(eq(outbox.id, ids[0]!)).run();
    db.update(outbox).set({ status: 'failed', attempts: 2 }).where(eq(outbox.id, ids[1]!)).run();
    db.update(outbox).set({ status: 'failed', attempts: MAX_ATTEMPTS }).where(eq(outbox.id, ids[2]!)).run();
    expect(dueMails(db, ['pending', 'failed']).map((m) => m.id)).toEqual([ids[1], ids[3], ids[4]]);
    expect(dueMails(db, ['pending', 'failed'], 2).map((m) => m.id)).toEqual([ids[1], ids[3]]);
    expect(dueMails(db, ['pending']).map((m) => m.id)).toEqual([ids[3], ids[4]]);
  });

  it('one awaited run delivers a backlog larger than a batch', async () => {
    db.transaction((tx) => {
      for (let i = 0; i < BATCH_SIZE * 2 + 5; i++)
        enqueueMail(tx, { to: 'someone@example.org', subject: `Backlog ${i}`, text: 'x', kind: 'test' });
    });
    await deliverPending(db);
    expect(db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending')).get()!.n).toBe(0);
  });
});

describe('scheduled delivery', () => {
  afterEach(() => vi.useRealTimers());

  it('is off the caller’s path and a burst of changes shares one timer and one run', async () => {
    vi.useFakeTimers();
    const mails = ['One', 'Two', 'Three'].map((s) => {
      const m = queue(s);
      scheduleDelivery(db);
      return m;
    });
    expect(vi.getTimerCount()).toBe(1);
    expect(mails.map((m) => row(m.id).status)).toEqual(['pending', 'pending', 'pending']);
    await vi.advanceTimersByTimeAsync(DELIVERY_DELAY_MS);
    expect(mails.map((m) => row(m.id).status)).toEqual(['logged', 'logged', 'logged']);
    expect(new Set(mails.map((m) => row(m.id).sentAt)).size).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flushDelivery delivers at once, and skips a database the caller already closed', async () => {
    const m = queue('Flushed');
    scheduleDelivery(db);
    await flushDelivery();
    expect(row(m.id).status).toBe('logged');
    const other = freshDb();
    other.transaction((tx) =>
      enqueueMail(tx, { to: 'someone@example.org', subject: 'Closed', text: 'x', kind: 'test' }),
    );
    scheduleDelivery(other);
    other.$client.close();
    await flushDelivery();
    expect(console.error).not.toHaveBeenCalled();
  });
});
