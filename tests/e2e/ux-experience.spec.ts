import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REGISTERED, followVerificationLink, signIn, uniqueEmail } from './helpers';

/*
 * Issue 16's experience items, on a 390×844 phone and a 1280×800 desktop, with screenshots kept
 * in test-results/ (CI keeps that folder as an artifact).
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const ARTICLE = 'council-passes-budget-after-all-night-session';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join('test-results', 'screenshots', `${name}.png`), fullPage: false });

async function readDb<T>(query: string, ...params: unknown[]): Promise<T | undefined> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'desk.db'), { readonly: true });
  try {
    return db.prepare(query).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

async function newPublisher(page: Page, prefix: string): Promise<void> {
  const email = uniqueEmail(prefix);
  const password = `${prefix} long password`;
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Ivo Tester');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Organisation name').fill(`${prefix} Courier ${Date.now().toString(36)}`);
  await page.getByLabel('Type').selectOption('commercial');
  await page.getByLabel('Country').fill('Scotland');
  await page.getByLabel('Website').fill('https://courier.example');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
  await followVerificationLink(page, email);
  await signIn(page, email, password);
}

test('Experience 1: on a phone the total is above "Submit request" and in sight when the button is', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: PHONE });
  await signIn(page, 'publisher@demo.test');
  await page.goto(`/republish?article=${ARTICLE}&duration=perpetual`);
  const submit = page.getByRole('button', { name: 'Submit request' });
  const summary = page.getByTestId('submit-summary');
  await expect(summary).toContainText('£300.00');
  await expect(summary).toContainText('The desk reviews this request');
  await submit.scrollIntoViewIfNeeded();
  await expect(summary).toBeInViewport();
  expect((await summary.boundingBox())!.y).toBeLessThan((await submit.boundingBox())!.y);
  await shot(page, 'phone-request-form');
});

test('Experience 2: on a phone the results come first and the filters sit behind "Filters"; on a desktop a tidy grid', async ({
  browser,
}) => {
  const phone = await browser.newPage({ viewport: PHONE });
  await phone.goto('/articles');
  await expect(phone.getByTestId('article-card').first()).toBeInViewport();
  await expect(phone.getByLabel('Section')).toBeHidden();
  await shot(phone, 'phone-catalogue');
  await phone.getByText('Filters', { exact: true }).click();
  await expect(phone.getByLabel('Section')).toBeVisible();

  // A filter in the address opens the disclosure, so what narrows the results is in sight.
  await phone.goto('/articles?section=Politics');
  await expect(phone.getByLabel('Section')).toBeVisible();

  const desktop = await browser.newPage({ viewport: DESKTOP });
  await desktop.goto('/articles');
  await expect(desktop.getByLabel('Section')).toBeVisible();
  const top = async (label: string) => (await desktop.getByLabel(label, { exact: true }).boundingBox())!.y;
  // The Search button sits on the search's line, not alone in a column of its own.
  const button = (await desktop.getByRole('button', { name: 'Search' }).boundingBox())!;
  const input = (await desktop.getByLabel('Search', { exact: true }).boundingBox())!;
  expect(Math.abs(button.y + button.height - (input.y + input.height))).toBeLessThan(8);
  // Three filters to a row.
  expect(await top('Tag')).toBe(await top('Section'));
  expect(await top('Author')).toBe(await top('Section'));
  expect(await top('Published from')).toBeGreaterThan(await top('Section'));
  await shot(desktop, 'desktop-catalogue');
});

test('Experience 3: after submitting, the page says what happens next and which mail to expect', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await browser.newPage({ viewport: DESKTOP });
  await newPublisher(page, 'expect');
  const submit = async (query: string) => {
    await page.goto(`/republish?article=${ARTICLE}&${query}`);
    await page.getByLabel('Publication web address').fill('https://courier.example/news');
    await page.getByLabel('I accept these licence terms').check();
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect(page.getByText('Request received.')).toBeVisible();
  };

  await submit('duration=30d');
  await expect(page.getByTestId('next-steps')).toContainText('approved at once');
  await expect(page.getByTestId('next-steps').getByRole('link', { name: 'My licences' })).toBeVisible();
  await shot(page, 'desktop-request-instant');

  await submit('duration=perpetual');
  const next = page.getByTestId('next-steps');
  await expect(next).toContainText('the desk reviews your request');
  await expect(next).toContainText(/usually decides within \d/);
  await expect(next).toContainText('We will email you');
});

test('Experience 4: no slugs, codes or rate card versions shown to a publisher', async ({ page }) => {
  await signIn(page, 'publisher@demo.test');
  await page.goto(`/republish?article=${ARTICLE}`);
  await expect(page.getByTestId('picked-articles')).not.toContainText(ARTICLE);
  await page.getByLabel('Add an article').fill('ferry fare');
  await expect(page.getByRole('button', { name: /Add “Ferry fare freeze/ })).toHaveText(
    'Add “Ferry fare freeze becomes the battleground of the mayoral race”',
  );
  await page.getByRole('link', { name: 'My requests' }).first().click();
  await page.getByTestId('request-row').first().getByRole('link').first().click();
  await expect(page.locator('main')).not.toContainText('rate card version');
  await expect(page.locator('main')).not.toContainText('rounded once');
});

test('Experience 7: My requests puts a counter-offer first with "Action needed"; references never wrap; a changed fee shows the quote struck through', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: PHONE });
  await signIn(page, 'publisher@demo.test');
  const countered = await readDb<{ reference: string }>(
    `select r.reference from license_requests r join users u on u.id = r.requester_id
      where u.email = 'publisher@demo.test' and r.status = 'countered' order by r.created_at limit 1`,
  );
  expect(countered, 'the demo publisher has a counter-offer waiting').toBeTruthy();
  await page.goto('/account/requests');
  const first = page.getByTestId('request-row').first();
  await expect(first.getByTestId('action-needed')).toHaveText('Action needed');
  const ref = first.getByRole('link').first();
  const box = (await ref.boundingBox())!;
  const lineHeight = await ref.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 24);
  expect(box.height).toBeLessThan(lineHeight * 1.5);
  await expect(page.getByTestId('request-row').locator('s').first()).toBeVisible();
  await shot(page, 'phone-my-requests');
});

test('Experience 9: a revoked licence’s page says so once and offers no copy to paste', async ({ page }) => {
  await signIn(page, 'publisher@demo.test');
  const revoked = (await readDb<{ code: string }>(
    `select l.code from licenses l join license_requests r on r.id = l.request_id join users u on u.id = r.requester_id
      where u.email = 'publisher@demo.test' and l.status = 'revoked' limit 1`,
  ))!;
  await page.goto(`/account/licenses/${revoked.code}`);
  await expect(page.getByTestId('revocation')).toContainText('This licence was revoked on');
  await expect(page.locator('main').getByText(/revoked/)).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText('ready to paste');
  await expect(page.getByRole('link', { name: /Download/ })).toHaveCount(0);
});
