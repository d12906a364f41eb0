import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { REGISTERED, followVerificationLink, signIn, uniqueEmail } from './helpers';

/*
 * Issue 16's bugs, as a person meets them in the browser: each test failed on the code before
 * its fix.
 */

const ARTICLE = 'council-passes-budget-after-all-night-session';

/** Reads the server's database (read-only) for what a person would find by other means. */
async function readDb<T>(query: string, ...params: unknown[]): Promise<T | undefined> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'desk.db'), { readonly: true });
  try {
    return db.prepare(query).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

/** A new, confirmed commercial outlet, signed in: its requests are its own and touch no demo data. */
async function newPublisher(page: Page, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  const password = `${prefix} long password`;
  const org = `${prefix} Gazette ${Date.now().toString(36)}`;
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Una Tester');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Organisation name').fill(org);
  await page.getByLabel('Type').selectOption('commercial');
  await page.getByLabel('Country').fill('Wales');
  await page.getByLabel('Website').fill('https://gazette.example');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
  await followVerificationLink(page, email);
  await signIn(page, email, password);
  return org;
}

test('Bug 1: one "Request to republish" button, and it carries the options chosen in the calculator', async ({
  page,
}) => {
  await signIn(page, 'publisher@demo.test');
  await page.goto(`/articles/${ARTICLE}`);
  const calculator = page.getByRole('form', { name: 'Quote calculator' });
  await calculator.getByLabel('Duration').selectOption('perpetual');
  await expect(page.getByTestId('calculator-total')).toHaveText('£300.00');
  const buttons = page.getByRole('link', { name: 'Request to republish' });
  await expect(buttons).toHaveCount(1);
  await buttons.click();
  await expect(page).toHaveURL(/\/republish\?/);
  await expect(page.getByLabel('Duration')).toHaveValue('perpetual');
  await expect(page.getByTestId('live-total')).toHaveText('£300.00');
});

test('Bug 2: a reference or licence code finds a closed request whatever the status filter; a search matching only closed requests offers them', async ({
  page,
}) => {
  const revoked = (await readDb<{ reference: string; id: number; code: string }>(
    `select r.reference, r.id, l.code from license_requests r join licenses l on l.request_id = r.id
      where r.status = 'revoked' order by r.id limit 1`,
  ))!;
  expect(revoked).toBeTruthy();
  await signIn(page, 'staff@demo.test');
  const search = async (q: string) => {
    await page.goto('/admin/requests');
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('open');
    await page.getByLabel('Reference or organisation').fill(q);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/q=/);
  };
  const queue = page.locator('table.queue');

  await search(revoked.reference);
  await expect(queue.getByRole('link', { name: revoked.reference })).toBeVisible();
  await expect(page.getByText('Nothing matches')).toHaveCount(0);

  await search(revoked.code.toLowerCase());
  await expect(queue.getByRole('link', { name: revoked.reference })).toBeVisible();

  // The request's number alone is not a reference: the status filter holds, and the page says
  // that closed requests match and offers them.
  await search(String(revoked.id));
  await expect(queue).toHaveCount(0);
  const offer = page.getByTestId('closed-matches');
  await expect(offer).toContainText('closed');
  await offer.getByRole('link').click();
  await expect(queue.getByRole('link', { name: revoked.reference })).toBeVisible();
});

test('Bug 3: the quote, the form and the queue flag a perpetual or over-limit request for review, as auto-approval does', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await browser.newPage();
  await newPublisher(page, 'review');

  // The article page's quote.
  await page.goto(`/articles/${ARTICLE}`);
  const calculator = page.getByRole('form', { name: 'Quote calculator' });
  await calculator.getByLabel('Duration').selectOption('perpetual');
  await expect(page.locator('.quote-calculator')).toContainText('Perpetual licences are reviewed by the desk.');
  await calculator.getByLabel('Duration').selectOption('30d');
  await expect(page.getByTestId('calculator-review')).toHaveCount(0);
  await expect(page.getByTestId('calculator-instant')).toBeVisible();
  await calculator.getByLabel('Duration').selectOption('1y');
  await calculator.getByLabel('Audience per month').fill('5000000');
  await expect(page.getByTestId('calculator-review')).toContainText('£200.00');

  // The form, then the queue.
  await page.goto(`/republish?article=${ARTICLE}&duration=perpetual`);
  await expect(page.getByTestId('live-review')).toContainText('Perpetual');
  await page.getByLabel('Publication web address').fill('https://gazette.example/news');
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  const reference = (await page.getByTestId('reference').textContent())!;

  const staff = await browser.newPage();
  await signIn(staff, 'staff@demo.test');
  await staff.goto(`/admin/requests?q=${reference}`);
  const row = staff.locator('table.queue tr', { has: staff.getByRole('link', { name: reference }) });
  await expect(row.getByText('Review needed')).toBeVisible();
});

test('Bug 4: the article preview keeps its subheadings and ends at a block boundary', async ({ page }) => {
  await page.goto('/articles/winter-sea-swimmers-water-testing');
  const preview = page.getByTestId('preview');
  await expect(preview.getByRole('heading', { name: 'Swimming in the dark' })).toBeVisible();
  // Never flattened into a paragraph.
  await expect(preview.locator('p', { hasText: /^Swimming in the dark$/ })).toHaveCount(0);
});

test('Bug 5: the price breakdown reads in the form’s words, not codes', async ({ page }) => {
  await page.goto(`/articles/${ARTICLE}`);
  const breakdown = page.locator('.quote-calculator .quote-breakdown');
  const text = (await breakdown.textContent())!;
  for (const words of ['Commercial outlet', '1 year', 'One country', 'Full text'])
    expect(text, `“${words}” in the breakdown`).toContain(words);
  for (const code of ['Licensee: commercial', 'Duration: 1y', 'Territory: country', 'Portion: full', 'rounded once'])
    expect(text, `“${code}” in the breakdown`).not.toContain(code);
});

test('Bug 7: no complementary landmark inside another landmark on the request, article and form pages', async ({
  page,
}) => {
  await signIn(page, 'publisher@demo.test');
  const ref = (await readDb<{ reference: string }>(
    `select r.reference from license_requests r join users u on u.id = r.requester_id
      where u.email = 'publisher@demo.test' order by r.id limit 1`,
  ))!.reference;
  const found: string[] = [];
  for (const url of [`/account/requests/${ref}`, `/articles/${ARTICLE}`, `/republish?article=${ARTICLE}`]) {
    await page.goto(url);
    const { violations } = await new AxeBuilder({ page })
      .withRules(['landmark-complementary-is-top-level', 'landmark-unique', 'region'])
      .analyze();
    found.push(...violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  }
  expect(found).toEqual([]);
});
