import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { licenseRequests, webhookAttempts, webhookDeliveries, type License } from '@/db/schema';
import { webhookPayload } from '@/lib/api/schemas';
import { markArticle } from '@/lib/licenses/notices';
import { transition } from '@/lib/requests/transition';
import { BACKOFF_SECONDS, deliverDueWebhooks, flushWebhooks } from '@/lib/webhooks/deliver';
import {
  addEndpoint,
  deliveryLog,
  listEndpoints,
  removeEndpoint,
  retryWebhookDelivery,
} from '@/lib/webhooks/endpoints';
import { noticesSince } from '@/lib/webhooks/notices';
import { endpointUrlProblem } from '@/lib/webhooks/post';
import { signedHeaders, verifyWebhook, WebhookVerificationError } from '@/lib/webhooks/signature';
import { toPublicUser } from '@/lib/auth/users';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A real receiver on 127.0.0.1 that answers the statuses it is given, then 200. */
function receiver() {
  const got: Received[] = [];
  const plan: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = plan.shift() ?? 200;
      res.end('ok');
    });
  });
  return {
    got,
    plan,
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
  };
}

let r: ReturnType<typeof receiver>;
beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_LOCAL = '1';
  r = receiver();
  await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', ok));
});
afterAll(async () => {
  delete process.env.WEBHOOKS_ALLOW_LOCAL;
  await new Promise((ok) => r.server.close(ok));
});

const today = () => new Date().toISOString().slice(0, 10);
let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
let secret: string;
beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = (await submit(db, d.publisher, ['first-story'], { startDate: today(), audience: 1000 })).license!;
  secret = addEndpoint({ url: r.url() }, d.publisher, db).secret;
  r.got.length = 0;
  r.plan.length = 0;
});
afterEach(() => flushWebhooks());

describe('webhooks', () => {
  it('a withdrawal reaches the receiver at once: one POST, signed per Standard Webhooks, ninjs canceled', async () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await markArticle(d.articleIds[0]!, 'withdrawn', 'Legal reasons', d.staff, db);
    await flushWebhooks(); // what the 50 ms timer after the commit does
    expect(r.got).toHaveLength(1);
    const { headers, body } = r.got[0]!;
    const payload = webhookPayload.parse(verifyWebhook(secret, headers as Record<string, string>, body));
    expect(payload.type).toBe('notice.withdrawal');
    expect(payload.data).toMatchObject({ pubStatus: 'canceled', description_text: 'Legal reasons' });
    expect(payload.data.license.code).toBe(license.code);
    expect(payload.data.takeDown?.required).toBe(true);
    expect(headers['webhook-id']).toMatch(/^msg_/);
    // The wrong secret, or a changed body, does not verify.
    expect(() => verifyWebhook(`whsec_${Buffer.alloc(32).toString('base64')}`, headers as never, body)).toThrow(
      WebhookVerificationError,
    );
    expect(() => verifyWebhook(secret, headers as never, body.replace('Legal', 'Legit'))).toThrow(/signature/);
    const [delivery] = deliveryLog(d.org.id, db);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(delivery!.log).toHaveLength(1);
    // Staff see every organisation's deliveries (/admin/outbox); another organisation sees none of these.
    expect(deliveryLog(null, db)).toEqual([delivery]);
    expect(deliveryLog(makeOrg(db).id, db)).toEqual([]);
  });

  it('staff withdraw an article: within seconds, with no one flushing, one signed canceled notice, and the feed lists it', async () => {
    const started = Date.now();
    await markArticle(d.articleIds[0]!, 'withdrawn', 'Legal reasons', d.staff, db);
    // Only the timer the commit armed sends it (scheduleWebhooks): as a running server does.
    while (r.got.length === 0 && Date.now() - started < 5000) await new Promise((ok) => setTimeout(ok, 20));
    expect(r.got).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
    const payload = webhookPayload.parse(verifyWebhook(secret, r.got[0]!.headers as never, r.got[0]!.body));
    expect(payload.data).toMatchObject({ type: 'withdrawal', pubStatus: 'canceled', takeDown: { required: true } });
    const feed = noticesSince(d.org.id, 0, 10, db).items;
    expect(feed.map((n) => n.id)).toEqual([payload.data.id]);
    expect(feed[0]).toEqual(payload.data);
    // And only one: a second run finds nothing more to send.
    await deliverDueWebhooks(db, new Date(Date.now() + 3600_000));
    expect(r.got).toHaveLength(1);
  });

  it('a receiver that fails twice gets it on the third try, with the same webhook-id and body', async () => {
    r.plan.push(500, 503);
    await markArticle(d.articleIds[0]!, 'corrected', 'A date was wrong', d.staff, db);
    // The clock starts after the notice is written: a notice stamped a millisecond after an earlier
    // t0 is not yet due at t0 (this flaked on a loaded CI machine).
    const t0 = new Date();
    await deliverDueWebhooks(db, t0);
    expect(r.got).toHaveLength(1);
    // Not due yet: nothing is sent before the backoff.
    await deliverDueWebhooks(db, new Date(t0.getTime() + 1000));
    expect(r.got).toHaveLength(1);
    await deliverDueWebhooks(db, new Date(t0.getTime() + BACKOFF_SECONDS[0]! * 1000));
    expect(r.got).toHaveLength(2);
    const t2 = new Date(t0.getTime() + (BACKOFF_SECONDS[0]! + BACKOFF_SECONDS[1]!) * 1000);
    await deliverDueWebhooks(db, t2);
    expect(r.got).toHaveLength(3);
    expect(new Set(r.got.map((g) => g.headers['webhook-id'])).size).toBe(1);
    expect(new Set(r.got.map((g) => g.body)).size).toBe(1);
    // Each attempt is signed for its own time; the last one verifies at that time.
    verifyWebhook(secret, r.got[2]!.headers as never, r.got[2]!.body, { now: t2 });
    const rows = db.select().from(webhookAttempts).all();
    expect(rows.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(db.select().from(webhookDeliveries).get()).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('gives up after 24 hours — kept as failed with every attempt logged, never dropped', async () => {
    r.plan.push(...Array(50).fill(500));
    await markArticle(d.articleIds[0]!, 'corrected', 'x', d.staff, db);
    let t = new Date();
    for (let i = 0; i < 30; i += 1) {
      await deliverDueWebhooks(db, t);
      const row = db.select().from(webhookDeliveries).get()!;
      if (row.status !== 'pending') break;
      t = new Date(row.nextAttemptAt);
    }
    const row = db.select().from(webhookDeliveries).get()!;
    expect(row.status).toBe('failed');
    // The last try was on the 24-hour mark of the notice.
    expect(t.getTime() - new Date(row.createdAt).getTime()).toBe(24 * 3600_000);
    expect(db.select().from(webhookAttempts).all()).toHaveLength(row.attempts);
    r.plan.length = 0;
    // Staff (or the organisation's owners) send it again: the same webhook-id, delivered now.
    const member = toPublicUser(makeUser(db, { organizationId: d.org.id, orgRole: 'member' }));
    expect(() => retryWebhookDelivery(row.id, member, db)).toThrow(/Only the owners/);
    expect(retryWebhookDelivery(row.id, d.staff, db)).toMatch(/queued again/);
    await deliverDueWebhooks(db, new Date());
    expect(db.select().from(webhookDeliveries).get()).toMatchObject({ status: 'delivered', webhookId: row.webhookId });
    expect(r.got.at(-1)!.headers['webhook-id']).toBe(row.webhookId);
  });

  it('revocation and expiry are notices too; a removed endpoint gets nothing new', async () => {
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.id, license.requestId)).get()!;
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'Unpaid' },
      d.staff,
      db,
    );
    await flushWebhooks();
    const payload = webhookPayload.parse(JSON.parse(r.got[0]!.body));
    expect(payload.data).toMatchObject({ type: 'revocation', pubStatus: 'canceled', license: { status: 'revoked' } });
    const [endpoint] = listEndpoints(d.org.id, db);
    removeEndpoint(endpoint!.id, d.publisher, db);
    await markArticle(d.articleIds[0]!, 'corrected', 'x', d.staff, db);
    await flushWebhooks();
    expect(r.got).toHaveLength(1);
  });
});

describe('a removed endpoint', () => {
  it('gets nothing more: its waiting retries give up, and a retry by staff or owners is refused', async () => {
    r.plan.push(500);
    await markArticle(d.articleIds[0]!, 'corrected', 'A date was wrong', d.staff, db);
    const t0 = new Date();
    await deliverDueWebhooks(db, t0);
    expect(r.got).toHaveLength(1);
    const [endpoint] = listEndpoints(d.org.id, db);
    removeEndpoint(endpoint!.id, d.publisher, db);
    const row = db.select().from(webhookDeliveries).get()!;
    expect(row).toMatchObject({ status: 'failed', lastError: 'Endpoint removed.' });
    // The owner removed the address: nothing may reach it again, not even a retry of what gave up.
    expect(() => retryWebhookDelivery(row.id, d.staff, db)).toThrow(/removed/);
    expect(() => retryWebhookDelivery(row.id, d.publisher, db)).toThrow(/removed/);
    // Even a row left pending (written by an older version, or a race with the removal) is not sent.
    db.update(webhookDeliveries).set({ status: 'pending', nextAttemptAt: t0.toISOString() }).run();
    await deliverDueWebhooks(db, new Date(t0.getTime() + 3600_000));
    expect(r.got).toHaveLength(1);
  });
});

describe('verifyWebhook (the receiver side)', () => {
  const body = JSON.stringify({ hello: 'world' });
  it('refuses stale and future timestamps and replays', () => {
    const now = new Date();
    const h = signedHeaders(secret, 'msg_1', body, now);
    expect(verifyWebhook(secret, h, body, { now })).toEqual({ hello: 'world' });
    const stale = signedHeaders(secret, 'msg_2', body, new Date(now.getTime() - 6 * 60_000));
    expect(() => verifyWebhook(secret, stale, body, { now })).toThrow(/too old/);
    const future = signedHeaders(secret, 'msg_3', body, new Date(now.getTime() + 6 * 60_000));
    expect(() => verifyWebhook(secret, future, body, { now })).toThrow(/future/);
    const seen = new Set<string>();
    verifyWebhook(secret, h, body, { now, seen });
    expect(() => verifyWebhook(secret, h, body, { now, seen })).toThrow(/replay/);
    // A fresh timestamp on a captured signature does not help: the timestamp is signed.
    const forged = { ...h, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000) + 1) };
    expect(() => verifyWebhook(secret, forged, body, { now })).toThrow(/signature/);
    expect(() => verifyWebhook(secret, {}, body)).toThrow(/Missing/);
  });
});

describe('endpoint addresses', () => {
  it('https only, no private addresses; local http only with the test flag', () => {
    expect(endpointUrlProblem('https://hooks.example.com/desk')).toBeNull();
    expect(endpointUrlProblem('http://hooks.example.com/desk')).toMatch(/https/);
    for (const bad of ['https://10.0.0.5/x', 'https://169.254.169.254/', 'https://192.168.1.1/', 'ftp://x.example/'])
      expect(endpointUrlProblem(bad), bad).not.toBeNull();
    expect(endpointUrlProblem('https://user:pw@hooks.example.com/')).toMatch(/user name/);
    expect(endpointUrlProblem('http://127.0.0.1:9999/x')).toBeNull(); // the flag is set in this file
    delete process.env.WEBHOOKS_ALLOW_LOCAL;
    try {
      expect(endpointUrlProblem('http://127.0.0.1:9999/x')).toMatch(/https/);
      expect(endpointUrlProblem('https://127.0.0.1:9999/x')).toMatch(/loopback/);
      expect(endpointUrlProblem('https://localhost/x')).not.toBeNull();
      expect(endpointUrlProblem('https://[::1]/x')).toMatch(/loopback/);
    } finally {
      process.env.WEBHOOKS_ALLOW_LOCAL = '1';
    }
  });

  it('only owners add or remove endpoints', () => {
    const member = toPublicUser(makeUser(db, { organizationId: d.org.id, orgRole: 'member' }));
    expect(() => addEndpoint({ url: 'https://hooks.example.com/' }, member, db)).toThrow(/Only the owners/);
    expect(() => addEndpoint({ url: 'https://hooks.example.com/' }, d.staff, db)).toThrow(/Only the owners/);
  });
});
