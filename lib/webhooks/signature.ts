import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Standard Webhooks (https://www.standardwebhooks.com): the desk signs `id.timestamp.body` with
 * HMAC-SHA256 under the endpoint's secret (`whsec_` + base64 of the key bytes) and sends
 *   webhook-id: msg_…          the same on every retry of one notice
 *   webhook-timestamp: 1767…   seconds, the time of this attempt
 *   webhook-signature: v1,<base64 signature>
 * Pure (no database, no server-only): receivers may copy verifyWebhook, and the tests use it.
 */

export const SECRET_PREFIX = 'whsec_';
/** How far a receiver lets a timestamp stray from its clock before refusing (the spec's 5 minutes). */
export const TOLERANCE_SECONDS = 5 * 60;

export const newWebhookSecret = () => SECRET_PREFIX + randomBytes(32).toString('base64');

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export type WebhookHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };

export function signedHeaders(secret: string, id: string, body: string, now = new Date()): WebhookHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, body),
  };
}

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;
const header = (h: HeaderSource, name: string): string | undefined => {
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
};

export type VerifyOptions = {
  now?: Date;
  toleranceSeconds?: number;
  /**
   * The ids already accepted (within the tolerance window): a repeat is refused as a replay. A Set
   * will do in one process; pass anything with has/add (a table, Redis) across several.
   */
  seen?: { has(id: string): boolean; add(id: string): unknown };
};

/**
 * What a receiver runs on every POST, before trusting the body: the signature over the exact raw
 * body, a timestamp within the tolerance (a stale or future one is refused, so a captured request
 * cannot be replayed later), and, with `seen`, an id not accepted before. Returns the parsed body.
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  rawBody: string,
  opts: VerifyOptions = {},
): unknown {
  const id = header(headers, 'webhook-id');
  const ts = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !ts || !signatures) throw new WebhookVerificationError('Missing webhook headers.');
  if (!/^\d{1,12}$/.test(ts)) throw new WebhookVerificationError('Bad timestamp.');
  const timestamp = Number(ts);
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const tolerance = opts.toleranceSeconds ?? TOLERANCE_SECONDS;
  if (now - timestamp > tolerance) throw new WebhookVerificationError('Timestamp too old.');
  if (timestamp - now > tolerance) throw new WebhookVerificationError('Timestamp in the future.');

  const expected = Buffer.from(sign(secret, id, timestamp, rawBody).slice(3), 'base64');
  // Several space-separated signatures may come (during a secret rotation): any valid v1 will do.
  const ok = signatures.split(' ').some((s) => {
    const [version, value] = s.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new WebhookVerificationError('No matching signature.');
  if (opts.seen) {
    if (opts.seen.has(id)) throw new WebhookVerificationError('Already received (replay).');
    opts.seen.add(id);
  }
  return JSON.parse(rawBody) as unknown;
}
