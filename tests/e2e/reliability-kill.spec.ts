import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { signInHttp } from '../../scripts/lib/http-session';
import { DEMO_PASSWORD, startServer } from '../helpers/server';

// Not a page test: the server is killed with SIGKILL mid-stream, restarted on the same data,
// and every submission it had acknowledged must still be there.
test('a SIGKILL in a stream of submissions loses nothing that was acknowledged', async () => {
  test.setTimeout(180_000);
  const server = await startServer();
  const acknowledged: string[] = [];
  try {
    const cookie = await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD);
    const Articles = new Database(path.join(server.dataDir, 'desk.db'), { readonly: true });
    const slugs = Articles.prepare(
      "select slug from articles where rights_status = 'owned' and embargo_until is null limit 2",
    )
      .all()
      .map((r) => (r as { slug: string }).slug);
    Articles.close();
    const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const body = JSON.stringify({
      articles: slugs,
      use: 'web',
      audience: 25000,
      territory: 'worldwide',
      duration: '1y',
      portion: 'full',
      translation: false,
      publicationName: 'Stream',
      publicationUrl: 'https://northbank.example/x',
      startDate: start,
      acceptTerms: true,
    });
    let killed = false;
    const worker = async () => {
      while (!killed) {
        try {
          const res = await fetch(`${server.url}/api/requests`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body,
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
        } catch {
          // the server died mid-request: that submission was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 2500));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThan(10);
  } finally {
    await server.stop();
  }

  const restarted = await startServer({ dataDir: server.dataDir });
  try {
    expect((await fetch(`${restarted.url}/api/health`)).status).toBe(200);
    const db = new Database(path.join(server.dataDir, 'desk.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      db
        .prepare('select reference from license_requests')
        .all()
        .map((r) => (r as { reference: string }).reference),
    );
    db.close();
    const lost = acknowledged.filter((ref) => !stored.has(ref));
    expect(lost).toEqual([]);
  } finally {
    await restarted.stop();
  }
});
