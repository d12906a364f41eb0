import { expect, test } from '@playwright/test';
import { signInHttp } from '../../scripts/lib/http-session';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../helpers/server';

// The session is decoded and the user row read at most once per request, however many parts of
// the page ask (header, layout, page, metadata): lib/auth/session-token.ts and session.ts log
// each read under DESK_LOG_SESSION_READS=1, and this counts the lines one request writes.
let server: RunningServer;
let log = '';
const reads = () => (log.match(/\[session-read\] (decode|user)/g) ?? []).map((l) => l.split(' ')[1]);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer({ env: { DESK_LOG_SESSION_READS: '1' } });
  server.child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
});
test.afterAll(async () => server?.stop());

/** One request, then the reads it logged (the log arrives with the response, give it a moment). */
async function readsFor(path: string, cookie: string, init: RequestInit = {}) {
  log = '';
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { cookie, ...init.headers },
    redirect: 'manual',
  });
  await res.arrayBuffer();
  await new Promise((r) => setTimeout(r, 200));
  return { status: res.status, reads: reads() };
}

test('a signed-in page decodes the session and reads the user once', async () => {
  const publisher = await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD);
  const staff = await signInHttp(server.url, 'staff@demo.test', DEMO_PASSWORD);
  const pages: [string, string][] = [
    ['/articles', publisher],
    ['/articles?q=harbour', publisher],
    ['/articles/tide-gauge-centenary', publisher],
    ['/account/requests', publisher],
    ['/account/settings', publisher],
    ['/admin/requests', staff],
    ['/admin', staff],
  ];
  for (const [path, cookie] of pages) {
    const r = await readsFor(path, cookie);
    expect(r.status, path).toBe(200);
    expect(r.reads, path).toEqual(['decode', 'user']);
  }
  // The client navigation's payload (RSC) is one request too.
  const rsc = await readsFor('/articles/tide-gauge-centenary?_rsc=x', publisher, { headers: { RSC: '1' } });
  expect(rsc.reads.filter((k) => k === 'decode').length).toBeLessThanOrEqual(1);
  expect(rsc.reads.filter((k) => k === 'user').length).toBeLessThanOrEqual(1);
});

test('a visitor page reads no session at all', async () => {
  const r = await readsFor('/articles/tide-gauge-centenary', '');
  expect(r.status).toBe(200);
  expect(r.reads).toEqual([]);
});
