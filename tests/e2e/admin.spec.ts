import { expect, test, type Browser, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { licenses, licenseRequests } from '../../db/schema';
import { decisionPanel, mailedLink, signIn } from './helpers';
import { desk, submittedRequest } from './support/desk';

// Requests are made straight in the server's database (the publisher's form has its own spec),
// perpetual so the auto-approval rule leaves them to staff.

const licencesOf = (reference: string) => {
  const req = desk().select().from(licenseRequests).where(eq(licenseRequests.reference, reference)).get()!;
  return desk().select().from(licenses).where(eq(licenses.requestId, req.id)).all();
};

async function staffPage(browser: Browser, email = 'staff@demo.test'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('staff open a submitted request from the queue, approve it, and the publisher sees the licence', async ({
  page,
  browser,
}) => {
  const ref = await submittedRequest(['tide-gauge-centenary'], 'https://northbank.example/e2e');
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/requests');
  await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
  await page.getByLabel('Reference or organisation').fill(ref);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${ref}`));
  await page.getByRole('link', { name: ref }).click();

  // Opening it only reads (GET never writes); the decision below takes it into review.
  await expect(page.getByRole('heading', { name: `Request ${ref}` })).toContainText('Submitted');
  const approve = await decisionPanel(page, 'Approve');
  await approve.getByRole('button', { name: 'Approve and issue the licence' }).click();
  const code = page.getByTestId('licence-code');
  await expect(code).toHaveText(/^LIC-/);
  await expect(page.getByRole('heading', { name: `Request ${ref}` })).toContainText('Approved');
  await expect(page.getByTestId('trail-step')).toHaveText([
    'New → Submitted',
    'Submitted → In review',
    'In review → Approved',
  ]);
  await expect(page.getByTestId('audit-trail')).toContainText('Sol Staff (staff)');
  const licence = await code.textContent();

  const publisher = await (await browser.newContext()).newPage();
  await signIn(publisher, 'publisher@demo.test');
  await publisher.goto(`/account/requests/${ref}`);
  await expect(publisher.getByRole('heading', { name: `Request ${ref}` })).toContainText('Approved');
  await expect(publisher.getByTestId('license-link')).toHaveText(licence!);
});

test('a counter-offer reaches the publisher, who accepts it: the licence carries the countered fee', async ({
  page,
  browser,
}) => {
  const ref = await submittedRequest(['high-street-vacancies-fall'], 'https://northbank.example/e2e');
  await signIn(page, 'staff@demo.test');
  await page.goto(`/admin/requests/${ref}`);
  const counter = await decisionPanel(page, 'Counter-offer');
  await counter.getByRole('button', { name: /^Send counter-offer/ }).click();
  await expect(counter.locator('#counter-fee-error')).toContainText('Enter the fee you propose');
  await counter.getByLabel('Proposed fee (£)').fill('321.50');
  await counter.getByLabel('Changed terms or explanation').fill('Web only, credit at the top.');
  await counter.getByRole('button', { name: 'Send counter-offer of £321.50' }).click();
  await expect(page.getByRole('heading', { name: `Request ${ref}` })).toContainText('Counter-offer');

  const publisher = await (await browser.newContext()).newPage();
  await signIn(publisher, 'publisher@demo.test');
  await publisher.goto(`/account/requests/${ref}`);
  await expect(publisher.getByTestId('counter-fee')).toHaveText('£321.50');
  await publisher.getByRole('button', { name: 'Accept £321.50' }).click();
  await expect(publisher.getByTestId('license-link')).toHaveText(/^LIC-/);

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Licence LIC-' })).toContainText('£321.50');
  expect(licencesOf(ref).map((l) => l.fee)).toEqual([32150]);
});

test('two staff approving the same page: one licence, and a clear conflict message for the other', async ({
  browser,
}) => {
  const ref = await submittedRequest(['co-op-bakery-expands-to-third-site'], 'https://northbank.example/e2e');
  const first = await staffPage(browser, 'staff@demo.test');
  const second = await staffPage(browser, 'admin@demo.test');
  await first.goto(`/admin/requests/${ref}`);
  await second.goto(`/admin/requests/${ref}`);
  await expect(second.getByRole('heading', { name: `Request ${ref}` })).toContainText('Submitted');

  await (await decisionPanel(first, 'Approve')).getByRole('button', { name: 'Approve and issue the licence' }).click();
  await expect(first.getByTestId('licence-code')).toHaveText(/^LIC-/);

  const stale = await decisionPanel(second, 'Approve');
  await stale.getByRole('button', { name: 'Approve and issue the licence' }).click();
  await expect(stale.getByRole('alert')).toContainText(
    'This request changed since you opened it: it is now “approved”',
  );
  await expect(second.getByTestId('licence-code')).toHaveCount(0);
  await second.getByRole('link', { name: 'Reload the request' }).click();
  await expect(second.getByTestId('licence-code')).toHaveText((await first.getByTestId('licence-code').textContent())!);
  // Approved requests offer only revocation: rejecting is not on the page (and refused by the server).
  await expect(second.getByRole('form', { name: 'Decision' }).getByLabel('Reject', { exact: true })).toHaveCount(0);
  expect(licencesOf(ref)).toHaveLength(1);
});

test('a reason is required to reject, and typed text is kept', async ({ page }) => {
  const ref = await submittedRequest(['observatory-meteor-shower-night'], 'https://northbank.example/e2e');
  await signIn(page, 'staff@demo.test');
  await page.goto(`/admin/requests/${ref}`);
  const reject = await decisionPanel(page, 'Reject');
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(reject.locator('#decision-note-error')).toContainText('Give the reason');
  await reject.getByLabel('Reason').fill('We cannot license this use.');
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(page.getByRole('heading', { name: `Request ${ref}` })).toContainText('Rejected');
  await expect(page.getByTestId('audit-trail')).toContainText('We cannot license this use.');
});

test('publishers get a 404 for every admin page and the export', async ({ page }) => {
  await signIn(page, 'publisher@demo.test');
  for (const url of [
    '/admin',
    '/admin/requests',
    '/admin/requests/RR-2026-000001',
    '/admin/rate-card',
    '/admin/users',
    '/admin/settings',
    '/admin/outbox',
    '/admin/feeds',
    '/admin/requests/export',
  ]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
  }
});

test('staff see the dashboard, the desk pages, and no admin-only pages', async ({ page }) => {
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Desk dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Revenue by month' })).toBeVisible();
  await expect(page.locator('.chart svg').first()).toBeVisible();
  for (const url of ['/admin/rate-card', '/admin/outbox', '/admin/feeds'])
    expect((await page.goto(url))?.status(), url).toBe(200);
  for (const url of ['/admin/users', '/admin/settings']) expect((await page.goto(url))?.status(), url).toBe(404);
  const csv = await page.request.get('/admin/requests/export?status=all');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\r\n')[0]).toContain('reference,submitted_at,status');
});

async function expectAccessible(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('admin pages pass an accessibility check', async ({ page }) => {
  test.setTimeout(240_000); // axe on seven full pages is slow on a busy machine
  const ref = await submittedRequest(['street-trees-heat-map'], 'https://northbank.example/e2e');
  await signIn(page, 'admin@demo.test');
  for (const url of [
    '/admin',
    '/admin/requests',
    `/admin/requests/${ref}`,
    '/admin/rate-card',
    '/admin/users',
    '/admin/settings',
    '/admin/outbox',
    '/admin/feeds',
  ]) {
    await page.goto(url);
    await expectAccessible(page);
  }
});

test('an admin invites staff by email; the link sets name and password; disabling it ends their session', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/users');
  const email = `temp-${Date.now()}@desk.example`;
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await expect(page.getByTestId('staff-invitations')).toContainText(email);

  const link = await mailedLink(email, 'staff_invitation', '/staff-invitation');
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByLabel('Email')).toHaveValue(email);
  await invitee.getByLabel('Your name').fill('Tess Temporary');
  await invitee.getByLabel('Password').fill('a long enough password');
  await invitee.getByRole('button', { name: 'Set up my account' }).click();
  await expect(invitee.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible();
  // Used once: the same link now says so.
  await invitee.goto(link);
  await expect(invitee.getByTestId('staff-invitation-outcome')).toContainText('already been used');
  await invitee.close();
  const password = 'a long enough password';
  await page.reload();
  await expect(page.getByTestId('staff-invitations')).toHaveCount(0);

  const temp = await (await browser.newContext()).newPage();
  await signIn(temp, email, password);
  expect((await temp.goto('/admin/requests'))?.status()).toBe(200);

  const row = page.getByTestId(`user-${email}`);
  await row.getByRole('button', { name: 'Disable Tess Temporary' }).click();
  await expect(row.getByText('Disabled')).toBeVisible();
  expect((await temp.goto('/admin/requests'))?.status()).toBe(404);
  await expect(temp.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // An admin cannot disable themselves: their own row has no controls.
  await expect(page.getByTestId('user-admin@demo.test').getByText('You')).toBeVisible();
});

test('rate card: the preview follows the edits, errors stay at the field, saving makes a new version', async ({
  page,
}) => {
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/rate-card');
  const web = page.getByLabel('Website', { exact: true });
  await expect(page.getByTestId('preview-new')).toHaveText('£150.00');
  await web.fill('300');
  await expect(page.getByTestId('preview-new')).toHaveText('£300.00');
  await expect(page.getByTestId('preview-current')).toHaveText('£150.00');
  await web.fill('abc');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.locator('#rc-baseFee-web-error')).toContainText('in pounds');
  await expect(page.getByLabel('Website', { exact: true })).toHaveValue('abc');
  // Saved with the original values, so the other browser tests' prices do not move.
  await page.getByLabel('Website', { exact: true }).fill('150');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Rate card versions/ }).getByText('current')).toBeVisible();
});

test('settings keep what was typed when a value is wrong', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/settings');
  await page.getByLabel('Desk email').fill('not an email');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#s-deskEmail-error')).toBeVisible();
  await expect(page.getByLabel('Desk email')).toHaveValue('not an email');
  await expect(page.getByLabel('Fee limit (£)')).toHaveValue('200');
});
