import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import { deliverPending, enqueueMail, MAX_ATTEMPTS, retryMail } from '@/lib/mail/outbox';
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
  db.transaction((tx) => enqueueMail(tx, { to: 'someone@example.org', subject, text: `Body of ${subject}`, kind: 'test' }));
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
