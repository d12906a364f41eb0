import fs from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { REGISTERED, decisionPanel, followVerificationLink, signIn, uniqueEmail } from './helpers';
import { pageWatchingCsp } from './support/csp';

/*
 * The whole life of a licence, through the pages only: a new outlet registers, searches, prices
 * a use and requests it (perpetual, so it goes to staff); staff counter-offer; the outlet accepts
 * and gets the licence at the countered fee, downloads the copy and the certificate; anyone can
 * verify it; staff revoke it; verification says so and downloads stop. No page on the way
 * breaks the Content-Security-Policy.
 */

const read = async (d: Download) => fs.readFileSync((await d.path())!);

test('an outlet registers, requests, accepts a counter-offer, downloads, and loses the licence when staff revoke it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('journey');
  const password = 'estuary weekly password';
  const outletName = `Estuary Weekly ${Date.now().toString(36)}`;
  const cspViolations: string[] = [];
  const outlet: Page = await pageWatchingCsp(browser, cspViolations);

  // Register, confirm the address from the mail, sign in.
  await outlet.goto('/');
  await outlet.getByRole('link', { name: 'Register' }).first().click();
  await outlet.getByLabel('Your name').fill('Rhea Journey');
  await outlet.getByLabel('Email').fill(email);
  await outlet.getByLabel('Password').fill(password);
  await outlet.getByLabel('Organisation name').fill(outletName);
  await outlet.getByLabel('Type').selectOption('commercial');
  await outlet.getByLabel('Country').fill('Ireland');
  await outlet.getByLabel('Website').fill('https://estuary-weekly.example');
  await outlet.getByRole('button', { name: 'Create account' }).click();
  await expect(outlet.locator('main [role=status]')).toHaveText(REGISTERED);
  await followVerificationLink(outlet, email);
  await signIn(outlet, email, password);
  await expect(outlet.getByTestId('signed-in-as')).toHaveText('Rhea Journey');

  // Search from the home page and open the article.
  await outlet.goto('/');
  await outlet.getByRole('search').getByLabel('Search articles').fill('youth council');
  await outlet.getByRole('search').getByLabel('Search articles').press('Enter');
  await expect(outlet).toHaveURL(/\/articles\?q=youth\+council/);
  await outlet
    .getByRole('link', { name: /Youth council holds first sitting/ })
    .first()
    .click();
  await expect(outlet.getByRole('heading', { level: 1 })).toHaveText(/Youth council holds first sitting/);

  // Price it: web, 25,000 a month, one country, perpetual: £150 × 2.0 = £300.
  const calculator = outlet.getByRole('form', { name: 'Quote calculator' });
  await calculator.getByLabel('Duration').selectOption('perpetual');
  await expect(outlet.getByTestId('calculator-total')).toHaveText('£300.00');
  // The calculator's link carries the options (the rights box has a plain one too).
  await outlet
    .getByRole('link', { name: 'Request to republish' })
    .and(outlet.locator('[href*="duration=perpetual"]'))
    .click();

  // The form keeps the priced options.
  await expect(outlet).toHaveURL(/\/republish\?article=youth-council-holds-first-sitting.*duration=perpetual/);
  await expect(outlet.getByTestId('live-total')).toHaveText('£300.00');
  await expect(outlet.getByLabel('Publication name')).toHaveValue(outletName);
  await outlet.getByLabel('Publication web address').fill('https://estuary-weekly.example/politics');
  await outlet.getByLabel('I accept these licence terms').check();
  await outlet.getByRole('button', { name: 'Submit request' }).click();
  await expect(outlet.getByText('Request received.')).toBeVisible();
  const reference = (await outlet.getByTestId('reference').textContent())!;
  // Perpetual: not approved automatically.
  await expect(outlet.getByRole('heading', { level: 1 })).toContainText('Submitted');
  await expect(outlet.getByTestId('license-link')).toHaveCount(0);

  // Staff find it in the queue and counter-offer.
  const staff: Page = await pageWatchingCsp(browser, cspViolations);
  await signIn(staff, 'staff@demo.test');
  await staff.goto('/admin/requests');
  await staff.getByLabel('Reference or organisation').fill(outletName);
  await staff.getByRole('button', { name: 'Apply' }).click();
  await staff.getByRole('link', { name: reference }).click();
  // Opening it only reads; the decision takes it into review.
  await expect(staff.getByRole('heading', { name: `Request ${reference}` })).toContainText('Submitted');
  const counter = await decisionPanel(staff, 'Counter-offer');
  await counter.getByLabel('Proposed fee (£)').fill('180');
  await counter.getByLabel('Changed terms or explanation').fill('Perpetual web use at a first-customer rate.');
  await counter.getByRole('button', { name: 'Send counter-offer of £180.00' }).click();
  await expect(staff.getByRole('heading', { name: `Request ${reference}` })).toContainText('Counter-offer');

  // The outlet accepts: approved, licence issued at the countered fee.
  await outlet.goto('/account/requests');
  await outlet.getByRole('link', { name: reference }).click();
  await expect(outlet.getByTestId('counter-fee')).toHaveText('£180.00');
  await expect(outlet.getByRole('blockquote')).toHaveText('Perpetual web use at a first-customer rate.');
  await outlet.getByRole('button', { name: 'Accept £180.00' }).click();
  await expect(outlet.getByRole('heading', { level: 1 })).toContainText('Approved');
  await expect(outlet.getByTestId('detail-fee')).toHaveText('£180.00');
  const code = (await outlet.getByTestId('license-link').textContent())!;
  expect(code).toMatch(/^LIC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // Downloads from the licences page.
  await outlet.goto('/account/licenses');
  const row = outlet.getByTestId(`license-${code}`);
  await expect(row.getByTestId('license-status')).toHaveText('Active');
  const [html] = await Promise.all([
    outlet.waitForEvent('download'),
    row.getByRole('link', { name: `Download HTML (ready to paste) of ${code}` }).click(),
  ]);
  const copy = (await read(html)).toString('utf8');
  expect(copy).toContain('<h1>Youth council holds first sitting');
  expect(copy).toContain(`republished under licence ${code}.`);
  expect(copy).toContain(`/api/pixel/${code}.gif`);
  const [pdf] = await Promise.all([
    outlet.waitForEvent('download'),
    row.getByRole('link', { name: `Download Licence certificate (PDF) of ${code}` }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`${code}-certificate.pdf`);
  expect((await read(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Anyone can verify it: active.
  const visitor: Page = await pageWatchingCsp(browser, cspViolations);
  await visitor.goto('/licenses');
  await visitor.getByLabel('Licence code').fill(code);
  await visitor.getByRole('button', { name: 'Verify' }).click();
  await expect(visitor.getByTestId('verification-status')).toContainText('This licence is active');
  await expect(visitor.getByText(outletName).first()).toBeVisible();

  // Staff revoke it.
  await staff.goto(`/admin/requests/${reference}`);
  const revoke = await decisionPanel(staff, 'Revoke the licence');
  await revoke.getByLabel('Reason').fill('Published without the credit line.');
  await revoke.getByRole('button', { name: 'Revoke licence' }).click();
  await expect(staff.getByRole('heading', { name: `Request ${reference}` })).toContainText('Revoked');

  // Verification says revoked; the download is refused.
  await visitor.reload();
  await expect(visitor.getByTestId('verification-status')).toContainText('This licence was revoked on');
  await outlet.goto('/account/licenses');
  await expect(outlet.getByTestId(`license-${code}`).getByTestId('license-status')).toHaveText('Revoked');
  const gone = await outlet.request.get(`/api/licenses/${code}/download?format=html`);
  expect(gone.status()).toBe(410);
  expect(((await gone.json()) as { error: string }).error).toContain('revoked');
  await Promise.all([outlet.context().close(), staff.context().close(), visitor.context().close()]);
  expect(cspViolations).toEqual([]);
});
