import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { axeViolations } from './support/axe';

/*
 * axe-core 4.10 (every rule: WCAG 2.x A/AA and best practices) on the main pages of each role:
 * no serious or critical violation. A failure lists the rule, its help text and the nodes.
 */

const ARTICLE = 'council-passes-budget-after-all-night-session';

const violations = (page: Page, label: string, include?: string) =>
  axeViolations(page, label, { include, impacts: ['serious', 'critical'] });

async function check(page: Page, label = page.url()) {
  const bad = await violations(page, label);
  expect(bad, bad.join('\n')).toEqual([]);
}

async function audit(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  await check(page, url);
}

test('the checker sees a serious violation when there is one', async ({ page }) => {
  // A static page (no React to re-render it away): an unlabelled field, an image without alt, an empty link.
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Probe</title></head><body><main><h1>Probe</h1><img src="data:,"><input type="text"><a href="/"></a></main></body></html>',
  );
  const found = (await violations(page, 'probe')).join('\n');
  for (const rule of ['image-alt', 'label', 'link-name']) expect(found).toContain(rule);
});

test('public pages: home, catalogue, search results, article, registration', async ({ page }) => {
  for (const url of ['/', '/articles', '/articles?q=harbour', `/articles/${ARTICLE}`, '/register'])
    await audit(page, url);
});

test('account pages without a session: forgotten password, a mailed link that does not work', async ({ page }) => {
  for (const url of ['/forgot-password', `/reset-password?token=${'x'.repeat(43)}`]) await audit(page, url);
});

test('publisher pages: request form (also with its errors shown), requests, a request, signed-in devices', async ({
  page,
}) => {
  // Six audits, the settings page now with four forms: more than a minute on a busy machine.
  test.setTimeout(120_000);
  await signIn(page, 'publisher@demo.test');
  await audit(page, `/republish?article=${ARTICLE}`);
  await page.getByLabel('Publication name').fill('');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.locator('main [role=alert]')).toContainText('Please correct the marked fields');
  await check(page, 'request form with errors');
  await audit(page, '/account/requests');
  await page.getByTestId('request-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/account\/requests\/RR-/);
  await check(page);
  await audit(page, '/account/settings');
});

test('staff pages: queue and a review page', async ({ page }) => {
  await signIn(page, 'staff@demo.test');
  await audit(page, '/admin/requests');
  const href = await page.locator('a[href^="/admin/requests/RR-"]').first().getAttribute('href');
  await audit(page, href!);
});

test('the door from the publisher’s site: the iframe box, the unlisted page, the embed snippets', async ({ page }) => {
  const url = encodeURIComponent(
    'https://harbourledger.example/politics/council-passes-budget-after-all-night-session',
  );
  await audit(page, `/embed/frame?url=${url}`);
  await audit(page, `/r/unlisted?url=${encodeURIComponent('https://harbourledger.example/news/not-yet')}`);
  await signIn(page, 'staff@demo.test');
  await audit(page, `/admin/embed?url=${url}`);
});
