/**
 * npx tsx scripts/body-memory.ts — shows that the server's memory does not grow with the size of
 * a request body (issue 13 item 5). Starts the production server (needs `next build`), then
 * pushes 3 × 150 MB chunked bodies (no Content-Length) at POST /api/quote and, signed in as a
 * publisher, at POST /api/requests, sampling the server's RSS from /proc meanwhile. Bounded:
 * each upload stops at 150 MB or when the server answers, whichever is first.
 * Before the fix /api/quote buffered every byte (3 × 150 MB took the server to 1.17 GB).
 */
import http from 'node:http';
import { signInHttp } from './lib/http-session';
import { treeRss } from './lib/load';
import { DEMO_PASSWORD, startServer } from './lib/server';

const MB = 1024 * 1024;
const BODY_MB = Number(process.env.BODY_MB || 150);
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

/** Streams up to `limit` bytes, chunked, until the server answers; resolves with what happened. */
function push(
  url: string,
  headers: Record<string, string>,
  limit: number,
): Promise<{ status: number; sentMB: number; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, sentMB: Math.round((sent / MB) * 10) / 10, ms: Date.now() - started });
      });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const write = () => {
      while (!answered && sent < limit) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

async function main() {
  const server = await startServer();
  const pid = server.child.pid!;
  try {
    const cookie = await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD);
    await fetch(`${server.url}/api/quote`, { method: 'POST', body: '{}' }); // warm the route up
    const before = treeRss(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 100);
    const rows: string[] = [];
    for (const [path, headers] of [
      ['/api/quote', {}],
      ['/api/requests', { cookie }],
    ] as const) {
      for (let i = 1; i <= 3; i++) {
        const r = await push(`${server.url}${path}`, headers, BODY_MB * MB);
        rows.push(`${path.padEnd(14)} #${i}  ${r.status}  after ${String(r.sentMB).padStart(6)} MB sent  ${r.ms} ms`);
      }
    }
    clearInterval(sampler);
    const after = treeRss(pid);
    console.log(rows.join('\n'));
    console.log(
      `server RSS: before ${Math.round(before / MB)} MB, peak ${Math.round(peak / MB)} MB, after ${Math.round(after / MB)} MB (offered ${6 * BODY_MB} MB of bodies)`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
