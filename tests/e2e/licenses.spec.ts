import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { signIn, signOut } from './helpers';

// Owned, premium ×1.5, with a Ledger photo and a Getty picture (scripts/demo/seed-data/articles.ts).
const SLUG = 'port-authority-contracts-investigation';

function seed(...args: string[]): string {
  const root = path.resolve(__dirname, '..', '..');
  return execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['tests/e2e/support/licenses-seed.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    encoding: 'utf8',
  });
}

const read = async (d: Download) => fs.readFileSync((await d.path())!);

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the licensee downloads the HTML copy and the certificate; staff revoke it and everything says so', async ({
  page,
  baseURL,
}) => {
  const { code } = JSON.parse(seed('issue', 'publisher@demo.test', SLUG).trim().split('\n').pop()!) as { code: string };

  await signIn(page, 'publisher@demo.test');
  await page.goto('/account/licenses');
  await expect(page.getByRole('heading', { name: 'My licences' })).toBeVisible();
  const row = page.getByTestId(`license-${code}`);
  await expect(row.getByTestId('license-status')).toHaveText('Active');
  await expectAccessible(page);

  const [html] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: `Download HTML (ready to paste) of ${code}` }).click(),
  ]);
  expect(html.suggestedFilename()).toBe(`${code}.html`);
  const copy = (await read(html)).toString('utf8');
  expect(copy).toContain('Port authority handed £31m of work');
  expect(copy).toContain(`is republished under licence ${code}.`);
  expect(copy).toMatch(
    /<link rel="canonical" href="https:\/\/harbourledger\.example\/[^"]+port-authority-contracts-investigation">/,
  );
  expect(copy).toContain(`<img src="${baseURL}/api/pixel/${code}.gif" width="1" height="1" alt="">`);
  expect(copy).not.toContain('Getty');
  expect(copy).toContain('One image from the original is not included');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: `Download Licence certificate (PDF) of ${code}` }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`${code}-certificate.pdf`);
  expect((await read(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The detail page lists both downloads.
  await row.getByRole('link', { name: code, exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`Licence ${code}`) })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'HTML', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Licence certificate (PDF)' })).toBeVisible();
  await expectAccessible(page);

  // Anyone can verify it.
  await page.goto('/licenses');
  await page.getByLabel('Licence code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(new RegExp(`/licenses/${code}$`));
  await expect(page.getByTestId('verification-status')).toContainText('This licence is active until');
  await expect(page.getByText('Northbank Daily').first()).toBeVisible();
  // No private data: not the fee (£135.00), the invoice or anyone's email.
  await expect(page.locator('main')).not.toContainText(/£135|INV-|@/);
  await expectAccessible(page);

  // The pixel, loaded from a foreign site by a reader's browser, shows up flagged on the usage page
  // (the test's own headless browser would be left out as a bot).
  const reader =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
  const gif = await page.request.get(`/api/pixel/${code}.gif`, {
    headers: { referer: 'https://copycat.example/stolen-story', 'user-agent': reader },
  });
  expect(gif.headers()['content-type']).toBe('image/gif');
  expect(gif.headers()['cache-control']).toContain('no-store');
  expect(gif.headers()['cross-origin-resource-policy']).toBe('cross-origin');
  await signOut(page);
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/usage');
  const usage = page.getByTestId('usage-row').filter({ hasText: code }).filter({ hasText: 'copycat.example' });
  await expect(usage).toContainText('Flagged');
  await expect(usage).toContainText('copycat.example is not a site of the licensee');
  await expectAccessible(page);

  seed('revoke', code, 'Republished on sites outside the licence.');
  await page.goto(`/licenses/${code}`);
  await expect(page.getByTestId('verification-status')).toContainText('This licence was revoked on');
  await signOut(page);
  await signIn(page, 'publisher@demo.test');
  const gone = await page.request.get(`/api/licenses/${code}/download?format=html`);
  expect(gone.status()).toBe(410);
  expect((await gone.json()).error).toContain('revoked');
});

test('an unknown code gets a friendly 404; another publisher cannot download', async ({ page }) => {
  const res = await page.goto('/licenses/LIC-0000-0000-0000');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No licence with this code' })).toBeVisible();

  const { code } = JSON.parse(seed('issue', 'publisher@demo.test', SLUG).trim().split('\n').pop()!) as { code: string };
  const visitor = await page.request.get(`/api/licenses/${code}/download?format=pdf`);
  expect(visitor.status()).toBe(401);
  await signIn(page, 'nonprofit@demo.test');
  expect((await page.request.get(`/api/licenses/${code}/download?format=pdf`)).status()).toBe(404);
  expect((await page.goto(`/account/licenses/${code}`))?.status()).toBe(404);
});
