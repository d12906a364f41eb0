/**
 * npm run screenshots: the README's pictures of the desk, taken from a fresh demo desk. Starts the
 * production build on a temporary DATA_DIR (as the browser tests do), drives Debian's Chromium
 * (`CHROMIUM_PATH`, default /usr/bin/chromium) and writes docs/screenshots/*.png at 1280×800, one
 * at a phone's 390×844. Each is clipped to the viewport so the files stay small. Needs
 * `npm run build` first (or NEXT_DIST_DIR pointing at a build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { DEMO_PASSWORD, startServer } from './lib/server';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const ARTICLE = 'council-passes-budget-after-all-night-session';

async function open(browser: Browser, baseURL: string, options: BrowserContextOptions = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ ...options, baseURL, reducedMotion: 'reduce' });
  return context.newPage();
}

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

async function shoot(page: Page, name: string) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  console.log(`${path.relative(process.cwd(), file)}  ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-screens-'));
  const server = await startServer({ dataDir, env: { FEEDS_SCHEDULER: 'off' } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    // A visitor: the catalogue, and an article priced for a perpetual licence.
    const visitor = await open(browser, server.url);
    await visitor.goto('/articles');
    await shoot(visitor, 'catalogue');
    await visitor.goto(`/articles/${ARTICLE}`);
    await visitor.getByRole('form', { name: 'Quote calculator' }).getByLabel('Duration').selectOption('perpetual');
    await visitor.getByTestId('calculator-total').filter({ hasText: '£' }).waitFor();
    // The total in the middle of the screen: the options above it, what the desk does next below.
    await visitor.getByTestId('calculator-total').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shoot(visitor, 'article-quote');

    // Staff: the newest open request in the queue.
    const staff = await open(browser, server.url);
    await signIn(staff, 'staff@demo.test');
    await staff.goto('/admin/requests');
    await staff.locator('a[href^="/admin/requests/RR-"]').first().click();
    await staff.waitForURL(/\/admin\/requests\/RR-/);
    await staff.getByRole('heading', { name: /^Request RR-/ }).waitFor();
    await shoot(staff, 'staff-review');

    // The publisher: a licence that is paid for, with its downloads.
    const publisher = await open(browser, server.url);
    await signIn(publisher, 'publisher@demo.test');
    await publisher.goto('/account/licenses');
    const row = publisher
      .locator('[data-testid^="license-LIC-"]')
      .filter({ has: publisher.getByRole('link', { name: /^Download HTML/ }) })
      .first();
    const testId = (await row.getAttribute('data-testid'))!;
    await publisher.goto(`/account/licenses/${testId.slice('license-'.length)}`);
    await shoot(publisher, 'licence');

    // The catalogue on a phone: results first.
    const phone = await open(browser, server.url, PHONE);
    await phone.goto('/articles');
    await shoot(phone, 'catalogue-phone');
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
