import { expect, test, type Browser, type Page } from '@playwright/test';
import { REGISTERED, followVerificationLink, mailedLink, openAccountMenu, signIn, uniqueEmail } from './helpers';

// Issue 14 items 1–3 in a browser: a forgotten password, a confirmed address, a changed address.
// Fresh accounts, so the demo users' sessions in parallel tests are untouched.

const PASSWORD = 'the first long password';

async function register(page: Page, email: string, name = 'Pat Password') {
  await page.goto('/register');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Organisation name').fill('Password Post');
  await page.getByLabel('Country').fill('Wales');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
}

async function signedInPage(browser: Browser, email: string, password = PASSWORD) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto('/account/settings');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
}

async function wrongPassword(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('main [role=alert]')).toHaveText('Wrong email or password.');
}

test('forgotten password: the mailed link sets a new one, the old one stops working, and a session opened before is signed out', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('forgot');
  await register(page, email);
  const before = await signedInPage(browser, email);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgotten password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.locator('main [role=status]')).toContainText('If an account uses this address');
  const sent = (await page.locator('main [role=status]').textContent())!;
  // An unknown address gets exactly the same answer.
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(uniqueEmail('nobody'));
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.locator('main [role=status]')).toHaveText(sent);

  const link = await mailedLink(email, 'password_reset', '/reset-password');
  await page.goto(link);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set my new password' }).click();
  await expect(page.locator('#f-password-error')).toContainText('at least 10 characters');
  await page.getByLabel('New password').fill('the second long password');
  await page.getByRole('button', { name: 'Set my new password' }).click();
  await expect(page.locator('main [role=status]')).toContainText('Your new password is set');

  await expectSignedOut(before);
  await wrongPassword(page, email, PASSWORD);
  await signIn(page, email, 'the second long password');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Pat Password');

  // The link worked once; used again it says so and offers a new one.
  await page.goto(link);
  await expect(page.getByTestId('link-outcome')).toContainText('used already');
  await page.getByRole('link', { name: 'Send a new link' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await before.context().close();
});

test('register → the verification mail → opening the link alone verifies nothing → the button does → submit a request', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('confirm');
  await register(page, email, 'Cal Confirm');
  // A mail scanner fetching the link (a GET) must not confirm the address.
  const link = await mailedLink(email, 'email_verification', '/verify-email');
  const scanned = await fetch(`${process.env.E2E_BASE_URL}${link}`);
  expect(scanned.status).toBe(200);
  await signIn(page, email, PASSWORD);
  await page.goto('/republish?article=youth-council-holds-first-sitting');
  await expect(page.getByTestId('unverified-notice')).toContainText('confirm your email address');
  // Pressing Submit anyway is refused with the reason, and what was typed stays.
  await page.getByLabel('Publication web address').fill('https://password-post.example/news');
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.locator('main form [role=alert]').first()).toContainText('confirm your email address');
  await expect(page).toHaveURL(/\/republish\?/);
  await expect(page.getByLabel('Publication web address')).toHaveValue('https://password-post.example/news');
  // Nor may the unconfirmed owner invite colleagues yet: the organisation page says why.
  await page.goto('/account/organisation');
  await expect(page.getByTestId('unverified-notice')).toContainText('before inviting colleagues');
  await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);

  await followVerificationLink(page, email);
  await page.goto('/republish?article=youth-council-holds-first-sitting');
  await expect(page.getByTestId('unverified-notice')).toHaveCount(0);
  await page.getByLabel('Publication web address').fill('https://password-post.example/news');
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByText('Request received.')).toBeVisible();
});

test('account settings: a new password ends the other sessions and keeps this one; a new address is confirmed from its link', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('settings');
  await register(page, email, 'Sam Settings');
  await signIn(page, email, PASSWORD);
  const other = await signedInPage(browser, email);

  await openAccountMenu(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const password = page.getByRole('region', { name: 'Password' });
  await password.getByLabel('Current password').fill('not my password');
  await password.getByLabel('New password').fill('the third long password');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.locator('#f-password-current-error')).toHaveText('This is not your current password.');
  await password.getByLabel('Current password').fill(PASSWORD);
  await password.getByLabel('New password').fill('the third long password');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.locator('[role=status]')).toHaveText(
    'Your password is changed; 1 other session was signed out.',
  );
  await expectSignedOut(other);
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Sam Settings');

  const name = page.getByRole('region', { name: 'Your name' });
  await name.getByLabel('Your name').fill('Sam Renamed');
  await name.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Sam Renamed');

  const newEmail = uniqueEmail('moved');
  const address = page.getByRole('region', { name: 'Email address' });
  await address.getByLabel('New email address').fill(newEmail);
  await address.getByLabel('Current password').fill('the third long password');
  await address.getByRole('button', { name: 'Send a confirmation link' }).click();
  await expect(address.locator('[role=status]')).toContainText(`We sent a link to ${newEmail}`);
  await expect(page.getByTestId('current-email')).toContainText(email);

  await page.goto(await mailedLink(newEmail, 'email_change', '/change-email'));
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByTestId('link-outcome')).toContainText('Your email address is changed and confirmed');
  await page.goto('/account/settings');
  await expect(page.getByTestId('current-email')).toContainText(`${newEmail} (confirmed)`);
  await other.context().close();
  const fresh = await signedInPage(browser, newEmail, 'the third long password');
  await expect(fresh.getByTestId('signed-in-as')).toHaveText('Sam Renamed');
  await wrongPassword(fresh, email, 'the third long password');
  await fresh.context().close();
});
