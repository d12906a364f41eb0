import { expect, test, type Page } from '@playwright/test';
import { signInHttp } from '../../scripts/lib/http-session';
import { DEMO_PASSWORD, signIn } from './helpers';
import { watchCsp } from './support/csp';

// No 'unsafe-inline' for scripts anywhere (lib/security/csp.js): pages rendered per request carry
// a nonce from proxy.ts; the visitors' cached pages carry the hashes of their own inline scripts.

const SLUG = 'tide-gauge-centenary';
const scriptSrc = (policy: string | undefined) =>
  (policy ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src')) ?? '';

test('every kind of answer has a CSP without unsafe-inline scripts, and no HSTS over http', async ({ baseURL }) => {
  const get = (path: string, cookie?: string) =>
    fetch(`${baseURL}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  // A visitor's first search for new words is rendered, stored and answered with the hash policy.
  const fresh = await get(`/articles?q=csp${Date.now()}`);
  expect(fresh.headers.get('x-nextjs-cache')).toBe('MISS');
  expect(scriptSrc(fresh.headers.get('content-security-policy')!)).toMatch(/^script-src 'self' 'sha256-/);
  expect(scriptSrc(fresh.headers.get('content-security-policy')!)).not.toContain("'unsafe-inline'");

  // A visitor's cached article: the hashes of its inline scripts, the same policy on every hit.
  await get(`/articles/${SLUG}`);
  const cached = await get(`/articles/${SLUG}`);
  expect(cached.headers.get('x-nextjs-cache')).toBe('HIT');
  const visitorPolicy = cached.headers.get('content-security-policy')!;
  expect(scriptSrc(visitorPolicy)).not.toContain("'unsafe-inline'");
  expect(scriptSrc(visitorPolicy)).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
  expect(cached.headers.get('content-security-policy')).not.toContain('nonce-');
  const html = await cached.text();
  expect(html).toContain('self.__next_f');
  expect((await get(`/articles/${SLUG}`)).headers.get('content-security-policy')).toBe(visitorPolicy);
  // Exactly one policy: two would both apply.
  expect(visitorPolicy).not.toContain(', default-src');

  // A signed-in page: a fresh nonce per request, on every script Next writes.
  const cookie = await signInHttp(baseURL!, 'publisher@demo.test', DEMO_PASSWORD);
  const signedIn = [await get(`/articles/${SLUG}`, cookie), await get(`/articles/${SLUG}`, cookie)];
  const nonces = [];
  for (const res of signedIn) {
    expect(res.headers.get('x-nextjs-cache')).toBeNull();
    const policy = res.headers.get('content-security-policy')!;
    expect(scriptSrc(policy)).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    nonces.push(nonce);
    const body = await res.text();
    const scripts = body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  // Other pages, an unknown address and API routes.
  for (const path of ['/', '/login', '/licenses', '/no-such-page', '/api/health', '/api/me']) {
    const res = await get(path);
    const policy = res.headers.get('content-security-policy');
    expect(policy, path).toBeTruthy();
    expect(scriptSrc(policy!), path).not.toContain("'unsafe-inline'");
    expect(res.headers.get('strict-transport-security'), path).toBeNull();
  }
});

async function changeDuration(page: Page) {
  const calculator = page.getByRole('form', { name: 'Quote calculator' });
  const total = page.getByTestId('calculator-total');
  const before = await total.textContent();
  await calculator.getByLabel('Duration').selectOption('perpetual');
  await expect(total).not.toHaveText(before!);
}

test('pages hydrate with no CSP violation, cached for visitors and rendered for the signed in', async ({ browser }) => {
  const context = await browser.newContext();
  const violations = await watchCsp(context);
  const page = await context.newPage();

  // Visitor: the cached article page (first visit and a cache hit) reacts to the calculator.
  for (let i = 0; i < 2; i++) {
    const res = await page.goto(`/articles/${SLUG}`);
    expect(res?.headers()['x-nextjs-cache']).toBeTruthy();
    await changeDuration(page);
  }
  expect((await page.goto(`/articles?q=tide&section=csp${Date.now()}`))?.headers()['x-nextjs-cache']).toBe('MISS');
  await page.goto('/articles?q=tide');
  await page
    .getByRole('link', { name: /A hundred years of tides/ })
    .first()
    .click();
  await changeDuration(page);
  expect((await page.goto('/no-such-page'))?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  // Signed in: rendered per request with a nonce.
  await signIn(page, 'publisher@demo.test');
  const res = await page.goto(`/articles/${SLUG}`);
  expect(res?.headers()['x-nextjs-cache']).toBeUndefined();
  await changeDuration(page);
  await page.goto('/account/requests');
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await context.close();
  expect(violations).toEqual([]);
});
