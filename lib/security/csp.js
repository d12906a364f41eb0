// @ts-check
/**
 * The Content Security Policy and transport headers, in one place. CommonJS because three callers
 * load it: proxy.ts (bundled), next.config.js and the page-cache handler (both plain Node at
 * runtime, no bundler).
 *
 * Scripts never get 'unsafe-inline'. Next inlines its RSC payload as <script> tags, so each page
 * names the inline scripts it may run, in one of two ways:
 * - pages rendered per request (signed in, admin, forms): a fresh nonce from proxy.ts, which Next
 *   puts on every script it writes (`pagePolicyWithNonce`);
 * - the visitors' shared cached pages (app/(visitor), ISR): a nonce cannot be shared between
 *   visitors, so the page cache hashes the inline scripts of each cached copy and stores this
 *   policy with it (`pagePolicyWithHashes`, lib/security/csp-cache-handler.js).
 * Styles keep 'unsafe-inline': React writes style attributes (charts, bars), and a style cannot run
 * code.
 */
const crypto = require('node:crypto');

/** @param {string[]} scriptSources */
function directives(scriptSources) {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src ${[...scriptSources, ...(dev ? ["'unsafe-eval'"] : [])].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * A page rendered for this request. 'strict-dynamic' lets the nonced bundles load their own
 * chunks; 'self' is the fallback for browsers without CSP level 3 (they ignore it otherwise).
 * @param {string} nonce
 */
function pagePolicyWithNonce(nonce) {
  return directives(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
}

/**
 * A cached page: its own inline scripts by hash, bundles from this origin.
 * @param {string[]} hashes sources such as 'sha256-…'
 */
function pagePolicyWithHashes(hashes) {
  return directives(["'self'", ...hashes.map((h) => `'${h}'`)]);
}

/** Route handlers (JSON, CSV, PDF, the pixel): no inline script either, should one be opened as a page. */
const API_POLICY = directives(["'self'"]);

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The CSP hash source of every inline script in an HTML document, in document order, without
 * repeats. The browser hashes the script's text exactly as written between the tags (no entity
 * decoding in a script element), which is what the capture holds.
 * @param {string} html
 * @returns {string[]}
 */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes ?? '')) continue;
    hashes.add(
      `sha256-${crypto
        .createHash('sha256')
        .update(body ?? '', 'utf8')
        .digest('base64')}`,
    );
  }
  return [...hashes];
}

/**
 * Strict-Transport-Security for a desk served over https (two years, subdomains included, the
 * preload list's minimum); nothing for http, where the header would be ignored anyway and a
 * local run must stay reachable.
 * @param {string} siteUrl
 * @returns {string | null}
 */
function strictTransportSecurity(siteUrl) {
  return /^https:\/\//i.test(siteUrl) ? 'max-age=63072000; includeSubDomains' : null;
}

exports.pagePolicyWithNonce = pagePolicyWithNonce;
exports.pagePolicyWithHashes = pagePolicyWithHashes;
exports.API_POLICY = API_POLICY;
exports.inlineScriptHashes = inlineScriptHashes;
exports.strictTransportSecurity = strictTransportSecurity;
