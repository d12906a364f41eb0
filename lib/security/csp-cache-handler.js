// @ts-check
/**
 * Next's own page cache (in memory, least recently used out first, `cacheMaxMemorySize`) with one
 * addition: every cached page carries a Content-Security-Policy naming the hashes of its own
 * inline scripts. Next stores a page's response headers with the cached copy and sends them with
 * every hit, so the visitors' shared pages keep a strict policy without a per-request render (a
 * nonce would need one). See lib/security/csp.js.
 *
 * Loaded by next.config.js `cacheHandler` at runtime, outside the bundler: plain CommonJS.
 */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { inlineScriptHashes, pagePolicyWithHashes } = require('./csp');
const { tdmHeadersFromHtml } = require('../ai-terms/tdm-meta');

const CSP = 'content-security-policy';

/**
 * Adds the hash policy to a cached page's headers. The object is the one Next answers the
 * request with (a miss is served from the entry just stored), so the first visitor gets it too.
 * @param {any} value a cache entry value
 * @param {boolean} fresh a new render (always recompute) or a stored copy (only when missing)
 */
function withHashPolicy(value, fresh) {
  if (!value || value.kind !== 'APP_PAGE' || typeof value.html !== 'string') return;
  if (!fresh && value.headers?.[CSP]) return;
  // The article pages' TDMRep values (their <meta> tags) travel as headers too: crawlers read those.
  value.headers = {
    ...value.headers,
    [CSP]: pagePolicyWithHashes(inlineScriptHashes(value.html)),
    ...tdmHeadersFromHtml(value.html),
  };
}

class CspCacheHandler extends FileSystemCache {
  /** @type {FileSystemCache['get']} */
  async get(...args) {
    const entry = await super.get(...args);
    withHashPolicy(entry?.value, false);
    return entry;
  }

  /** @type {FileSystemCache['set']} */
  async set(key, data, ctx) {
    withHashPolicy(data, true);
    return super.set(key, data, ctx);
  }
}

module.exports = CspCacheHandler;
module.exports.withHashPolicy = withHashPolicy;
