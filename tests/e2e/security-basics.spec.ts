import { expect, test } from '@playwright/test';
import { signInHttp } from '../../scripts/lib/http-session';
import { DEMO_PASSWORD, uniqueEmail } from './helpers';

test('security headers are set on pages and APIs', async ({ request }) => {
  for (const path of ['/', '/login', '/api/health']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], path).toContain("default-src 'self'");
    expect(h['content-security-policy'], path).toContain("object-src 'none'");
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['x-powered-by'], path).toBeUndefined();
  }
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ baseURL }) => {
  const res = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const csrfCookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const login = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: 'staff@demo.test', password: DEMO_PASSWORD, json: 'true' }),
  });
  const session = login.headers.getSetCookie().find((c) => c.includes('next-auth.session-token='));
  expect(session).toBeTruthy();
  expect(session).toMatch(/HttpOnly/i);
  expect(session).toMatch(/SameSite=Lax/i);
  // And it works: signed in through the same flow the benchmark uses.
  expect(await signInHttp(baseURL!, 'staff@demo.test', DEMO_PASSWORD)).toContain('session-token');
});

test('a server action posted with a foreign Origin is refused and writes nothing', async ({ page, baseURL }) => {
  const email = uniqueEmail('csrf');
  // Capture the browser's real action call, hold it back, and replay it as a foreign site would.
  let captured: { headers: Record<string, string>; body: Buffer | null } | undefined;
  await page.goto('/register');
  await page.route('**/register', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postDataBuffer() };
    await route.abort();
  });
  await page.getByLabel('Your name').fill('Mallory');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('long enough password');
  await page.getByLabel('Organisation name').fill('Evil Org');
  await page.getByLabel('Country').fill('Nowhere');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  expect(captured!.headers['next-action']).toBeTruthy();

  const replay = (origin: string) =>
    fetch(`${baseURL}/register`, {
      method: 'POST',
      headers: { ...captured!.headers, origin },
      body: captured!.body ? new Uint8Array(captured!.body) : null,
    });
  const foreign = await replay('https://evil.example');
  expect(foreign.status).toBeGreaterThanOrEqual(400);
  await page.unrouteAll();
  const signIn = async () => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  await signIn();
  await expect(page.locator('main [role=alert]')).toHaveText('Wrong email or password.');

  // The control: the same call from our own origin does create the account.
  const own = await replay(new URL(baseURL!).origin);
  expect(own.status).toBe(200);
  await signIn();
  await expect(page.getByTestId('signed-in-as')).toHaveText('Mallory');
});

test('after five rapid failures for one email from one address the next attempt is throttled', async ({ page }) => {
  // An email of its own, so no other test's account gets locked.
  const email = uniqueEmail('throttle');
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong password ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('main [role=alert]')).toHaveText('Wrong email or password.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('main [role=alert]')).toHaveText(/Too many attempts, try again in 15 minutes/);
});
