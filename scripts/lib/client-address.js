// The client's address, decided once by the server before Next sees the request (CommonJS: the
// custom server, scripts/server.js, runs without a build step; the tests import it too).

/** TRUST_PROXY: how many reverse proxies in front of the desk append to X-Forwarded-For (0 = none). */
function parseTrustProxy(value) {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n > 0 && n < 100 ? n : 0;
}

function normalize(address) {
  const a = String(address ?? '').trim();
  // IPv4 clients on a dual-stack socket show up as ::ffff:1.2.3.4.
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a || 'unknown';
}

/**
 * With no trusted proxy, the socket's peer. With `hops` trusted proxies, the address the
 * outermost of them saw: X-Forwarded-For entries and then the socket form the chain, and the
 * last `hops` of it are our own proxies. Whatever a client writes into the header lies further
 * left and is never chosen.
 */
function clientAddress(socketAddress, forwardedFor, hops) {
  if (!hops) return normalize(socketAddress);
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : String(forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...listed, socketAddress];
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]);
}

/**
 * Rewrites the request's forwarding headers in place: X-Forwarded-For becomes the one address
 * decided here (Next only fills it in when the client did not send one), and the Host/proto
 * overrides a client may send are dropped unless a trusted proxy set them.
 */
function applyClientAddress(req, hops) {
  const address = clientAddress(req.socket?.remoteAddress, req.headers['x-forwarded-for'], hops);
  req.headers['x-forwarded-for'] = address;
  delete req.headers['x-real-ip'];
  delete req.headers.forwarded;
  if (!hops) {
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-proto'];
    delete req.headers['x-forwarded-port'];
  }
  return address;
}

module.exports = { parseTrustProxy, clientAddress, applyClientAddress };
