import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REGISTERED, followVerificationLink, openAccountMenu, signIn, uniqueEmail } from './helpers';
import { submittedRequest } from './support/desk';

/*
 * Issue 16's experience items, on a 390×844 phone and a 1280×800 desktop, with screenshots kept
 * in test-results/ (CI keeps that folder as an artifact).
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const ARTICLE = 'council-passes-budget-after-all-night-session';
const OTHER_ARTICLE = 'ferry-fare-freeze-becomes-election-battleground';

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

test('Experience 5: on a desktop the request form and its quote summary sit side by side, titles on a line or two', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: DESKTOP });
  await signIn(page, 'publisher@demo.test');
  await page.goto(`/republish?article=${ARTICLE}&article=${OTHER_ARTICLE}`);
  const form = (await page.getByLabel('Publication name').boundingBox())!;
  const summary = page.getByRole('complementary', { name: 'Your quote' });
  await expect(summary).toContainText('£');
  const box = (await summary.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(320);
  expect(box.x).toBeGreaterThanOrEqual(form.x + form.width);
  expect(box.y).toBeLessThan(form.y + 200);
  const titles = summary.locator('.quote-breakdown tbody th');
  await expect(titles).toHaveCount(2);
  for (const title of await titles.all()) {
    // The title is the row's first line of text; the factors follow in their own list.
    const lines = await title.evaluate((th) => {
      const range = document.createRange();
      range.setStart(th, 0);
      range.setEndBefore(th.querySelector('ul')!);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBeLessThanOrEqual(2);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
  // The summary stays in sight while the form scrolls.
  await page.getByRole('button', { name: 'Submit request' }).scrollIntoViewIfNeeded();
  await expect(summary.getByTestId('live-total')).toBeInViewport();
  await shot(page, 'desktop-request-form');

  const phone = await browser.newPage({ viewport: PHONE });
  await signIn(phone, 'publisher@demo.test');
  await phone.goto(`/republish?article=${ARTICLE}`);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const submit = phone.getByRole('button', { name: 'Submit request' });
  await submit.scrollIntoViewIfNeeded();
  await expect(phone.getByTestId('submit-summary')).toBeInViewport();
});

test('Experience 8: after registering, a welcome says what to do first', async ({ page }) => {
  const email = uniqueEmail('welcome');
  const password = 'welcome long password';
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Wendy Welcome');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Organisation name').fill(`Welcome Weekly ${Date.now().toString(36)}`);
  await page.getByLabel('Type').selectOption('non-profit');
  await page.getByLabel('Country').fill('Wales');
  await page.getByLabel('Website').fill('https://welcome.example');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
  const registered = page.getByTestId('registered');
  await expect(registered.getByRole('link', { name: 'how pricing works' })).toBeVisible();

  // Signing in from there lands on the welcome page.
  await registered.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Wendy Welcome' })).toBeVisible();
  const steps = page.getByTestId('welcome-steps');
  await expect(steps.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible();
  await steps.getByRole('button', { name: 'Send the link again' }).click();
  await expect(steps.getByRole('status')).toBeVisible();
  await expect(steps.getByRole('link', { name: 'the articles you can republish' })).toHaveAttribute(
    'href',
    '/articles',
  );
  await shot(page, 'desktop-welcome');
  await steps.getByRole('link', { name: 'how pricing works' }).click();
  await expect(page.getByRole('heading', { name: 'How pricing works' })).toBeInViewport();

  await followVerificationLink(page, email);
  await page.goto('/welcome');
  await expect(page.getByTestId('email-confirmed')).toContainText('is confirmed');
});

test('Experience 11: the licence page’s PDF and ZIP say "Preparing…" and are disabled until the download starts', async ({
  page,
}) => {
  await signIn(page, 'publisher@demo.test');
  await page.goto('/account/licenses');
  const row = page
    .locator('[data-testid^="license-"]')
    .filter({ has: page.getByRole('link', { name: /^Download Everything \(ZIP\)/ }) });
  const code = (await row.first().getAttribute('data-testid'))!.replace('license-', '');
  await page.goto(`/account/licenses/${code}`);
  // Holds each prepared file back until the test has seen the busy state.
  let release!: () => void;
  await page.route(/\/download\?format=(zip|pdf)$/, async (route) => {
    await new Promise<void>((resolve) => (release = resolve));
    await route.continue();
  });
  for (const [format, name] of [
    ['zip', /^Download Everything \(ZIP\)/],
    ['pdf', /^Download Licence certificate \(PDF\)/],
  ] as const) {
    const link = page.getByRole('link', { name });
    const downloaded = page.waitForEvent('download');
    await link.click();
    await expect(link).toHaveAttribute('aria-busy', 'true');
    await expect(link).toHaveText('Preparing…');
    await expect(link).toBeDisabled();
    release();
    const file = await downloaded;
    expect(file.suggestedFilename()).toContain(code);
    expect(file.suggestedFilename()).toContain(format === 'zip' ? '.zip' : '.pdf');
    await expect(link).not.toHaveAttribute('aria-busy', 'true');
    await expect(link).toBeEnabled();
  }
});

test('Header: on a phone a publisher’s header keeps to two short rows, the account links behind their name', async ({
  browser,
}) => {
  const visitor = await browser.newPage({ viewport: PHONE });
  await visitor.goto('/login');
  const visitorHeight = (await visitor.locator('header.site-header').boundingBox())!.height;

  const page = await browser.newPage({ viewport: PHONE });
  await signIn(page, 'publisher@demo.test');
  await page.goto('/account/requests');
  const header = page.locator('header.site-header');
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(visitorHeight + 1);
  // Nothing in the header runs off the side of the phone.
  expect(await header.evaluate((h) => h.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  for (const name of ['Articles', 'My requests', 'My licences'])
    await expect(header.getByRole('link', { name, exact: true })).toBeVisible();
  await shot(page, 'phone-header');

  // By keyboard: the name opens the menu, every account link is in it, Escape closes it.
  await page.getByTestId('account-menu').locator('summary').focus();
  await page.keyboard.press('Enter');
  for (const name of ['Organisation', 'Invoices', 'API', 'Settings'])
    await expect(header.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(visitorHeight + 1);
  await shot(page, 'phone-header-menu');
  await page.keyboard.press('Escape');
  await expect(header.getByRole('link', { name: 'Organisation', exact: true })).toBeHidden();

  // A link in the menu goes there and the menu closes behind it.
  await openAccountMenu(page);
  await header.getByRole('link', { name: 'Invoices', exact: true }).click();
  await expect(page).toHaveURL(/\/account\/invoices$/);
  await expect(header.getByRole('link', { name: 'Organisation', exact: true })).toBeHidden();
});

test('Experience 6: staff decide in one panel: a radio group, one note, one button that says what it will do', async ({
  page,
}) => {
  const ref = await submittedRequest(['tide-gauge-centenary'], 'https://northbank.example/panel');
  await signIn(page, 'staff@demo.test');
  await page.goto(`/admin/requests/${ref}`);
  const panel = page.getByRole('form', { name: 'Decision' });
  const choices = panel.getByRole('radio');
  await expect(choices).toHaveCount(4);
  for (const name of ['Approve', 'Counter-offer', 'Ask the publisher', 'Reject'])
    await expect(panel.getByRole('radio', { name, exact: true })).toBeVisible();
  // One note, one button; the counter-offer's fields only when it is chosen.
  await expect(page.locator('aside textarea')).toHaveCount(1);
  await expect(panel.getByRole('button')).toHaveCount(1);
  await expect(panel.getByLabel('Proposed fee (£)')).toHaveCount(0);
  const button = panel.getByTestId('decision-submit');
  await expect(button).toBeDisabled();

  // By keyboard: arrow keys move through the decisions, the button names what it will do.
  await panel.getByRole('radio', { name: 'Approve', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(button).toHaveText('Approve and issue the licence');
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('radio', { name: 'Counter-offer' })).toBeChecked();
  await expect(button).toHaveText(/^Send counter-offer of £\d/);
  await panel.getByLabel('Proposed fee (£)').fill('245');
  await expect(button).toHaveText('Send counter-offer of £245.00');
  await panel.getByRole('radio', { name: 'Counter-offer' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(button).toHaveText('Send question');
  await expect(panel.getByLabel('Proposed fee (£)')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(button).toHaveText('Reject request');
  await page.keyboard.press('ArrowUp');
  await expect(panel.getByRole('radio', { name: 'Ask the publisher' })).toBeChecked();
  await shot(page, 'desktop-decision-panel');

  // Tab reaches the note and then the button; Enter sends the question and the request stays open.
  await page.keyboard.press('Tab');
  await expect(panel.getByLabel('Your question')).toBeFocused();
  await page.keyboard.type('Which edition will carry it?');
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toBeVisible();
  await expect(page.locator('main')).toContainText('Which edition will carry it?');
});

test('Experience 10: date fields show and take dd/mm/yyyy in an en-US browser; the request stores the ISO day', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en-US', viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, 'publisher@demo.test');
  await page.goto(`/republish?article=${ARTICLE}&duration=30d`);
  const start = page.getByLabel('Start date');
  // Opens on today, written the desk's way.
  await expect(start).toHaveValue(new Date().toISOString().slice(0, 10).split('-').reverse().join('/'));

  await start.fill('31/02/2027');
  await start.blur();
  await expect(page.locator('#f-startDate-error')).toHaveText('31/02/2027 is not a date: February 2027 has 28 days.');
  await start.fill('01/02/2027');
  await start.blur();
  await expect(page.locator('#f-startDate-error')).toHaveCount(0);
  await expect(start).toHaveValue('01/02/2027');
  await page.getByLabel('Publication web address').fill('https://northbank.example/dates');
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByText('Request received.')).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!;
  const stored = await readDb<{ start_date: string }>(
    'select start_date from license_requests where reference = ?',
    reference,
  );
  expect(stored?.start_date).toBe('2027-02-01');

  // The catalogue's filters too: typed the desk's way, the address carries the ISO day.
  await page.goto('/articles');
  await page.getByLabel('Published from').fill('01/01/2026');
  await page.getByLabel('Published until').fill('31/12/2026');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-12-31/);
  await expect(page.getByLabel('Published from')).toHaveValue('01/01/2026');
  await context.close();
});
