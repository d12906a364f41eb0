import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/*
 * The door from the publisher's own site, tried as its web team would: links by canonical URL,
 * a static article page on another origin with the embed snippet (script, no-JS badge, iframe
 * under a strict CSP), and the "ask for it anyway" path.
 */

const BUDGET = 'https://harbourledger.example/politics/council-passes-budget-after-all-night-session';
const BUDGET_PATH = '/articles/council-passes-budget-after-all-night-session';
const desk = () => process.env.E2E_BASE_URL!;

/** A publisher's article page, served from its own origin (127.0.0.1 on another port). */
async function hostPage(html: (deskUrl: string) => string, csp?: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(csp ? { 'Content-Security-Policy': csp } : {}),
    });
    res.end(html(desk()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/story`,
    close: () => new Promise((r) => server.close(r)),
  };
}

const articlePage =
  (embed: string) => (d: string) => `<!doctype html><html lang="en"><head><title>Council passes budget</title>
<style>body{font-family:Georgia,serif}</style></head><body><main><h1>Council passes budget</h1><p>The story…</p>${embed.replaceAll('DESK', d)}</main></body></html>`;

const SNIPPET = `<script src="DESK/embed.js" data-url="${BUDGET}" async></script>
<noscript><a href="DESK/r?url=${encodeURIComponent(BUDGET)}"><img src="DESK/badge.svg?url=${encodeURIComponent(BUDGET)}" alt="Republish this article" height="28"></a></noscript>`;

test('every form of a demo canonical URL lands on its article page, options pre-filled', async ({ page }) => {
  for (const url of [BUDGET, BUDGET.replace('https://', 'https://www.'), `${BUDGET}/`, `${BUDGET}?utm_source=x`]) {
    await page.goto(`/r?url=${encodeURIComponent(url)}`);
    await expect(page).toHaveURL((u) => u.pathname === BUDGET_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Council passes budget');
  }
  await page.goto(`/r?url=${encodeURIComponent(BUDGET)}&use=print&duration=30d`);
  await expect(page.locator('#q-use')).toHaveValue('print');
  await expect(page.locator('#q-duration')).toHaveValue('30d');
});

test('hostile and foreign URLs never leave the site', async ({ page, request }) => {
  const bad = await request.get('/r?url=javascript:alert(1)', { maxRedirects: 0 });
  expect(bad.status()).toBe(400);
  expect(bad.headers().location).toBeUndefined();
  for (const p of [
    '/r?url=%2F%2Fevil.example%2F',
    '/r?url=https://x.example/&next=https://evil.example/',
    '/r?url=https://user:pw@evil.example/',
  ]) {
    expect((await request.get(p, { maxRedirects: 0 })).status(), p).toBe(400);
  }
  await page.goto('/r?url=https://elsewhere.example/');
  expect(new URL(page.url()).origin).toBe(desk());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This is not one of our articles');
});

test('an unknown article of ours: being added, and a publisher asks for it anyway; staff see it in the queue', async ({
  page,
}) => {
  const url = `https://harbourledger.example/news/just-published-${Date.now()}`;
  await page.goto(`/r?url=${encodeURIComponent(url)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This article is being added to the desk');
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await signIn(page, 'publisher@demo.test');
  await page.goto(`/r?url=${encodeURIComponent(url)}`);
  await page.getByLabel(/Anything the desk should know/).fill('For Saturday’s paper');
  await page.getByRole('button', { name: 'Ask for it anyway' }).click();
  await expect(page.getByRole('status')).toContainText('the desk will write to you');
  await page.context().clearCookies();
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/requests');
  await expect(page.getByTestId('unlisted-ask').filter({ hasText: url })).toContainText('For Saturday’s paper');
});

test('a static page with the embed snippet shows the box with the starting price', async ({ page }) => {
  const host = await hostPage(articlePage(SNIPPET));
  try {
    await page.goto(host.url);
    const box = page.locator('.republish-desk-embed');
    await expect(box).toContainText('Republish this article — from £150');
    await expect(box).toContainText('Its picture is included.');
    // The host's font, not the desk's.
    expect(await box.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Georgia');
    const link = box.getByRole('link', { name: 'See the price and request a licence' });
    await expect(link).toHaveAttribute('href', `${desk()}${BUDGET_PATH}`);
    // No cookie was set on either side.
    expect(await page.context().cookies()).toEqual([]);
    // Keyboard: the button is reachable and followed.
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((u) => u.pathname === BUDGET_PATH);
  } finally {
    await host.close();
  }
});

test('with JavaScript off, the badge shows inside a plain link', async ({ browser }) => {
  const host = await hostPage(articlePage(SNIPPET));
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const img = page.getByRole('img', { name: 'Republish this article' });
    await expect(img).toBeVisible();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
      .toBeGreaterThan(100);
    await expect(page.locator('.republish-desk-embed')).toHaveCount(0);
    const badge = await page.request.get(`${desk()}/badge.svg?url=${encodeURIComponent(BUDGET)}`);
    expect(await badge.text()).toContain('from £150');
  } finally {
    await context.close();
    await host.close();
  }
});

test('under a strict host CSP the script is refused, the iframe variant works', async ({ page }) => {
  const frame = `<iframe src="DESK/embed/frame?url=${encodeURIComponent(BUDGET)}" title="Republish this article" width="100%" height="170" style="border:0"></iframe>`;
  const host = await hostPage(
    articlePage(`${SNIPPET}${frame}`),
    `default-src 'none'; style-src 'unsafe-inline'; frame-src ${desk()}`,
  );
  try {
    await page.goto(host.url);
    const box = page.frameLocator('iframe[title="Republish this article"]');
    await expect(box.getByRole('heading', { level: 1 })).toHaveText('Republish this article — from £150');
    await expect(box.getByRole('link', { name: /See the price and request a licence/ })).toBeVisible();
    await expect(page.locator('.republish-desk-embed')).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('the embed answers from a cache, without cookies; only the iframe page may be framed', async ({ request }) => {
  for (const p of [
    `/badge.svg?url=${encodeURIComponent(BUDGET)}`,
    `/embed/data?url=${encodeURIComponent(BUDGET)}`,
    `/embed/frame?url=${encodeURIComponent(BUDGET)}`,
    '/embed.js',
  ]) {
    const res = await request.get(p);
    expect(res.status(), p).toBe(200);
    expect(res.headers()['cache-control'], p).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/);
    expect(res.headers()['set-cookie'], p).toBeUndefined();
  }
  const frame = await request.get(`/embed/frame?url=${encodeURIComponent(BUDGET)}`);
  expect(frame.headers()['x-frame-options']).toBeUndefined();
  expect(frame.headers()['content-security-policy']).toContain('frame-ancestors *');
  for (const p of ['/', `/r/unlisted?url=${encodeURIComponent('https://elsewhere.example/')}`, '/embed/frame/x']) {
    const res = await request.get(p);
    expect(res.headers()['x-frame-options'], p).toBe('DENY');
    expect(res.headers()['content-security-policy'], p).toContain("frame-ancestors 'none'");
  }
});

test('accessibility: the iframe page, the unlisted page and /admin/embed have no serious axe violation', async ({
  page,
}) => {
  const serious = async (label: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${label}: ${v.id} ${v.help}`);
  };
  const found: string[] = [];
  for (const url of [BUDGET, 'https://harbourledger.example/news/not-yet', 'https://elsewhere.example/x']) {
    await page.goto(`/embed/frame?url=${encodeURIComponent(url)}`);
    found.push(...(await serious(`frame ${url}`)));
  }
  await page.goto(`/r/unlisted?url=${encodeURIComponent('https://harbourledger.example/news/not-yet')}`);
  found.push(...(await serious('unlisted')));
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/embed');
  await expect(page.getByTestId('embed-script-preview')).toContainText(/from £\d+/);
  found.push(...(await serious('/admin/embed')));
  expect(found, found.join('\n')).toEqual([]);
});
