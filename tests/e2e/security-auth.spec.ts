import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, REGISTERED, followVerificationLink, signIn, signOut, uniqueEmail } from './helpers';

// Issue 13: open redirect (1), spoofed X-Forwarded-For (2), sessions that outlive sign-out (9),
// registration that tells who has an account (8) — each through the real server and browser.

test('signing in with a tab-smuggled callbackUrl stays on the site', async ({ page, baseURL }) => {
  await page.goto('/login?callbackUrl=/%09/other-host.example/x');
  await page.getByLabel('Email').fill('nonprofit@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await signOut(page);
});

test('a new X-Forwarded-For per try does not escape the sign-in limit', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const email = uniqueEmail('xff');
  const errors: string[] = [];
  for (let i = 0; i < 7; i++) {
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await api.post('/api/auth/callback/credentials', {
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}` },
      form: { csrfToken, email, password: `wrong password ${i}`, json: 'true' },
      maxRedirects: 0,
    });
    const url = ((await res.json()) as { url: string }).url;
    errors.push(new URL(url).searchParams.get('error') ?? '');
  }
  expect(errors.slice(0, 5).every((e) => e === 'Wrong email or password.')).toBe(true);
  expect(errors.slice(5)).toEqual([
    expect.stringMatching(/Too many attempts/),
    expect.stringMatching(/Too many attempts/),
  ]);
  await api.dispose();
});

test('a session cookie captured before sign-out no longer works after it', async ({ page, browser }) => {
  await signIn(page, 'staff@demo.test');
  const captured = await page.context().cookies();
  expect(captured.some((c) => c.name.endsWith('next-auth.session-token'))).toBe(true);
  await signOut(page);
  const replay = await browser.newContext();
  await replay.addCookies(captured);
  const me = await replay.request.get(new URL('/api/me', page.url()).toString());
  expect(await me.json()).toEqual({ user: null });
  await replay.close();
});

test('registering an existing email answers like a new one; the new account verifies by mail before submitting', async ({
  page,
}) => {
  const fill = async (email: string) => {
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Vera Verify');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long password');
    await page.getByLabel('Organisation name').fill('Verify Times');
    await page.getByLabel('Country').fill('Wales');
    await page.getByRole('button', { name: 'Create account' }).click();
    return (await page.locator('main [role=status]').first().textContent())?.trim();
  };
  const email = uniqueEmail('verify');
  const fresh = await fill(email);
  const existing = await fill('publisher@demo.test');
  expect(fresh).toMatch(REGISTERED);
  expect(existing).toBe(fresh);

  await signIn(page, email, 'a long password');
  await page.goto('/republish?article=youth-council-holds-first-sitting');
  await expect(page.getByTestId('unverified-notice')).toContainText('confirm your email address');
  await followVerificationLink(page, email);
  await page.goto('/republish?article=youth-council-holds-first-sitting');
  await expect(page.getByTestId('unverified-notice')).toHaveCount(0);
});
