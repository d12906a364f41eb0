import { jsonError } from '@/lib/errors';
import { siteUrl } from '@/lib/site';

// JSON error bodies and the domain-error translator live in lib/errors.ts (one error model).
export { jsonError };

/** Body limits per route handler, in bytes: far above any real body, far below what hurts. */
export const BODY_LIMITS = {
  /** 20 slugs and a few options. */
  quote: 16 * 1024,
  /** The same plus a publication, notes (4,000 characters) and a key. */
  requests: 64 * 1024,
} as const;

type BodyResult<T> = { ok: true; body: T } | { ok: false; response: Response };

const tooLarge = (limit: number) => ({
  ok: false as const,
  response: jsonError(413, `Request body too large: at most ${Math.floor(limit / 1024)} KB.`),
});

/**
 * The one way route handlers read a body (issue 13 item 5). `req.text()`/`req.json()` buffer
 * everything before anyone can look at the size, so a few large posts exhaust memory. This
 * refuses a declared Content-Length above the limit without reading, and otherwise streams the
 * body counting bytes and stops at the limit (a lying or absent Content-Length, chunked
 * uploads): at most `limit` bytes are ever held.
 */
export async function readBodyText(req: Request, limit: number): Promise<BodyResult<string>> {
  const declared = req.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > limit)) return tooLarge(limit);
  if (!req.body) return { ok: true, body: '' };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop the upload: nothing more is read or kept.
      await reader.cancel().catch(() => {});
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  return { ok: true, body: Buffer.concat(chunks).toString('utf8') };
}

/** Reads a JSON body of at most `limit` bytes: 413 when larger, 400 when it is not JSON. */
export async function readJson(req: Request, limit: number): Promise<BodyResult<unknown>> {
  const text = await readBodyText(req, limit);
  if (!text.ok) return text;
  try {
    return { ok: true, body: JSON.parse(text.body) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, 'Malformed JSON: send a JSON object.') };
  }
}

/** The origins a same-site call comes from: the site's configured URL and the address asked. */
function ownOrigins(req: Request): Set<string> {
  const out = new Set<string>();
  for (const url of [siteUrl(), req.url]) {
    try {
      out.add(new URL(url).origin);
    } catch {
      // an unparsable URL adds nothing
    }
  }
  return out;
}

/**
 * Cross-site request guard for state-changing JSON endpoints called with the session cookie
 * (issue 13 item 7). A foreign page can post `text/plain` or a form without a preflight, and
 * the browser attaches the SameSite=Lax cookie on same-site subdomains; requiring the JSON
 * content type forces a preflight for cross-origin callers, and an `Origin` that is sent must
 * be ours. Non-browser clients send no Origin and pass. Returns the refusal, or null.
 */
export function refuseCrossSite(req: Request): Response | null {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return jsonError(415, 'Send the body as JSON with Content-Type: application/json.');
  const origin = req.headers.get('origin');
  if (origin !== null && !ownOrigins(req).has(origin)) return jsonError(403, 'Cross-site requests are not accepted.');
  return null;
}
