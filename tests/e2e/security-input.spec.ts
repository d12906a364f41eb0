import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { signInHttp } from '../../scripts/lib/http-session';
import { DEMO_PASSWORD, signIn } from './helpers';

// Issue 13 items 4, 5 and 7, tried over HTTP against the real server as an attacker would.
const base = () => process.env.E2E_BASE_URL!;

test('a rate-card post with __proto__ / constructor.prototype field names leaves the server normal', async ({
  page,
}) => {
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/rate-card');
  // The real form (its action id and fields), plus the hostile names a probe adds.
  await page.evaluate(() => {
    const form = document.querySelector('main form')!;
    for (const name of [
      '__proto__.statusText',
      'constructor.prototype.statusText',
      '__proto__.polluted',
      'baseFee.__proto__.statusText',
      'audienceBands.0.__proto__.statusText',
    ]) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = 'X';
      form.append(input);
    }
  });
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version' })).toBeVisible();
  for (const p of ['/', '/login', '/licenses', '/api/health']) {
    const res = await fetch(`${base()}${p}`);
    expect(res.status, p).toBe(200);
    expect(res.statusText, p).toBe('OK');
  }
  expect((await page.goto('/admin/rate-card'))?.status()).toBe(200);
});

test('20 MB bodies to /api/quote and /api/requests are refused with 413 quickly', async () => {
  const cookie = await signInHttp(base(), 'publisher@demo.test', DEMO_PASSWORD);
  const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
  for (const p of ['/api/quote', '/api/requests']) {
    const started = Date.now();
    const res = await fetch(`${base()}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: big,
    });
    expect(res.status, p).toBe(413);
    expect(((await res.json()) as { error: string }).error, p).toMatch(/too large/i);
    expect(Date.now() - started, p).toBeLessThan(5000);
  }
});

test('cross-site calls to POST /api/requests are refused and write nothing', async () => {
  const cookie = await signInHttp(base(), 'publisher@demo.test', DEMO_PASSWORD);
  const list = (await (await fetch(`${base()}/api/articles?licensable=1`)).json()) as { items: { slug: string }[] };
  const body = JSON.stringify({
    articles: [list.items[0]!.slug],
    use: 'web',
    audience: 5000,
    territory: 'country',
    territoryDetail: 'United Kingdom',
    duration: '1y',
    portion: 'full',
    translation: false,
    publicationName: 'Cross-site probe',
    publicationUrl: 'https://example.org/probe',
    startDate: new Date().toISOString().slice(0, 10),
    acceptTerms: true,
  });
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'desk.db'), { readonly: true });
  const count = () =>
    (
      db.prepare("select count(*) as n from license_requests where publication_name = 'Cross-site probe'").get() as {
        n: number;
      }
    ).n;
  try {
    const before = count();
    const post = (headers: Record<string, string>) =>
      fetch(`${base()}/api/requests`, {
        method: 'POST',
        headers: { cookie, 'idempotency-key': crypto.randomUUID(), ...headers },
        body,
      });
    expect((await post({ 'content-type': 'text/plain', origin: 'https://evil.example' })).status).toBe(415);
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect(count()).toBe(before);
    // The control: the same call from the site itself goes through.
    expect((await post({ 'content-type': 'application/json', origin: new URL(base()).origin })).status).toBe(201);
    expect(count()).toBe(before + 1);
  } finally {
    db.close();
  }
});
