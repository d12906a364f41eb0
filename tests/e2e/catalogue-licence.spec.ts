import { expect, test } from '@playwright/test';
import { REGISTERED, followVerificationLink, signIn, uniqueEmail, decisionPanel } from './helpers';

// Issue 18's acceptance in the browser: an AI developer registers, builds a selection (a section,
// the last two years), sees the count and the tiered price, submits; staff counter-offer; the
// developer accepts; the licence shows the selection; staff record the payment.

const day = (d: Date) => d.toISOString().slice(0, 10);

test('an AI developer licenses a section: selection, live price, counter-offer, licence, payment', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('ai');
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Ada Model');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long password');
  await page.getByLabel('Organisation name').fill('Model Works');
  await page.getByLabel('Type').selectOption('ai_developer');
  await page.getByLabel('Country').fill('Ireland');
  await page.getByLabel('Website').fill('https://modelworks.example');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
  await followVerificationLink(page, email);
  await signIn(page, email, 'a long password');

  await page.goto('/');
  await page.getByRole('link', { name: 'licence a catalogue' }).click();
  await expect(page.getByRole('heading', { name: 'Licence a catalogue' })).toBeVisible();
  const now = new Date();
  const twoYearsAgo = new Date(now);
  twoYearsAgo.setUTCFullYear(now.getUTCFullYear() - 2);
  const before = await page.getByTestId('catalogue-quote-count').textContent();
  await page.getByLabel('Environment').check();
  await page.getByLabel('Published from').fill(day(twoYearsAgo));
  await page.getByLabel('Published to').fill(day(now));
  await page.getByLabel('Use').selectOption('ai-input');
  // The live count follows the filters (debounced fetch of GET /api/catalogue-quote).
  await expect(page.getByTestId('catalogue-quote-count')).not.toHaveText(before!);
  await expect(page.getByTestId('catalogue-quote-count')).toHaveText(/^[1-9]\d* articles?$/);
  await expect(page.getByTestId('catalogue-quote-tier').first()).toContainText('1–');
  await expect(page.getByTestId('catalogue-quote-total')).toHaveText(/^£[\d,]+\.\d\d$/);

  // Bad input keeps what was typed and marks the field.
  await page.getByLabel('Product or service').fill('');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.locator('.field-error').first()).toBeVisible();
  await expect(page.getByLabel('Environment')).toBeChecked();
  await page.getByLabel('Product or service').fill('Answer engine');
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/account\/requests\/RR-\d{4}-\d+\?received=1/);
  const ref = /RR-\d{4}-\d+/.exec(page.url())![0];
  await expect(page.getByTestId('selection')).toContainText('Environment');

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff@demo.test');
  await staff.goto(`/admin/requests/${ref}`);
  await expect(staff.getByTestId('selection')).toContainText('Environment');
  await expect(staff.getByTestId('stored-quote-tier').first()).toBeVisible();
  const counter = await decisionPanel(staff, 'Counter-offer');
  await counter.getByLabel('Proposed fee (£)').fill('300');
  await counter.getByRole('button', { name: 'Send counter-offer of £300.00' }).click();
  await expect(staff.getByRole('heading', { name: `Request ${ref}` })).toContainText('Counter-offer');

  await page.goto(`/account/requests/${ref}`);
  await page.getByRole('button', { name: 'Accept £300.00' }).click();
  await expect(page.getByTestId('license-link')).toHaveText(/^LIC-/);
  const code = (await page.getByTestId('license-link').textContent())!.trim();

  await page.goto(`/account/licenses/${code}`);
  await expect(page.getByTestId('selection')).toContainText('Environment');
  await expect(page.getByTestId('selection-count')).toHaveText(/^[1-9]\d* articles?$/);
  await expect(page.getByTestId('awaiting-payment')).toContainText('£300.00');

  // Staff record the transfer; the licence is paid and its copies come through the API export.
  await staff.goto(`/admin/requests/${ref}`);
  const pay = staff.getByTestId('record-payment');
  await pay.getByLabel('Amount (£)').fill('300');
  await pay.getByLabel('Reference').fill('BACS-AI-1');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'paid in full' })).toBeVisible();
  await staffContext.close();

  await page.reload();
  await expect(page.getByTestId('awaiting-payment')).toHaveCount(0);
  await expect(page.getByTestId('catalogue-export')).toContainText('API export');
  await page.goto(`/licenses/${code}`);
  await expect(page.getByTestId('selection')).toContainText('Environment');
});
