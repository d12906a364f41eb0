/**
 * deploy/nginx.conf, run by nginx in front of a small upstream that counts what reaches it and
 * echoes the forwarded headers: what the README promises of the front cache. Skipped (with the
 * reason) where nginx is not installed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, startNginx, type RunningNginx } from '../../scripts/lib/nginx';

const hasNginx = !!findNginx();
const hits = new Map<string, number>();
let upstream: http.Server;
let nginx: RunningNginx;

// The desk's answers, in shape: visitor pages public with s-maxage, signed-in ones private.
function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = req.url!.split('?')[0]!;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  res.setHeader('x-seen-xff', String(req.headers['x-forwarded-for'] ?? ''));
  res.setHeader('x-seen-xfh', String(req.headers['x-forwarded-host'] ?? ''));
  if (path === '/sets-cookie') res.setHeader('set-cookie', 'x=1; Path=/');
  if (path.startsWith('/api/pixel/')) {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', 'image/gif');
  } else {
    // Even where the desk would say public (an API, an admin page by mistake), the conf decides.
    res.setHeader('cache-control', 's-maxage=60, stale-while-revalidate=300');
    res.setHeader('content-type', 'text/html');
  }
  res.end(`<p>${path} #${hits.get(path)}</p>`);
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${nginx.url}${path}`, { headers });
const status = async (path: string, headers: Record<string, string> = {}) => {
  const res = await get(path, headers);
  await res.arrayBuffer();
  return res.headers.get('x-cache-status');
};

describe.skipIf(!hasNginx)('deploy/nginx.conf in front of the desk', () => {
  beforeAll(async () => {
    upstream = http.createServer(answer);
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    nginx = await startNginx({ upstreamPort: (upstream.address() as AddressInfo).port });
  });
  afterAll(async () => {
    await nginx?.stop();
    await new Promise((r) => upstream?.close(r));
  });

  it('answers a public page from its cache for as long as s-maxage says', async () => {
    expect(await status('/articles/cached')).toBe('MISS');
    expect(await status('/articles/cached')).toBe('HIT');
    expect(await status('/articles/cached')).toBe('HIT');
    expect(hits.get('/articles/cached')).toBe(1);
  });

  it('keeps the RSC payload apart from the HTML of the same address', async () => {
    await status('/articles/rsc');
    expect(await status('/articles/rsc', { RSC: '1' })).toBe('MISS');
    expect(hits.get('/articles/rsc')).toBe(2);
  });

  it('passes every request with a session cookie to the desk, and stores none of them', async () => {
    for (const cookie of [
      'next-auth.session-token=abc',
      'theme=dark; __Secure-next-auth.session-token=abc',
      'next-auth.session-token.0=abc',
    ]) {
      expect(await status('/articles/signed-in', { cookie })).toBe('BYPASS');
    }
    expect(hits.get('/articles/signed-in')).toBe(3);
    // Nothing a signed-in request fetched was stored for visitors.
    expect(await status('/articles/signed-in')).toBe('MISS');
    // Other cookies do not bypass.
    expect(await status('/articles/signed-in', { cookie: 'theme=dark' })).toBe('HIT');
  });

  it('never caches the APIs, the usage pixel, the staff and account areas, or an answer setting a cookie', async () => {
    for (const path of [
      '/api/health',
      '/api/pixel/LIC-AAAA-BBBB-CCCC.gif',
      '/admin/requests',
      '/account/licenses',
      '/sets-cookie',
    ]) {
      for (let i = 0; i < 3; i++) {
        const s = await status(path);
        expect(s === null || s === 'MISS', `${path}: ${s}`).toBe(true);
      }
      expect(hits.get(path), path).toBe(3);
    }
  });

  it('replaces a spoofed X-Forwarded-For and X-Forwarded-Host with the client and the host it asked', async () => {
    const res = await get('/api/echo', { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-host': 'evil.example' });
    expect(res.headers.get('x-seen-xff')).toBe('127.0.0.1');
    expect(res.headers.get('x-seen-xfh')).toBe('127.0.0.1');
  });
});

it.skipIf(hasNginx)('deploy/nginx.conf: skipped, nginx is not installed (apt-get install -y nginx)', () => {});
