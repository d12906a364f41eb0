import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const root = path.resolve(__dirname, '..', '..');

test('searching for a word in one article body finds it, highlighted, and by its prefix', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('quillwort');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/articles\?q=quillwort$/);
  const cards = page.getByTestId('article-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByRole('link', { name: /Lake Carrow survey/ })).toBeVisible();
  await expect(cards.first().getByTestId('snippet').locator('mark')).toHaveText('quillwort');

  await page.getByLabel('Search', { exact: true }).fill('quillw');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=quillw(&|$)/);
  await expect(page.getByTestId('article-card')).toHaveCount(1);
  await expect(page.getByTestId('snippet').locator('mark')).toHaveText('quillwort');
});

test('hostile searches get a page, never an error', async ({ page }) => {
  for (const q of ['"', 'NEAR(harbour', '*', '🐙', 'AND OR NOT', `${'"x" '.repeat(250)}`]) {
    const res = await page.goto(`/articles?q=${encodeURIComponent(q)}`);
    expect(res?.status(), q).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search the catalogue');
  }
  await expect(page.getByRole('heading', { name: 'Nothing found' })).toBeVisible();
});

test('the rights box says an agency photo is not included', async ({ page }) => {
  await page.goto('/articles/storm-surge-barrier-consultation');
  const box = page.getByTestId('rights-box');
  await expect(box).toContainText('owns the rights to this text');
  const photo = box.getByTestId('asset-rights').filter({ hasText: 'AFP photo' });
  await expect(photo).toContainText('Not included');
  await expect(photo).toContainText('agency picture');
  // One "Request to republish" button, the price panel's, carrying the options chosen there (issue 16, bug 1).
  await expect(box.getByRole('link', { name: 'Request to republish' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Request to republish' })).toHaveAttribute(
    'href',
    /^\/republish\?article=storm-surge-barrier-consultation&use=web&audience=25000&territory=country&duration=1y&portion=full$/,
  );
  await expect(page.getByTestId('preview')).toContainText('Preview ends here');
});

test('a syndicated article shows why it cannot be licensed', async ({ page }) => {
  await page.goto('/articles/container-shipping-rates-fall-wire');
  const box = page.getByTestId('rights-box');
  await expect(box.getByTestId('not-licensable-reason')).toContainText('syndicated to us by another publisher');
  await expect(box.getByRole('link', { name: 'Request to republish' })).toHaveCount(0);
});

test('unknown and embargoed articles are 404 for the public; staff see the embargoed one', async ({ page }) => {
  expect((await page.goto('/articles/no-such-article'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect((await page.goto('/articles/coastal-erosion-report-saltmarsh-cliffs'))?.status()).toBe(404);
  await signIn(page, 'staff@demo.test');
  expect((await page.goto('/articles/coastal-erosion-report-saltmarsh-cliffs'))?.status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'Staff view' })).toContainText('embargoed until');
});

test('paging and filters live in the URL and the back button works', async ({ page }) => {
  await page.goto('/articles');
  await expect(page.getByTestId('article-card')).toHaveCount(20);
  await expect(page.getByTestId('results-summary')).toContainText('Showing 1–20 of');
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/\/articles\?page=2$/);
  await expect(page.getByTestId('results-summary')).toContainText('Showing 21–');

  await page.getByLabel('Section').selectOption('Politics');
  await page.getByLabel('Only articles we can license').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/section=Politics/);
  await expect(page).toHaveURL(/licensable=1/);
  const sections = await page.getByTestId('article-card').locator('.meta-line a').first().allTextContents();
  expect(sections).toEqual(['Politics']);
  for (const card of await page.getByTestId('article-card').all()) await expect(card).toContainText('Licensable');

  await page.goBack();
  await expect(page).toHaveURL(/\/articles\?page=2$/);
  await expect(page.getByTestId('results-summary')).toContainText('Showing 21–');

  const res = await page.goto('/articles?page=0&from=not-a-date');
  expect(res?.status()).toBe(200);
  await expect(page.locator('main [role=alert]')).toContainText('Pages start at 1.');
  await expect(page.locator('#f-from-error')).toBeVisible();
});

test('the API answers like the page, and refuses bad parameters with 400', async ({ request }) => {
  const ok = await request.get('/api/articles?q=quillwort');
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
  expect(body.items[0].slug).toBe('lake-carrow-survey-finds-rare-aquatic-plant');
  const bad = await request.get('/api/articles?page=abc');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors.page).toBeTruthy();
});

test('the home page lists recent licensable articles', async ({ page }) => {
  await page.goto('/');
  const recent = page.getByRole('region', { name: 'Recently published, ready to license' });
  await expect(recent.getByTestId('article-card')).toHaveCount(6);
  for (const card of await recent.getByTestId('article-card').all()) await expect(card).toContainText('Licensable');
});

test('an imported feed reaches the catalogue without its scripts or event handlers', async ({ page }) => {
  const run = () =>
    execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/import.ts', 'tests/fixtures/rss.xml'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
      encoding: 'utf8',
    });
  expect(run()).toMatch(/Imported 3 · updated 0 · skipped 1/);
  expect(run()).toMatch(/Imported 0 · updated 3 · skipped 1/);
  const res = await page.goto('/articles/lighthouse-cottages-museum');
  const html = (await res?.text()) ?? '';
  expect(html).not.toMatch(/pwned|onerror/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "Lighthouse keepers' cottages open as a winter museum",
  );
  expect(await page.title()).not.toContain('pwned');
  await expect(page.getByTestId('asset-rights').filter({ hasText: 'AFP photo/HO' })).toContainText('Not included');
  await page.goto('/articles?q=lighthouse');
  await expect(page.getByTestId('article-card')).toHaveCount(1);
});

test('staff hide an article from the catalogue and show it again', async ({ page, browser }) => {
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/articles?q=heat+map+old+dock');
  await page.getByRole('link', { name: /Heat map shows Old Dock streets/ }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  const hide = page.getByLabel('Hide from the catalogue (staff still see it)');
  await page.getByLabel('Premium multiplier').fill('abc');
  await hide.check();
  await page.getByRole('button', { name: 'Save rights' }).click();
  await expect(page.locator('#f-premium-error')).toContainText('multiplier like 1 or 1.25');
  await expect(page.getByLabel('Premium multiplier')).toHaveValue('abc');
  await expect(hide).toBeChecked();
  await page.getByLabel('Premium multiplier').fill('1.25');
  await page.getByRole('button', { name: 'Save rights' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const visitor = await browser.newPage();
  expect((await visitor.goto('/articles/street-trees-heat-map'))?.status()).toBe(404);

  await page.reload();
  await page.getByLabel('Hide from the catalogue (staff still see it)').uncheck();
  await page.getByLabel('Premium multiplier').fill('1');
  await page.getByRole('button', { name: 'Save rights' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect((await visitor.goto('/articles/street-trees-heat-map'))?.status()).toBe(200);
  await visitor.close();
});
