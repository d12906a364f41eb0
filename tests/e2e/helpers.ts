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

/** Opens the header's account menu (the signed-in name): its links and "Sign out" live there. */
export async function openAccountMenu(page: Page) {
  const menu = page.getByTestId('account-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByTestId('signed-in-as').click();
}

export async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/**
 * The path of the newest link of `kind` mailed to `email` (e.g. kind 'password_reset', path
 * '/reset-password'), read from the server's outbox as a person would read their mail.
 */
export async function mailedLink(email: string, kind: string, path: string): Promise<string> {
  const { default: Database } = await import('better-sqlite3');
  const nodePath = await import('node:path');
  const db = new Database(nodePath.join(process.env.E2E_DATA_DIR!, 'desk.db'), { readonly: true });
  try {
    const row = db
      .prepare('select text from outbox where "to" = ? and kind = ? order by id desc limit 1')
      .get(email.toLowerCase(), kind) as { text: string } | undefined;
    const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const link = row && new RegExp(`https?://\\S+${escaped}\\?token=[A-Za-z0-9_-]+`).exec(row.text)?.[0];
    if (!link) throw new Error(`No ${kind} mail with a ${path} link for ${email}`);
    return new URL(link).pathname + new URL(link).search;
  } finally {
    db.close();
  }
}

/** Follows the newest verification link mailed to `email` and presses its button. */
export async function followVerificationLink(page: Page, email: string) {
  await page.goto(await mailedLink(email, 'email_verification', '/verify-email'));
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByTestId('link-outcome')).toContainText('your email address is confirmed');
}

/** What registration answers, whether or not the email already had an account. */
export const REGISTERED = /Check your email: we sent a link to confirm your address/;

/** The staff review's decision panel (app/ui/admin/DecisionPanel.tsx) with `choice` picked by its label. */
export async function decisionPanel(page: Page, choice: string) {
  const panel = page.getByRole('form', { name: 'Decision' });
  await panel.getByLabel(choice, { exact: true }).check();
  return panel;
}
