import { expect, test } from '@playwright/test';
import { REGISTERED, followVerificationLink, signIn, signOut, uniqueEmail } from './helpers';

test('a new outlet registers, signs out, signs in and sees its name', async ({ page }) => {
  // Register, follow the mailed link, sign in twice: more steps than the default minute allows on a busy machine.
  test.setTimeout(120_000);
  const email = uniqueEmail('reg');
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Greta Gazette');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long password');
  await page.getByLabel('Organisation name').fill('Gazette of the Glens');
  await page.getByLabel('Type').selectOption('non-profit');
  await page.getByLabel('Country').fill('Scotland');
  await page.getByLabel('Website').fill('https://glens.example');
  await page.getByRole('button', { name: 'Create account' }).click();
  // Registering never signs in: the same answer whether or not the email had an account.
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
  await followVerificationLink(page, email);
  await signIn(page, email, 'a long password');
  await signOut(page);
  await signIn(page, email, 'a long password');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Greta Gazette');
});

test('registration errors show at the field and keep what was typed', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Kept Name');
  await page.getByLabel('Email').fill('publisher@demo.test');
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Organisation name').fill('Kept Org');
  await page.getByLabel('Country').fill('Wales');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=alert]')).toContainText('Please correct the marked fields');
  await expect(page.locator('#f-password-error')).toContainText('at least 10 characters');
  await expect(page.getByLabel('Your name')).toHaveValue('Kept Name');
  await expect(page.getByLabel('Email')).toHaveValue('publisher@demo.test');
  await expect(page.getByLabel('Organisation name')).toHaveValue('Kept Org');

  await page.getByLabel('Password').fill('long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  // An email that has an account gets the same answer as a new one (the owner is told by mail).
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
});

test('a wrong password gets the generic message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('staff@demo.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('main [role=alert]')).toHaveText('Wrong email or password.');
});

test('every demo account signs in; a publisher opening /admin is refused', async ({ page }) => {
  for (const email of ['admin@demo.test', 'staff@demo.test', 'nonprofit@demo.test']) {
    await signIn(page, email);
    await signOut(page);
  }
  await signIn(page, 'publisher@demo.test');
  const res = await page.goto('/admin');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
