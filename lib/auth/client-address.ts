import 'server-only';
/**
 * The client's address for per-address limits (sign-in, registration, verification mails).
 *
 * scripts/server.js — what `npm start` and the browser tests run — decides it from the socket
 * (or, with TRUST_PROXY=N, from the Nth X-Forwarded-For entry from the right) and overwrites
 * X-Forwarded-For with it before Next sees the request; it marks the process with
 * DESK_CLIENT_ADDRESS=server. Anywhere else (`next dev`, a bare `next start`) the header is
 * whatever the client sent, so it is not believed: every client shares one key, which is strict
 * rather than escapable.
 */
type HeaderBag = Headers | Record<string, unknown> | undefined | null;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

let warned = false;

export function clientAddress(headers: HeaderBag): string {
  if (process.env.DESK_CLIENT_ADDRESS === 'server') {
    const value = header(headers, 'x-forwarded-for')?.trim();
    if (value && !value.includes(',')) return value;
  }
  if (!warned && process.env.NODE_ENV === 'production') {
    warned = true;
    console.warn(
      '[auth] client address unknown (not started through scripts/server.js): per-address limits are shared by all clients',
    );
  }
  return 'unknown';
}
