import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Visitors share cached copies of the catalogue and article pages (proxy.ts → app/(visitor));
// signed-in users get pages rendered for them, and staff changes reach visitors at once.

const SLUG = 'tide-gauge-centenary';
const TITLE = /A hundred years of tides/;
/** The article's card in a list (search results highlight words, so the title is split by marks). */
const CARD_LINK = `href="/articles/${SLUG}"`;

/** A visitor's view: no cookies, and the cache's verdict. */
async function visit(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0 });
  return { status: res.status(), html: await res.text(), cache: res.headers()['x-nextjs-cache'] };
}

async function primed(request: APIRequestContext, url: string) {
  await visit(request, url);
  const second = await visit(request, url);
  expect(second.cache, url).toBe('HIT');
  return second;
}

async function saveRights(page: Page, change: (page: Page) => Promise<void>) {
  await page.goto('/admin/articles?q=hundred+years+tides');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  await change(page);
  await page.getByRole('button', { name: 'Save rights' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

test('visitors share one cached page; a signed-in publisher gets one priced for their organisation', async ({
  page,
  request,
}) => {
  const article = await primed(request, `/articles/${SLUG}`);
  expect(article.status).toBe(200);
  expect(article.html).toContain('Sign in');
  const search = await primed(request, '/articles?q=tide+gauge');
  expect(search.html).toContain(CARD_LINK);
  // Equal searches share the entry: defaults and unknown parameters do not make a new one.
  expect((await visit(request, '/articles?page=1&q=tide%20gauge&utm_source=x')).cache).toBe('HIT');

  await signIn(page, 'publisher@demo.test');
  const res = await page.goto(`/articles/${SLUG}`);
  expect(res?.headers()['x-nextjs-cache']).toBeUndefined();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await expect(page.getByText('Priced for your organisation: commercial')).toBeVisible();

  // The root 404 is part of every page's payload, cached ones too, so the browser asks who is signed in.
  expect((await page.goto('/no-such-page'))?.status()).toBe(404);
  await expect(page.getByTestId('signed-in-as')).toHaveText('Pat Publisher');
  const me = await (await page.request.get('/api/me')).json();
  expect(me).toEqual({ user: { name: 'Pat Publisher' } });
  expect(await (await request.get('/api/me')).json()).toEqual({ user: null });
});

// The test server listens on 127.0.0.1 (HOST), as a server behind nginx does. Next writes the proxy's
// request.url with "localhost" for a loopback address; unless the server names itself the same way,
// every rewrite into app/(visitor) looked like another site's address and Next proxied it to
// itself over HTTP: a second request per visitor page (x-middleware-rewrite came back absolute).
test('a visitor page is rewritten inside the server, not proxied to itself over HTTP', async ({ request }) => {
  for (const url of ['/articles', `/articles/${SLUG}`, '/articles?q=harbour']) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(200);
    expect(res.headers()['x-middleware-rewrite'], url).toMatch(/^\/visitor\//);
  }
});

// scripts/lib/compress.js: a cached page is compressed once per version and kept; what a reader
// decodes must be byte for byte the page an uncompressed reader gets, in either encoding.
test('a cached visitor page arrives compressed as the reader asks, the same page once decoded', async ({
  request,
  page,
}) => {
  const url = `/articles/${SLUG}`;
  await primed(request, url);
  const plain = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  for (const encoding of ['gzip', 'br']) {
    const res = await request.get(url, { headers: { 'accept-encoding': encoding } });
    expect(res.headers()['content-encoding'], encoding).toBe(encoding);
    expect(res.headers()['vary'], encoding).toMatch(/Accept-Encoding/);
    expect(await res.text(), encoding).toBe(await plain.text());
  }
  // A signed-in page is not shared: compressed as it streams, never from the store.
  await signIn(page, 'publisher@demo.test');
  const signedIn = await page.request.get(url, { headers: { 'accept-encoding': 'gzip' } });
  expect(signedIn.headers()['content-encoding']).toBe('gzip');
  expect(signedIn.headers()['cache-control']).toMatch(/private|no-store/);
  expect(await signedIn.text()).toContain('Priced for your organisation');
});

test('parameters that need explaining are answered per request, with the explanation', async ({ request }) => {
  const res = await visit(request, '/articles?page=0');
  expect(res.status).toBe(200);
  expect(res.cache).toBeUndefined();
  expect(res.html).toContain('Pages start at 1.');
});

test('staff hiding an article and changing its rights reach the cached visitor pages at once', async ({
  page,
  request,
}) => {
  await primed(request, `/articles/${SLUG}`);
  await primed(request, '/articles?q=tide+gauge');

  await signIn(page, 'staff@demo.test');
  await saveRights(page, (p) => p.getByLabel('Hide from the catalogue (staff still see it)').check());
  expect((await visit(request, `/articles/${SLUG}`)).status).toBe(404);
  expect((await visit(request, '/articles?q=tide+gauge')).html).not.toContain(CARD_LINK);

  await saveRights(page, async (p) => {
    await p.getByLabel('Hide from the catalogue (staff still see it)').uncheck();
    await p.getByLabel('Rights status').selectOption('syndicated_in');
  });
  const syndicated = await visit(request, `/articles/${SLUG}`);
  expect(syndicated.status).toBe(200);
  expect(syndicated.html).toContain('syndicated to us by another publisher');
  expect((await visit(request, '/articles?q=tide+gauge')).html).toContain(CARD_LINK);

  await saveRights(page, async (p) => {
    await p.getByLabel('Rights status').selectOption('owned');
  });
  expect((await visit(request, `/articles/${SLUG}`)).html).toContain('Request to republish');
});

test('a new publisher name in the settings reaches the cached visitor pages at once', async ({ page, request }) => {
  expect((await primed(request, `/articles/${SLUG}`)).html).toContain('The Harbour Ledger owns the rights');
  await signIn(page, 'admin@demo.test');
  const rename = async (name: string) => {
    await page.goto('/admin/settings');
    await page.getByLabel('Publisher name').fill(name);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
  };
  await rename('The Harbour Ledger Group');
  expect((await visit(request, `/articles/${SLUG}`)).html).toContain('The Harbour Ledger Group owns the rights');
  await rename('The Harbour Ledger');
  expect((await visit(request, `/articles/${SLUG}`)).html).toContain('The Harbour Ledger owns the rights');
});

test('a new rate card reprices the cached visitor pages at once', async ({ page, request }) => {
  const priceOf = (html: string) => /Quote: (£[\d,.]+)/.exec(html)?.[1];
  const before = priceOf((await primed(request, `/articles/${SLUG}`)).html);
  expect(before).toBeTruthy();
  await signIn(page, 'staff@demo.test');
  const webFee = async (pounds: string) => {
    await page.goto('/admin/rate-card');
    await page.getByLabel('Website', { exact: true }).fill(pounds);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved as version' })).toBeVisible();
  };
  await webFee('300');
  const after = priceOf((await visit(request, `/articles/${SLUG}`)).html);
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);
  // The original fee again, so the other browser tests' prices do not move.
  await webFee('150');
  expect(priceOf((await visit(request, `/articles/${SLUG}`)).html)).toBe(before);
});
