import { expect, test, type Browser, type Page } from '@playwright/test';
import { openAccountMenu, signIn, uniqueEmail } from './helpers';

// Issue 13 item 9: "sign out everywhere" ends the sessions of other browsers at once. A fresh
// account, so parallel tests signed in as the demo users keep their sessions.

const PASSWORD = 'a long password';

async function register(page: Page, email: string) {
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Sol Sessions');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Organisation name').fill('Sessions Gazette');
  await page.getByLabel('Country').fill('Scotland');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=status]').first()).toBeVisible();
}

async function signedInPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

/** The next page load of an account page: signed out means sent to sign in. */
async function expectSignedOut(page: Page) {
  await page.goto('/account/settings');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
}

test('"Sign out everywhere else" keeps this browser; "Sign out everywhere" ends the other browser at its next page load', async ({
  browser,
}) => {
  const email = uniqueEmail('sessions');
  const setup = await (await browser.newContext()).newPage();
  await register(setup, email);
  await setup.context().close();

  const a = await signedInPage(browser, email);
  const b = await signedInPage(browser, email);

  // A lists both devices and signs out everywhere else: B is out, A stays in.
  await openAccountMenu(a);
  await a.getByRole('link', { name: 'Settings' }).click();
  await expect(a).toHaveURL(/\/account\/settings$/);
  await expect(a.getByTestId('session-row')).toHaveCount(2);
  await expect(a.getByTestId('session-row').filter({ hasText: 'This device' })).toHaveCount(1);
  await a.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(a.locator('main [role=status]')).toHaveText('Signed out of 1 other session.');
  await expectSignedOut(b);
  await a.reload();
  await expect(a.getByTestId('session-row')).toHaveCount(1);
  await expect(a.getByRole('button', { name: 'Sign out everywhere else' })).toBeDisabled();

  // B signs in again and signs out everywhere: B lands on sign-in, A is out at its next load.
  await signIn(b, email, PASSWORD);
  await b.goto('/account/settings');
  await expect(b.getByTestId('session-row')).toHaveCount(2);
  await b.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
  await expect(b).toHaveURL(/\/login$/);
  await expect(b.getByTestId('signed-in-as')).toHaveCount(0);
  await expectSignedOut(a);
  await expectSignedOut(b);

  await a.context().close();
  await b.context().close();
});
