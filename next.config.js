// @ts-check
const securityHeaders = [
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      // Next.js inlines its hydration data as scripts; everything else is same-origin.
      "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  },
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
    value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *",
  },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets parallel work build into separate folders (NEXT_DIST_DIR=.next-foo); default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['better-sqlite3'],
  // Types are checked by `npm run typecheck` (a CI step of its own, covering tests and scripts
  // too); the build that `npm start` runs should not fail on a test file's types.
  typescript: { ignoreBuildErrors: true },
  // Cached visitor pages (app/(visitor)) live in memory only, bounded by cacheMaxMemorySize
  // (50 MB, least recently used out first): every search would otherwise leave files in .next.
  experimental: { isrFlushToDisk: false },
  async headers() {
    return [
      { source: '/((?!embed/frame$).*)', headers: securityHeaders },
      { source: '/embed/frame', headers: frameHeaders },
    ];
  },
};

module.exports = nextConfig;
