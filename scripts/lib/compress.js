// @ts-check
// Response compression for the production server (scripts/server.js), in place of Next's own
// (`compress: false` in next.config.js).
//
// Next gzips every answer afresh. For a visitor's cached catalogue page (52 KB) that was half of
// the server's CPU per hit (docs/PERFORMANCE.md, cut 5): the page is the same bytes for 60 s, yet
// it was compressed again for every reader. Here an answer any client may share (Cache-Control
// `public` or `s-maxage`: the visitors' pages, the embed's data and badge) is compressed once per
// body and encoding, and kept by the body's SHA-1 in a small LRU; the next reader of the same
// bytes gets the stored copy. The body is still produced by Next on every request, so freshness
// stays Next's (a revalidated page is new bytes, hence a new key): nothing here decides what a
// page says. Everything else (signed-in pages, which stream, and the APIs) goes through the
// `compression` middleware as Next's did.
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { promisify } = require('node:util');
const compression = require('compression');
const { LRUCache } = require('lru-cache');
const Negotiator = require('negotiator');
const onHeaders = require('on-headers');
const vary = require('vary');

/** The encodings offered, the preferred first (as the `compression` middleware orders them). */
const ENCODINGS = ['br', 'gzip', 'identity'];
/** The same settings the middleware streams with, so a stored copy is what it would have sent. */
const COMPRESS = {
  br: promisify(zlib.brotliCompress),
  gzip: promisify(zlib.gzip),
};
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
/** An answer whose Content-Length says less is sent as it is (the middleware's own threshold). */
const THRESHOLD = 1024;

/** @param {import('node:http').ServerResponse} res */
function sharedCacheable(res) {
  const cc = String(res.getHeader('Cache-Control') ?? '').toLowerCase();
  return /(^|,)\s*(public|s-maxage=)/.test(cc) && !/(^|,)\s*(private|no-store|no-transform)\b/.test(cc);
}

/**
 * Whether this answer is compressed once and kept: a complete 200 to a GET that any cache may
 * share, of a compressible type, not already encoded.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function storable(req, res) {
  return (
    req.method === 'GET' &&
    res.statusCode === 200 &&
    !res.getHeader('Content-Encoding') &&
    sharedCacheable(res) &&
    compression.filter(/** @type {any} */ (req), /** @type {any} */ (res))
  );
}

/**
 * @param {{ maxBytes?: number, onCompress?: (encoding: string) => void }} [options]
 *   maxBytes: the store's size in compressed bytes (16 MB: over a thousand catalogue pages);
 *   onCompress: called on every compression of a storable answer (the tests count them).
 */
function createCompression(options = {}) {
  /** @type {LRUCache<string, Buffer>} */
  const store = new LRUCache({
    maxSize: options.maxBytes ?? 16 * 1024 * 1024,
    sizeCalculation: (value, key) => value.length + key.length,
  });
  const streaming = compression({
    filter: (req, res) => !storable(req, res) && compression.filter(req, res),
  });

  /** @param {Buffer} body @param {string} encoding @returns {Promise<Buffer>} */
  async function compressed(body, encoding) {
    const key = `${encoding}:${crypto.createHash('sha1').update(body).digest('base64')}`;
    const hit = store.get(key);
    if (hit) return hit;
    options.onCompress?.(encoding);
    // Two readers of a new page at once may both compress it: the same bytes, stored once.
    const out = encoding === 'br' ? await COMPRESS.br(body, BROTLI) : await COMPRESS.gzip(body);
    store.set(key, out);
    return out;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {() => void} next
   */
  return function compress(req, res, next) {
    /** @type {string | null} the encoding of a stored answer, decided when its headers go out */
    let encoding = null;
    /** @type {Buffer[]} */
    const chunks = [];
    const write = res.write;
    const end = res.end;

    onHeaders(res, function decide() {
      if (!storable(req, res)) return;
      // Caches in front (deploy/nginx.conf) keep one copy per encoding.
      vary(res, 'Accept-Encoding');
      const length = Number(res.getHeader('Content-Length'));
      if (length < THRESHOLD) return;
      // Negotiator's second argument (the server's preference among equals) is missing from its types.
      const chosen = /** @type {any} */ (new Negotiator(req)).encoding(ENCODINGS, ['br', 'gzip']);
      // No Accept-Encoding at all: sent as it is, as the middleware does.
      if (!chosen || chosen === 'identity' || !req.headers['accept-encoding']) return;
      encoding = chosen;
      res.setHeader('Content-Encoding', chosen);
      res.removeHeader('Content-Length');
    });

    /** @param {unknown} chunk @param {unknown} [enc] */
    const collect = (chunk, enc) => {
      if (chunk == null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk)
            : Buffer.from(String(chunk), /** @type {BufferEncoding} */ (typeof enc === 'string' ? enc : 'utf8')),
      );
    };

    // The answer is collected whole (Next sends a cached page in one piece), then sent compressed.
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {any} */ chunk, /** @type {any} */ enc, /** @type {any} */ cb) {
        if (!res.headersSent) res.writeHead(res.statusCode);
        if (!encoding) return write.call(res, chunk, enc, cb);
        collect(chunk, enc);
        const done = typeof enc === 'function' ? enc : cb;
        // Called later, as a socket would: a writer may not expect its callback inside write().
        if (typeof done === 'function') process.nextTick(done);
        return true;
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {any} */ chunk, /** @type {any} */ enc, /** @type {any} */ cb) {
        if (!res.headersSent) res.writeHead(res.statusCode);
        if (!encoding) return end.call(res, chunk, enc, cb);
        collect(chunk, enc);
        const done = [chunk, enc, cb].find((f) => typeof f === 'function');
        compressed(Buffer.concat(chunks), encoding).then(
          (out) => end.call(res, out, done),
          (e) => {
            console.error('[server] compression failed:', e instanceof Error ? e.message : e);
            res.destroy();
          },
        );
        return res;
      }
    );

    streaming(/** @type {any} */ (req), /** @type {any} */ (res), next);
  };
}

module.exports = { createCompression };
