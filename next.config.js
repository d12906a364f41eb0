// @ts-check
const { API_POLICY } = require('./lib/security/csp');

// Every response. The Content-Security-Policy is per kind of answer (lib/security/csp.js): pages
// get theirs from proxy.ts (nonce, rendered per request) or from the page cache (hashes, the
// visitors' cached pages); route handlers get the fixed one below. Strict-Transport-Security is
// added by proxy.ts, from the site's address at run time.
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

// The embed's iframe variant (app/embed/frame/route.ts) is the one page other sites may frame.
// Its document has no script, no form and no cookie, so being framed anywhere exposes nothing.
const frameHeaders = [
  {
    key: 'Content-Security-Policy',
    value:
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *",
  },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/server.js compresses instead (scripts/lib/compress.js): a shared page once per version,
  // not once per reader. A bare `next start` therefore answers uncompressed: run scripts/server.js.
  compress: false,
  // Lets parallel work build into separate folders (NEXT_DIST_DIR=.next-foo); default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['better-sqlite3'],
  // The build type-checks the app (tsconfig.build.json leaves out tests/, scripts/ and bench/, which
  // `npm run typecheck` covers), so a test file's types cannot fail `npm start`'s build.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  // Cached visitor pages (app/(visitor)) live in memory only, bounded by cacheMaxMemorySize
  // (50 MB, least recently used out first): every search would otherwise leave files in .next.
  experimental: {
    isrFlushToDisk: false,
    // Forms post a few KB (the longest: 20,000 characters of agencies in the settings); Next's
    // default is 1 MB. Route handlers have their own limits (lib/http.ts BODY_LIMITS).
    serverActions: { bodySizeLimit: '256kb' },
    // What proxy.ts may buffer of a request body (default 10 MB, held in memory per request).
    proxyClientMaxBodySize: '256kb',
  },
  // Next's page cache, plus a CSP with the hashes of each cached page's inline scripts.
  cacheHandler: require.resolve('./lib/security/csp-cache-handler.js'),
  async headers() {
    return [
      { source: '/((?!embed/frame$).*)', headers: securityHeaders },
      { source: '/embed/frame', headers: frameHeaders },
      // Route handlers: the fixed policy (pages get theirs from proxy.ts or the page cache).
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] },
      { source: '/embed/data', headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] },
      { source: '/embed.js', headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] },
      { source: '/badge.svg', headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] },
      { source: '/.well-known/jwks.json', headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] },
      ...['/robots.txt', '/sitemap.xml', '/license.xml', '/.well-known/tdmrep.json', '/policies/tdm.json'].map(
        (source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] }),
      ),
    ];
  },
};

module.exports = nextConfig;
