import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../db/client';
import { users } from '../../db/schema';
import { toPublicUser } from '../../lib/auth/users';
import { transition } from '../../lib/requests/transition';
import { signIn, signOut } from './helpers';

// Staff act straight in the server's database: the admin pages have their own spec.
let db: Db | undefined;
const desk = () => (db ??= openDatabase(path.join(process.env.E2E_DATA_DIR!, 'desk.db')));

// Owned, not embargoed, premium ×1.0 (scripts/demo/seed-data/articles.ts).
const A = 'council-passes-budget-after-all-night-session';
const B = 'ferry-fare-freeze-becomes-election-battleground';
const form = `/republish?article=${A}&article=${B}`;

const total = (page: Page) => page.getByTestId('live-total');

test('a visitor opening the request form signs in and comes back with the choices kept', async ({ page }) => {
  await page.goto(`${form}&use=print&audience=50000&duration=30d`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel('Email').fill('publisher@demo.test');
  await page.getByLabel('Password').fill(process.env.DEMO_PASSWORD || 'demo-password-e2e');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/republish\?article=council/);
  await expect(page.getByTestId('picked-articles').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByLabel('Use', { exact: true })).toHaveValue('print');
  await expect(page.getByLabel('Audience per month')).toHaveValue('50000');
  await expect(page.getByLabel('Duration')).toHaveValue('30d');
  // print £250 × 0.7 = £175 a line; two lines −10 % = £315
  await expect(total(page)).toHaveText('£315.00');
});

test('an unknown article in the link is explained, not silently dropped', async ({ page }) => {
  await signIn(page, 'publisher@demo.test');
  await page.goto('/republish?article=x');
  await expect(page.getByRole('status').filter({ hasText: '“x” is not an article we can license.' })).toBeVisible();
  await expect(page.getByText('Add an article to see the price.').first()).toBeVisible();
});

test('a publisher requests two articles: live quote, errors at the fields, one request, same fee in the list', async ({
  page,
}) => {
  await signIn(page, 'publisher@demo.test');
  await page.goto(form);
  await expect(total(page)).toHaveText('£270.00');

  // The quote follows the options.
  await page.getByLabel('Audience per month').fill('150000');
  await expect(total(page)).toHaveText('£432.00');
  await page.getByRole('button', { name: /Remove “Ferry fare freeze/ }).click();
  await expect(total(page)).toHaveText('£240.00');
  await page.getByLabel('Add an article').fill('ferry fare');
  await page.getByRole('button', { name: /Add “Ferry fare freeze/ }).click();
  await expect(total(page)).toHaveText('£432.00');
  await page.getByLabel('Audience per month').fill('25000');
  await expect(total(page)).toHaveText('£270.00');

  // Several bad fields: every error at its field, input kept, nothing stored.
  await page.getByLabel('Publication name').fill('');
  await page.getByLabel('Publication web address').fill('ftp://northbank.example');
  await page.getByLabel('Audience per month').fill('-5');
  await page.getByLabel('Which country?').fill('');
  await page.getByLabel('Start date').fill('01/01/2020');
  await page.getByLabel('Notes for the desk (optional)').fill('For the Sunday edition.');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.locator('main [role=alert]')).toContainText('Please correct the marked fields');
  await expect(page.locator('#f-publicationName-error')).toBeVisible();
  await expect(page.locator('#f-publicationUrl-error')).toContainText('http');
  await expect(page.locator('#f-audience-error')).toContainText('at least 1');
  await expect(page.locator('#f-territoryDetail-error')).toContainText('Which country?');
  await expect(page.locator('#f-startDate-error')).toContainText('past');
  await expect(page.locator('#f-acceptTerms-error')).toContainText('accept');
  await expect(page.getByLabel('Publication web address')).toHaveValue('ftp://northbank.example');
  await expect(page.getByLabel('Audience per month')).toHaveValue('-5');
  await expect(page.getByLabel('Notes for the desk (optional)')).toHaveValue('For the Sunday edition.');
  await expect(page.getByTestId('picked-articles').getByRole('listitem')).toHaveCount(2);
  await expect(page).toHaveURL(/\/republish/);

  // Fix and submit — twice in quick succession.
  const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
  await page.getByLabel('Publication name').fill('Northbank Daily Weekend');
  await page.getByLabel('Publication web address').fill('https://northbank.example/weekend');
  await page.getByLabel('Audience per month').fill('25,000');
  await page.getByLabel('Which country?').fill('United Kingdom');
  await page.getByLabel('Start date').fill(today);
  await page.getByLabel('I accept these licence terms').check();
  await expect(total(page)).toHaveText('£270.00');
  await page.getByRole('button', { name: 'Submit request' }).dblclick();
  await expect(page).toHaveURL(/\/account\/requests\/RR-\d{4}-\d{6}\?received=1/);
  await expect(page.getByText('Request received.')).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!;
  expect(reference).toMatch(/^RR-\d{4}-\d{6}$/);
  await expect(page.getByTestId('detail-fee')).toHaveText('£270.00');
  await expect(page.getByTestId('timeline')).toContainText('Submitted');

  // Back to the same form and submit again: still one request.
  await page.goBack();
  await expect(page).toHaveURL(/\/republish/);
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(new RegExp(`/account/requests/${reference}`));

  await page.goto('/account/requests');
  const rows = page.getByTestId('request-row').filter({ hasText: 'Northbank Daily Weekend' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('link', { name: reference })).toBeVisible();
  await expect(rows.first().getByTestId('request-fee')).toHaveText('£270.00');

  // The thread and withdrawal on the request page.
  await rows.first().getByRole('link', { name: reference }).click();
  await page.getByLabel('Write to the desk').fill('Could we start a day early?');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByTestId('thread')).toContainText('Could we start a day early?');
  await page.getByRole('button', { name: 'Withdraw request' }).click();
  await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Withdrawn');
  await expect(page.getByTestId('timeline')).toContainText('Withdrawn');
});

test('the non-profit demo account is quoted the non-profit factor', async ({ page }) => {
  await signIn(page, 'nonprofit@demo.test');
  await page.goto(form);
  await expect(total(page)).toHaveText('£135.00');
  await expect(page.getByText(/Priced for Open Coast Trust \(non-profit\)/)).toBeVisible();
});

test('staff are told that only publishers request; another organisation’s request is a 404', async ({ page }) => {
  await signIn(page, 'publisher@demo.test');
  await page.goto(`${form}&duration=30d`);
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/account\/requests\/RR-/);
  const reference = (await page.getByTestId('reference').textContent())!;
  await signOut(page);

  await signIn(page, 'nonprofit@demo.test');
  const res = await page.goto(`/account/requests/${reference}`);
  expect(res?.status()).toBe(404);
  await signOut(page);

  await signIn(page, 'staff@demo.test');
  await page.goto(form);
  await expect(page.getByText('Only publishers request licences')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit request' })).toHaveCount(0);
});

test('a counter-offer shows its fee and note, and accepting it issues the licence', async ({ page }) => {
  await signIn(page, 'publisher@demo.test');
  await page.goto(`${form}&duration=perpetual`);
  await expect(total(page)).toHaveText('£540.00');
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/account\/requests\/RR-/);
  const reference = (await page.getByTestId('reference').textContent())!;

  const staff = toPublicUser(desk().select().from(users).where(eq(users.email, 'staff@demo.test')).get()!);
  await transition(
    {
      reference,
      action: 'counter',
      expectedVersion: 1,
      fee: 45000,
      note: 'Perpetual print rights are extra; this covers web only.',
    },
    staff,
    desk(),
  );

  await page.reload();
  await expect(page.getByTestId('counter-fee')).toHaveText('£450.00');
  await expect(page.getByRole('blockquote')).toContainText('Perpetual print rights are extra');
  await expect(page.getByText('instead of the quoted £540.00')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Counter-offer made — The desk');
  await page.getByRole('button', { name: 'Accept £450.00' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Approved');
  await expect(page.getByTestId('detail-fee')).toHaveText('£450.00');
  const licence = page.getByTestId('license-link');
  await expect(licence).toHaveText(/^LIC-/);
  await expect(licence).toHaveAttribute('href', /^\/licenses\/LIC-/);
  // £450 is above the payment threshold: the page says the copies wait for the invoice and how to pay it.
  await expect(page.getByRole('status').filter({ hasText: 'your licence is issued' })).toContainText(
    /once invoice INV-\d{4}-\d{6} for £450\.00 is paid/,
  );
  await expect(page.getByTestId('request-awaiting-payment')).toContainText('£450.00 is paid');
  await expect(page.getByTestId('how-to-pay')).toContainText('Sort code');
  await expect(page.getByTestId('how-to-pay')).toContainText('Reference to quote: INV-');
  await expect(page.getByRole('link', { name: /download your copies/i })).toHaveCount(0);
});
