import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, decisionPanel } from './helpers';
import { submittedRequest } from './support/desk';

// Signed-in pages must never show a stale decision, price or article (issue 20): whatever makes
// them cheaper later (a cache), a staff change reaches the publisher's next page load at once.
// Each test: the publisher looks, staff change it, the publisher reloads and sees the change.

const SLUG = 'street-trees-heat-map';
const TITLE = /Heat map shows Old Dock streets/;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const priceOf = async (page: Page) => /Quote: (£[\d,.]+)/.exec(await page.content())?.[1];

test('a staff decision reaches the publisher’s request pages at once', async ({ browser }) => {
  const ref = await submittedRequest([SLUG], 'https://northbank.example/freshness');
  const publisher = await signedIn(browser, 'publisher@demo.test');
  await publisher.goto(`/account/requests/${ref}`);
  await expect(publisher.getByRole('heading', { name: `Request ${ref}` })).toContainText('Submitted');
  await publisher.goto('/account/requests');
  await expect(publisher.getByRole('row').filter({ hasText: ref })).toContainText('Submitted');

  const staff = await signedIn(browser, 'staff@demo.test');
  await staff.goto(`/admin/requests/${ref}`);
  const reject = await decisionPanel(staff, 'Reject');
  await reject.getByLabel('Reason').fill('Not for this use, sorry.');
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(staff.getByRole('heading', { name: `Request ${ref}` })).toContainText('Rejected');

  await publisher.reload();
  await expect(publisher.getByRole('row').filter({ hasText: ref })).toContainText('Rejected');
  await publisher.goto(`/account/requests/${ref}`);
  await expect(publisher.getByRole('heading', { name: `Request ${ref}` })).toContainText('Rejected');
  await expect(publisher.getByText('Not for this use, sorry.').first()).toBeVisible();
});

test('a rate-card change reprices the signed-in article page at once', async ({ browser }) => {
  const publisher = await signedIn(browser, 'publisher@demo.test');
  await publisher.goto(`/articles/${SLUG}`);
  await expect(publisher.getByText('Priced for your organisation: commercial')).toBeVisible();
  const before = await priceOf(publisher);
  expect(before).toBeTruthy();

  const staff = await signedIn(browser, 'staff@demo.test');
  const webFee = async (pounds: string) => {
    await staff.goto('/admin/rate-card');
    await staff.getByLabel('Website', { exact: true }).fill(pounds);
    await staff.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Saved as version' })).toBeVisible();
  };
  await webFee('300');
  try {
    await publisher.reload();
    const after = await priceOf(publisher);
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  } finally {
    // The original fee again, so the other browser tests' prices do not move.
    await webFee('150');
  }
  await publisher.reload();
  expect(await priceOf(publisher)).toBe(before);
});

test('an article hidden by staff leaves the signed-in catalogue and article page at once', async ({ browser }) => {
  const publisher = await signedIn(browser, 'publisher@demo.test');
  const search = `/articles?q=${encodeURIComponent('heat map old dock')}`;
  const card = publisher.locator(`a[href="/articles/${SLUG}"]`);
  await publisher.goto(search);
  await expect(card.first()).toBeVisible();
  expect((await publisher.goto(`/articles/${SLUG}`))?.status()).toBe(200);
  await expect(publisher.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  const staff = await signedIn(browser, 'staff@demo.test');
  const setHidden = async (hidden: boolean) => {
    await staff.goto('/admin/articles?q=heat+map+old+dock');
    await staff.getByRole('link', { name: TITLE }).click();
    await expect(staff).toHaveURL(/\/admin\/articles\/\d+$/);
    const box = staff.getByLabel('Hide from the catalogue (staff still see it)');
    if (hidden) await box.check();
    else await box.uncheck();
    await staff.getByRole('button', { name: 'Save rights' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  };
  await setHidden(true);
  try {
    expect((await publisher.goto(`/articles/${SLUG}`))?.status()).toBe(404);
    await publisher.goto(search);
    await expect(card).toHaveCount(0);
  } finally {
    await setHidden(false);
  }
  expect((await publisher.goto(`/articles/${SLUG}`))?.status()).toBe(200);
});
