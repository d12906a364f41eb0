import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('staff mark an approved request’s invoice paid from the review page', async ({ page }) => {
  await signIn(page, 'staff@demo.test');
  await page.goto('/admin/requests?status=approved');
  await page.locator('main table a[href^="/admin/requests/RR-"]').first().click();
  await expect(page.getByTestId('licence-code')).toBeVisible();
  const button = page.getByRole('button', { name: /^Mark invoice INV-.* paid$/ });
  await expect(page.locator('main')).toContainText(/, unpaid\./);
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: /paid/i }).first()).toBeVisible();
  await page.reload();
  await expect(page.locator('main')).toContainText(/, paid\./);
});
