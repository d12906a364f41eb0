import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/*
 * Staff change a section's AI policy on /admin/ai and every machine-readable file says so at once:
 * /license.xml (RSL), robots.txt, /.well-known/tdmrep.json, and the article pages' TDMRep headers
 * (a visitor's cached copy included). The spec restores the policies it changed.
 */
test.describe.configure({ mode: 'serial' });

const CULTURE = '/articles/maritime-museum-reopens';
const HEALTH = '/articles/aldery-general-waiting-times';

test('staff reserve one section and allow another; the files and headers follow', async ({ page, request }) => {
  const before = await (await request.get('/license.xml')).text();
  expect(before).toMatch(
    /<content url="https:\/\/harbourledger\.example\/health\/\*">\s*<license>\s*<permits type="usage">ai-train<\/permits>\s*<payment type="purchase">/,
  );
  expect((await request.get(CULTURE)).headers()['tdm-reservation']).toBe('1');

  await signIn(page, 'staff@demo.test');
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Desk admin' }).getByRole('link', { name: 'AI terms' }).click();
  await expect(page.getByRole('heading', { name: 'AI terms', level: 1 })).toBeVisible();

  // A directive other than the four crawler lines is refused, and what was typed stays.
  await page.getByLabel('Crawler rules for robots.txt').fill('User-agent: *\nSitemap: https://elsewhere.example/s.xml');
  await page.getByRole('button', { name: 'Save AI terms' }).click();
  // The field's own error (not the hint, not Next's route announcer), once the form has re-rendered.
  await expect(page.locator('#ai-crawlerRules-error')).toHaveText(
    'Line 2: only User-agent, Allow, Disallow and Crawl-delay lines.',
  );
  await expect(page.getByLabel('Crawler rules for robots.txt')).toHaveValue(/elsewhere\.example/);

  await page.getByLabel('AI policy for Health').selectOption('reserve');
  await page.getByLabel('AI policy for Culture').selectOption('allow');
  await page.getByLabel('Crawler rules for robots.txt').fill('User-agent: GPTBot\nDisallow: /');
  await page.getByRole('button', { name: 'Save AI terms' }).click();
  await expect(page.getByRole('status')).toContainText('AI terms saved');
  await expect(page.getByTestId('robots-txt')).toContainText('User-agent: GPTBot');
  await expect(page.getByTestId('tdmrep-json')).toContainText('"location": "/culture/*",\n    "tdm-reservation": 0');

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^License: https?:\/\/\S+\/license\.xml$/m);
  expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  expect(robots).toContain('User-agent: GPTBot\nDisallow: /');

  const xml = await (await request.get('/license.xml')).text();
  expect(xml).toMatch(
    /<content url="https:\/\/harbourledger\.example\/health\/\*">\s*<license>\s*<permits type="usage">search<\/permits>\s*<prohibits type="usage">ai-train,ai-input,ai-index<\/prohibits>/,
  );
  expect(xml).toMatch(
    /<content url="https:\/\/harbourledger\.example\/culture\/\*">\s*<license>\s*<permits type="usage">ai-train,ai-input,ai-index,search<\/permits>\s*<payment type="free"\/>/,
  );

  const tdmrep = (await (await request.get('/.well-known/tdmrep.json')).json()) as Record<string, unknown>[];
  expect(tdmrep).toContainEqual({ location: '/culture/*', 'tdm-reservation': 0 });
  expect(tdmrep).toContainEqual(expect.objectContaining({ location: '/health/*', 'tdm-reservation': 1 }));
  const policyUrl = String(tdmrep.find((e) => e.location === '/health/*')!['tdm-policy']);
  const policy = (await (await request.get(new URL(policyUrl).pathname)).json()) as Record<string, unknown>;
  expect(policy).toMatchObject({ '@type': 'Offer', profile: 'http://www.w3.org/ns/tdmrep' });

  // Visitors' (cached) article pages: the headers follow the new policies.
  const health = await request.get(HEALTH);
  expect(health.status()).toBe(200);
  expect(health.headers()['tdm-reservation']).toBe('1');
  expect(health.headers()['tdm-policy']).toBe(policyUrl);
  expect((await request.get(CULTURE)).headers()['tdm-reservation']).toBe('0');
  // Signed-in pages carry the same values as <meta> tags.
  await page.goto(HEALTH);
  await expect(page.locator('meta[name="tdm-reservation"]')).toHaveAttribute('content', '1');

  // Put the desk back as it was for the other specs.
  await page.goto('/admin/ai');
  await page.getByLabel('AI policy for Health').selectOption('license');
  await page.getByLabel('AI policy for Culture').selectOption('license');
  await page.getByLabel('Crawler rules for robots.txt').fill('');
  await page.getByRole('button', { name: 'Save AI terms' }).click();
  await expect(page.getByRole('status')).toContainText('AI terms saved');
});
