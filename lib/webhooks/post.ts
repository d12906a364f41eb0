import 'server-only';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { refusedAddress } from '@/lib/feeds/address';
import { guardedLookup } from '@/lib/feeds/fetch';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Hosts a test receiver may listen on. Only these, only over http, and only when WEBHOOKS_ALLOW_LOCAL=1
 * (the tests' flag): otherwise an endpoint is https and its host must resolve to public addresses.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
export const localWebhooksAllowed = () => process.env.WEBHOOKS_ALLOW_LOCAL === '1';

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');
const isLocalTestUrl = (url: URL) => localWebhooksAllowed() && LOOPBACK_HOSTS.has(bareHost(url));

/** Why an endpoint address cannot be registered, or null. Checked again (with DNS) on every delivery. */
export function endpointUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full address starting with https://.';
  }
  if (url.username || url.password) return 'Addresses with a user name or password are not supported.';
  if (isLocalTestUrl(url)) return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'Use https://.';
  if (url.protocol !== 'https:') return 'Webhook endpoints must use https://.';
  const host = bareHost(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'Webhooks cannot be sent to this machine.';
  if (net.isIP(host) && refusedAddress(host))
    return `${host} is a ${refusedAddress(host)} address; webhooks go to public addresses only.`;
  return null;
}

export type PostOutcome = { statusCode: number | null; error: string | null; durationMs: number };

/**
 * POSTs one webhook. Redirects are not followed (a 3xx is a failure, as the spec asks); every address
 * the host resolves to is checked by the socket's own lookup (lib/feeds/fetch.ts), so a DNS answer
 * cannot swap in a private address after the check. Never throws.
 */
export function postWebhook(target: string, body: string, headers: Record<string, string>): Promise<PostOutcome> {
  const started = Date.now();
  const outcome = (statusCode: number | null, error: string | null): PostOutcome => ({
    statusCode,
    error,
    durationMs: Date.now() - started,
  });
  const problem = endpointUrlProblem(target);
  if (problem) return Promise.resolve(outcome(null, problem));
  const url = new URL(target);
  const allowPrivate = isLocalTestUrl(url);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (o: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(o);
    };
    const timer = setTimeout(
      () => finish(outcome(null, `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.`)),
      WEBHOOK_TIMEOUT_MS,
    );
    const req = lib.request(
      url,
      {
        method: 'POST',
        // A fresh connection per request, so a pooled socket never skips the lookup.
        agent: false,
        lookup: guardedLookup(allowPrivate),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'RepublishDesk-Webhooks/1',
        },
      },
      (res) => {
        res.resume(); // the answer's body is not needed; its status is
        res.on('end', () => finish(outcome(res.statusCode ?? null, null)));
        res.on('error', () => finish(outcome(res.statusCode ?? null, null)));
      },
    );
    req.on('error', (e) => finish(outcome(null, e.message.slice(0, 300))));
    req.end(body);
  });
}
