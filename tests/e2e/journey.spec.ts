import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContextOptions, type Download, type Page, type TestInfo } from '@playwright/test';
import { REGISTERED, decisionPanel, followVerificationLink, signIn, uniqueEmail } from './helpers';
import { AXE_TAGS, axeViolations } from './support/axe';
import { pageWatchingCsp } from './support/csp';

/*
 * The whole life of a licence, through the pages only, at a desktop size and on a phone: a new
 * outlet registers, searches, prices a use and requests it (perpetual, so it goes to staff); staff
 * counter-offer above the payment threshold; the outlet accepts, finds the licence waiting for
 * payment and its invoice; staff record the payment; the outlet downloads the copy and the
 * certificate; anyone can verify it; staff revoke it; verification says so and downloads stop.
 *
 * Every page on the way: no Content-Security-Policy violation, no axe violation of any impact
 * (WCAG 2.0/2.1 A and AA, best practices), and a full-page screenshot kept for people to look at:
 * test-results/journey-<size>/<NN>-<step>.png (CI keeps test-results/).
 */

const SIZES: { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
  // A 390×844 phone (an iPhone 12–14's CSS pixels): touch, the mobile viewport meta honoured.
  {
    name: 'phone',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  },
];

const read = async (d: Download) => fs.readFileSync((await d.path())!);

/**
 * Looks at a page as the journey reaches it: a numbered full-page screenshot, then axe. Violations
 * are soft failures, so one run lists every page's problems; the test still fails on any of them.
 */
function camera(testInfo: TestInfo, size: string) {
  const dir = path.join(testInfo.project.outputDir, `journey-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async function look(page: Page, step: string) {
    n += 1;
    const name = `${String(n).padStart(2, '0')}-${step}`;
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, animations: 'disabled' });
    const where = `${size} ${name} (${new URL(page.url()).pathname})`;
    const bad = await axeViolations(page, where, { tags: AXE_TAGS });
    expect.soft(bad, bad.join('\n')).toEqual([]);
    // Nothing pushes the page sideways: wide tables scroll inside their own box.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect.soft(scrollWidth, `${where} is wider than the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
  };
}

for (const size of SIZES) {
  const { width, height } = size.options.viewport!;
  test(`an outlet registers, requests, accepts a counter-offer, pays, downloads, and loses the licence when staff revoke it (${size.name}, ${width}×${height})`, async ({
    browser,
  }, testInfo) => {
    // About thirty pages, each screenshot and checked by axe: some four minutes on a busy machine.
    test.setTimeout(600_000);
    const look = camera(testInfo, size.name);
    const email = uniqueEmail(`journey-${size.name}`);
    const password = 'estuary weekly password';
    const outletName = `Estuary Weekly ${Date.now().toString(36)}`;
    const cspViolations: string[] = [];
    const outlet: Page = await pageWatchingCsp(browser, cspViolations, size.options);

    // Register, confirm the address from the mail, sign in.
    await outlet.goto('/');
    await look(outlet, 'home');
    await outlet.getByRole('link', { name: 'Register' }).first().click();
    await expect(outlet.getByLabel('Your name')).toBeVisible();
    await look(outlet, 'register');
    await outlet.getByLabel('Your name').fill('Rhea Journey');
    await outlet.getByLabel('Email').fill(email);
    await outlet.getByLabel('Password').fill(password);
    await outlet.getByLabel('Organisation name').fill(outletName);
    await outlet.getByLabel('Type').selectOption('commercial');
    await outlet.getByLabel('Country').fill('Ireland');
    await outlet.getByLabel('Website').fill('https://estuary-weekly.example');
    await outlet.getByRole('button', { name: 'Create account' }).click();
    await expect(outlet.locator('main [role=status]')).toHaveText(REGISTERED);
    await look(outlet, 'registered');
    await followVerificationLink(outlet, email);
    await look(outlet, 'email-confirmed');
    await signIn(outlet, email, password);
    await expect(outlet.getByTestId('signed-in-as')).toHaveText('Rhea Journey');
    await look(outlet, 'signed-in');

    // Search from the home page and open the article.
    await outlet.goto('/');
    await outlet.getByRole('search').getByLabel('Search articles').fill('youth council');
    await outlet.getByRole('search').getByLabel('Search articles').press('Enter');
    await expect(outlet).toHaveURL(/\/articles\?q=youth\+council/);
    await look(outlet, 'search-results');
    await outlet
      .getByRole('link', { name: /Youth council holds first sitting/ })
      .first()
      .click();
    await expect(outlet.getByRole('heading', { level: 1 })).toHaveText(/Youth council holds first sitting/);

    // Price it: web, 25,000 a month, one country, perpetual: £150 × 2.0 = £300.
    const calculator = outlet.getByRole('form', { name: 'Quote calculator' });
    await calculator.getByLabel('Duration').selectOption('perpetual');
    await expect(outlet.getByTestId('calculator-total')).toHaveText('£300.00');
    await look(outlet, 'article-priced');
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
    await look(outlet, 'request-form');
    await outlet.getByRole('button', { name: 'Submit request' }).click();
    await expect(outlet.getByText('Request received.')).toBeVisible();
    const reference = (await outlet.getByTestId('reference').textContent())!;
    // Perpetual: not approved automatically.
    await expect(outlet.getByRole('heading', { level: 1 })).toContainText('Submitted');
    await expect(outlet.getByTestId('license-link')).toHaveCount(0);
    await look(outlet, 'request-submitted');

    // Staff find it in the queue and counter-offer: £240, above the £200 that downloads wait to be paid.
    const staff: Page = await pageWatchingCsp(browser, cspViolations, size.options);
    await signIn(staff, 'staff@demo.test');
    await staff.goto('/admin/requests');
    await look(staff, 'staff-queue');
    await staff.getByLabel('Reference or organisation').fill(outletName);
    await staff.getByRole('button', { name: 'Apply' }).click();
    await expect(staff.getByRole('link', { name: reference })).toBeVisible();
    await look(staff, 'staff-queue-search');
    await staff.getByRole('link', { name: reference }).click();
    // Opening it only reads; the decision takes it into review.
    await expect(staff.getByRole('heading', { name: `Request ${reference}` })).toContainText('Submitted');
    await look(staff, 'staff-review');
    const counter = await decisionPanel(staff, 'Counter-offer');
    await counter.getByLabel('Proposed fee (£)').fill('240');
    await counter.getByLabel('Changed terms or explanation').fill('Perpetual web use at a first-customer rate.');
    await counter.getByRole('button', { name: 'Send counter-offer of £240.00' }).click();
    await expect(staff.getByRole('heading', { name: `Request ${reference}` })).toContainText('Counter-offer');
    await look(staff, 'staff-countered');

    // The outlet accepts: approved, licence issued at the countered fee.
    await outlet.goto('/account/requests');
    await expect(outlet.getByRole('link', { name: reference })).toBeVisible();
    await look(outlet, 'my-requests');
    await outlet.getByRole('link', { name: reference }).click();
    await expect(outlet.getByTestId('counter-fee')).toHaveText('£240.00');
    await expect(outlet.getByRole('blockquote')).toHaveText('Perpetual web use at a first-customer rate.');
    await look(outlet, 'counter-offer');
    await outlet.getByRole('button', { name: 'Accept £240.00' }).click();
    await expect(outlet.getByRole('heading', { level: 1 })).toContainText('Approved');
    await expect(outlet.getByTestId('detail-fee')).toHaveText('£240.00');
    const code = (await outlet.getByTestId('license-link').textContent())!;
    expect(code).toMatch(/^LIC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await look(outlet, 'accepted');

    // Above the threshold the licence waits for payment: no downloads, the invoice and how to pay.
    await outlet.goto(`/account/licenses/${code}`);
    await expect(outlet.getByTestId('awaiting-payment')).toContainText('£240.00');
    await expect(outlet.getByRole('link', { name: /^Download / })).toHaveCount(0);
    await look(outlet, 'licence-awaiting-payment');
    await outlet.getByTestId('awaiting-payment').getByRole('link', { name: /^INV-/ }).click();
    // Fees include any VAT: the invoice's total is the agreed fee.
    await expect(outlet.getByTestId('invoice-total')).toHaveText('£240.00');
    await look(outlet, 'invoice');

    // The money arrives by bank transfer; staff record it (the amount starts at what is owed).
    await staff.reload();
    const payment = staff.getByTestId('record-payment');
    await expect(payment.getByLabel('Amount (£)')).toHaveValue('240');
    await payment.getByLabel('Reference').fill('BACS ESTUARY 1');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'paid in full' })).toBeVisible();
    await look(staff, 'staff-paid');

    // Downloads from the licences page.
    await outlet.goto('/account/licenses');
    const row = outlet.getByTestId(`license-${code}`);
    await expect(row.getByTestId('license-status')).toHaveText('Active');
    await look(outlet, 'my-licences');
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
    await outlet.goto(`/account/licenses/${code}`);
    await expect(outlet.getByRole('link', { name: /^Download HTML/ })).toBeVisible();
    await look(outlet, 'licence');

    // Anyone can verify it: active.
    const visitor: Page = await pageWatchingCsp(browser, cspViolations, size.options);
    await visitor.goto('/licenses');
    await look(visitor, 'verify');
    await visitor.getByLabel('Licence code').fill(code);
    await visitor.getByRole('button', { name: 'Verify' }).click();
    await expect(visitor.getByTestId('verification-status')).toContainText('This licence is active');
    await expect(visitor.getByText(outletName).first()).toBeVisible();
    // The licensee's website, named once.
    await expect(visitor.getByTestId('verification-websites')).toHaveText('estuary-weekly.example');
    await expect(visitor.locator('dt', { hasText: /^Websites?$/ })).toHaveCount(1);
    await look(visitor, 'verified-active');

    // Staff revoke it.
    await staff.goto(`/admin/requests/${reference}`);
    const revoke = await decisionPanel(staff, 'Revoke the licence');
    await revoke.getByLabel('Reason').fill('Published without the credit line.');
    await revoke.getByRole('button', { name: 'Revoke licence' }).click();
    await expect(staff.getByRole('heading', { name: `Request ${reference}` })).toContainText('Revoked');
    await look(staff, 'staff-revoked');

    // Verification says revoked; the download is refused.
    await visitor.reload();
    await expect(visitor.getByTestId('verification-status')).toContainText('This licence was revoked on');
    await look(visitor, 'verified-revoked');
    await outlet.goto('/account/licenses');
    await expect(outlet.getByTestId(`license-${code}`).getByTestId('license-status')).toHaveText('Revoked');
    await look(outlet, 'my-licences-revoked');
    await outlet.goto(`/account/licenses/${code}`);
    await expect(outlet.getByTestId('revocation')).toBeVisible();
    await look(outlet, 'licence-revoked');
    const gone = await outlet.request.get(`/api/licenses/${code}/download?format=html`);
    expect(gone.status()).toBe(410);
    expect(((await gone.json()) as { error: string }).error).toContain('revoked');
    await Promise.all([outlet.context().close(), staff.context().close(), visitor.context().close()]);
    expect(cspViolations).toEqual([]);
  });
}
