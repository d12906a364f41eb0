import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../helpers/server';

export { DEMO_PASSWORD };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/**
 * Follows the newest verification link mailed to `email`, read from the server's outbox as a
 * person would read their mail.
 */
export async function followVerificationLink(page: Page, email: string) {
  const { default: Database } = await import('better-sqlite3');
  const path = await import('node:path');
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'desk.db'), { readonly: true });
  try {
    const row = db
      .prepare('select text from outbox where "to" = ? and kind = \'email_verification\' order by id desc limit 1')
      .get(email.toLowerCase()) as { text: string } | undefined;
    const link = row && /https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/.exec(row.text)?.[0];
    if (!link) throw new Error(`No verification mail for ${email}`);
    await page.goto(new URL(link).pathname + new URL(link).search);
  } finally {
    db.close();
  }
  await expect(page.getByTestId('verify-outcome')).toContainText('your email address is confirmed');
}

/** What registration answers, whether or not the email already had an account. */
export const REGISTERED = /Check your email: we sent a link to confirm your address/;
