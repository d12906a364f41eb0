import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
// The production server's compression (scripts/server.js), on a real HTTP server.
import { createCompression } from '../../scripts/lib/compress';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
type Answer = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string };

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server whose answers pass through the compression layer; `compressions` counts stored-path work. */
async function serve(handler: Handler, maxBytes?: number) {
  const compressions: string[] = [];
  const compress = createCompression({ maxBytes, onCompress: (e) => compressions.push(e) });
  const server = http.createServer((req, res) => compress(req, res, () => handler(req, res)));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, compressions };
}

function decode(raw: Buffer, encoding: string | undefined): string {
  if (encoding === 'gzip') return zlib.gunzipSync(raw).toString();
  if (encoding === 'br') return zlib.brotliDecompressSync(raw).toString();
  return raw.toString();
}

/** A raw request (fetch would decode the body and hide what was sent). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            raw,
            text: decode(raw, res.headers['content-encoding']),
          });
        });
      })
      .on('error', reject)
      .end();
  });
}

const page = (n: number) =>
  `<!doctype html><main>${'<article>A harbour story, page ' + n + '</article>'.repeat(200)}</main>`;
const SHARED = 'public, s-maxage=60, stale-while-revalidate=300';

/** A visitor page as Next sends a cached one: headers, flushHeaders, then the body in one write. */
function sharedPage(body: () => string, cacheControl = SHARED): Handler {
  return (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', cacheControl);
    res.flushHeaders();
    res.write(Buffer.from(body()));
    res.end();
  };
}

describe('the production server compresses a shared page once per version', () => {
  it('gzips it for a reader that asks for gzip, with Vary, and the bytes decode to the page', async () => {
    const { origin, compressions } = await serve(sharedPage(() => page(1)));
    const a = await get(`${origin}/articles`, { 'accept-encoding': 'gzip, deflate' });
    expect(a.status).toBe(200);
    expect(a.headers['content-encoding']).toBe('gzip');
    expect(a.headers.vary).toMatch(/Accept-Encoding/i);
    expect(a.text).toBe(page(1));
    expect(a.raw.length).toBeLessThan(page(1).length / 5);
    expect(compressions).toEqual(['gzip']);
  });

  it('compresses the same bytes once for many readers, and a new version again', async () => {
    let version = 1;
    const { origin, compressions } = await serve(sharedPage(() => page(version)));
    for (let i = 0; i < 5; i++) {
      expect((await get(`${origin}/articles`, { 'accept-encoding': 'gzip' })).text).toBe(page(1));
    }
    expect(compressions).toEqual(['gzip']);
    version = 2; // a staff change: Next renders new bytes
    const after = await get(`${origin}/articles`, { 'accept-encoding': 'gzip' });
    expect(after.text).toBe(page(2));
    expect(compressions).toEqual(['gzip', 'gzip']);
  });

  it('keeps one copy per encoding: brotli for a reader that prefers it', async () => {
    const { origin, compressions } = await serve(sharedPage(() => page(3)));
    const br = await get(`${origin}/`, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.text).toBe(page(3));
    const gz = await get(`${origin}/`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    await get(`${origin}/`, { 'accept-encoding': 'br' });
    expect(compressions.sort()).toEqual(['br', 'gzip']);
  });

  it('sends the page as it is to a reader that asks for no encoding or refuses gzip', async () => {
    const { origin, compressions } = await serve(sharedPage(() => page(4)));
    const asked: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip;q=0, br;q=0' },
    ];
    for (const headers of asked) {
      const a = await get(`${origin}/`, headers);
      expect(a.headers['content-encoding']).toBeUndefined();
      expect(a.headers.vary).toMatch(/Accept-Encoding/i);
      expect(a.raw.toString()).toBe(page(4));
    }
    expect(compressions).toEqual([]);
  });

  it('leaves a HEAD, an answer of under 1 KB and an already encoded one alone', async () => {
    const { origin, compressions } = await serve((req, res) => {
      res.setHeader('Cache-Control', SHARED);
      res.setHeader('Content-Type', 'text/html');
      if (req.url === '/small') {
        res.setHeader('Content-Length', '12');
        return res.end('<p>short</p>');
      }
      if (req.url === '/encoded') {
        res.setHeader('Content-Encoding', 'gzip');
        return res.end(zlib.gzipSync(page(5)));
      }
      res.end(page(5));
    });
    const head = await get(`${origin}/`, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    const small = await get(`${origin}/small`, { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.text).toBe('<p>short</p>');
    const encoded = await get(`${origin}/encoded`, { 'accept-encoding': 'gzip' });
    expect(encoded.text).toBe(page(5));
    expect(compressions).toEqual([]);
  });

  it('never stores a private answer: a signed-in page is compressed as it streams, every time', async () => {
    let release!: () => void;
    const { origin, compressions } = await serve(async (_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
      res.write(`<header>${'signed in as Ann '.repeat(100)}</header>`);
      (res as unknown as { flush: () => void }).flush();
      // The rest is written only once the reader has decoded the first part: a layer that held
      // the answer back until the end would never let this request finish.
      await new Promise<void>((r) => (release = r));
      res.end(`<main>${'your requests '.repeat(100)}</main>`);
    });
    const text = await new Promise<string>((resolve, reject) => {
      http
        .get(`${origin}/account`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          expect(res.headers['content-encoding']).toBe('gzip');
          const out: string[] = [];
          const gunzip = res.pipe(zlib.createGunzip());
          gunzip.on('data', (c: Buffer) => {
            out.push(c.toString());
            release?.();
          });
          gunzip.on('end', () => resolve(out.join('')));
          gunzip.on('error', reject);
        })
        .on('error', reject);
    });
    expect(text).toContain('signed in as Ann');
    expect(text).toContain('your requests');
    expect(compressions).toEqual([]);
  });

  it('passes a 304 through without a body', async () => {
    const { origin } = await serve((_req, res) => {
      res.setHeader('Cache-Control', SHARED);
      res.setHeader('ETag', '"v1"');
      res.statusCode = 304;
      res.end();
    });
    const a = await get(`${origin}/`, { 'accept-encoding': 'gzip', 'if-none-match': '"v1"' });
    expect(a.status).toBe(304);
    expect(a.raw.length).toBe(0);
  });

  it('keeps the store within its size: the least recently read page is compressed again', async () => {
    const pages = new Map(
      [1, 2, 3].map((n) => [`/p${n}`, `${page(n)}${'<i>noise</i>'.repeat(n * 50)}${Math.random()}`]),
    );
    const { origin, compressions } = await serve((req, res) => sharedPage(() => pages.get(req.url!)!)(req, res), 400);
    for (const p of ['/p1', '/p2', '/p3']) await get(`${origin}${p}`, { 'accept-encoding': 'gzip' });
    expect(compressions).toHaveLength(3);
    // The store (400 bytes: two of these copies) holds the newest only: /p1 was pushed out.
    expect((await get(`${origin}/p1`, { 'accept-encoding': 'gzip' })).text).toBe(pages.get('/p1'));
    expect(compressions).toHaveLength(4);
  });
});
