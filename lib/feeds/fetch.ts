import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { refusedAddress } from './address';

export const FEED_TIMEOUT_MS = 20_000;
export const FEED_MAX_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export type FetchOptions = {
  etag?: string | null;
  lastModified?: string | null;
  /** Admin setting: private, loopback and link-local targets allowed (a feed on the intranet; tests). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
};

export type FetchResult =
  | { kind: 'unchanged'; status: 304; url: string }
  | {
      kind: 'fetched';
      status: number;
      url: string;
      body: string;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    };

/** The feed could not be fetched; the message is safe to show staff and to log. */
export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

/** A feed URL staff may register: http(s), no credentials. Returns the reason it is not, or null. */
export function feedUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full address starting with https:// or http://.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only http and https feeds can be polled.';
  if (url.username || url.password) return 'Feed addresses with a user name or password are not supported.';
  return null;
}

/**
 * The address check, run by the socket itself: every name is resolved here and every address it
 * resolves to must be public, so a DNS answer that changes between a check and the connection
 * (DNS rebinding) cannot reach a private address — there is no earlier check to fool.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      if (!allowPrivate) {
        const refused = list.find((a) => refusedAddress(a.address));
        if (refused) {
          const e = new FeedFetchError(
            `${hostname} resolves to ${refused.address} (${refusedAddress(refused.address)}), which the desk does not fetch from.`,
          );
          return callback(e as NodeJS.ErrnoException, '', 0);
        }
      }
      if (!list.length)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * Fetches a feed with a conditional GET. Follows up to five redirects, each to http(s) and each
 * checked like the first; gives up after the timeout (whole exchange) and past the size limit
 * (after decompression). Throws FeedFetchError.
 */
export async function fetchFeed(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const deadline = Date.now() + (opts.timeoutMs ?? FEED_TIMEOUT_MS);
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const problem = feedUrlProblem(current);
    if (problem) throw new FeedFetchError(hop ? `Redirected to ${current.slice(0, 200)}: ${problem}` : problem);
    const res = await request(new URL(current), opts, deadline);
    if (res.kind === 'redirect') {
      current = new URL(res.location, current).toString();
      continue;
    }
    return { ...res, url: current } as FetchResult;
  }
  throw new FeedFetchError(`More than ${MAX_REDIRECTS} redirects.`);
}

type Hop =
  | { kind: 'redirect'; location: string }
  | { kind: 'unchanged'; status: 304 }
  | {
      kind: 'fetched';
      status: number;
      body: string;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    };

function request(url: URL, opts: FetchOptions, deadline: number): Promise<Hop> {
  const allowPrivate = !!opts.allowPrivate;
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address literal never goes through lookup, so it is judged here.
  if (net.isIP(host) && !allowPrivate) {
    const why = refusedAddress(host);
    if (why)
      return Promise.reject(new FeedFetchError(`${host} is a ${why} address, which the desk does not fetch from.`));
  }
  const headers: Record<string, string> = {
    'user-agent': 'RepublishDesk-FeedPoller/1',
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const lib = url.protocol === 'https:' ? https : http;

  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(e instanceof FeedFetchError ? e : new FeedFetchError(describe(e)));
    };
    const done = (hop: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(hop);
    };
    const timer = setTimeout(
      () =>
        fail(
          new FeedFetchError(`No complete answer within ${Math.round((opts.timeoutMs ?? FEED_TIMEOUT_MS) / 1000)} s.`),
        ),
      Math.max(0, deadline - Date.now()),
    );
    // agent: false — a fresh connection per request, so a pooled socket never skips the lookup.
    const req = lib.get(url, { headers, agent: false, lookup: guardedLookup(allowPrivate) }, (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const v = res.headers[name];
        return (Array.isArray(v) ? v[0] : v) ?? null;
      };
      if (status >= 300 && status < 400 && status !== 304) {
        res.resume();
        const location = header('location');
        return location
          ? done({ kind: 'redirect', location })
          : fail(new FeedFetchError(`HTTP ${status} without a Location.`, status));
      }
      if (status === 304) {
        res.resume();
        return done({ kind: 'unchanged', status: 304 });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return fail(new FeedFetchError(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}.`, status));
      }
      const declared = Number(header('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes && !header('content-encoding')) {
        return fail(new FeedFetchError(`The feed is larger than ${formatBytes(maxBytes)}.`, status));
      }
      let stream: Readable = res;
      const encoding = (header('content-encoding') ?? '').toLowerCase().trim();
      if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
      else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
      else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
      else if (encoding && encoding !== 'identity')
        return fail(new FeedFetchError(`Unsupported Content-Encoding ${encoding}.`, status));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Counted after decompression: a small gzip bomb is stopped like a large file.
        if (size > maxBytes) fail(new FeedFetchError(`The feed is larger than ${formatBytes(maxBytes)}.`, status));
        else chunks.push(chunk);
      });
      stream.on('error', fail);
      res.on('error', fail);
      stream.on('end', () => {
        const contentType = header('content-type');
        done({
          kind: 'fetched',
          status,
          body: decode(Buffer.concat(chunks), contentType),
          contentType,
          etag: header('etag'),
          lastModified: header('last-modified'),
        });
      });
    });
    req.on('error', fail);
  });
}

function decode(buf: Buffer, contentType: string | null): string {
  const charset = /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf); // unknown charset label
  }
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name does not resolve (${err.code}).`;
    case 'ECONNREFUSED':
      return 'The server refused the connection.';
    case 'ECONNRESET':
      return 'The server closed the connection.';
    default:
      return err?.message ? `Could not fetch the feed: ${err.message}` : 'Could not fetch the feed.';
  }
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
