#!/usr/bin/env node
// The production server: Next's request handler behind a plain node http server, so that the
// client's address is decided from the socket (and TRUST_PROXY) before Next sees the request.
// Under `next start` a client-sent X-Forwarded-For reaches the app untouched and route handlers
// never see the socket, so every per-address limit could be dodged with a new header per try.
const http = require('node:http');
const path = require('node:path');
const next = require('next');
const { applyClientAddress, parseTrustProxy } = require('./lib/client-address');
const { createCompression } = require('./lib/compress');

process.env.NEXT_TELEMETRY_DISABLED = '1';
// Tells lib/auth/client-address.ts that X-Forwarded-For was written by this server.
process.env.DESK_CLIENT_ADDRESS = 'server';

const root = path.join(__dirname, '..');
const port = Number(process.env.PORT || 3000);
// HOST, not HOSTNAME: shells set HOSTNAME to the machine's name.
const hostname = process.env.HOST || '0.0.0.0';
const hops = parseTrustProxy(process.env.TRUST_PROXY);

// The name Next knows itself by. Next writes the proxy's request.url with "localhost" for any
// loopback address (NextURL), and treats a rewrite whose origin differs from its own as another
// site's, proxying it over HTTP. Told "127.0.0.1", it proxied every rewrite into app/(visitor) to
// itself: two requests per visitor page. Only names addresses; the socket listens on `hostname`.
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\])$/;
const app = next({ dev: false, dir: root, hostname: LOOPBACK.test(hostname) ? 'localhost' : hostname, port });
const handle = app.getRequestHandler();

app.prepare().then(
  () => {
    // Compression is ours, not Next's (next.config.js: compress false): shared pages are
    // compressed once per version instead of once per reader.
    const compress = createCompression();
    const server = http.createServer((req, res) => {
      applyClientAddress(req, hops);
      compress(req, res, () =>
        handle(req, res).catch((e) => {
          console.error('[server] request failed:', e instanceof Error ? e.message : e);
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        }),
      );
    });
    server.listen(port, hostname, () => {
      console.log(
        `Republish Desk listening on http://${hostname}:${port}${hops ? ` (trusting ${hops} proxy hop${hops === 1 ? '' : 's'})` : ''}`,
      );
    });
    for (const sig of ['SIGINT', 'SIGTERM']) {
      process.on(sig, () => {
        server.close();
        Promise.resolve(typeof app.close === 'function' ? app.close() : undefined).finally(() => process.exit(0));
        setTimeout(() => process.exit(0), 5000).unref();
      });
    }
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
