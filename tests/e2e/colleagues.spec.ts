import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signInHttp } from '../../scripts/lib/http-session';
import { DEMO_PASSWORD, REGISTERED, mailedLink, signIn, uniqueEmail } from './helpers';

/*
 * Issue 14's acceptance, as people would do it: an owner invites a colleague, the colleague
 * registers from the mailed link and sees the organisation's requests and licences; the owner
 * removes them and their already-open session no longer does. Northbank Daily is
 * publisher@demo.test's organisation (its owner).
 */

const base = () => process.env.E2E_BASE_URL!;

/** A small request through the API, auto-approved: a reference and a licence of Northbank Daily. */
async function northbankLicence(): Promise<{ ref: string; code: string }> {
  const cookie = await signInHttp(base(), 'publisher@demo.test', DEMO_PASSWORD);
  const list = (await (await fetch(`${base()}/api/articles?licensable=1`)).json()) as {
    items: { slug: string; rightsStatus: string }[];
  };
  const slug = list.items.find((a) => a.rightsStatus === 'owned')!.slug;
  const res = await fetch(`${base()}/api/requests`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      articles: [slug],
      use: 'web',
      audience: 5000,
      territory: 'country',
      territoryDetail: 'United Kingdom',
      duration: '1y',
      portion: 'full',
      translation: false,
      publicationName: `Colleagues ${randomUUID().slice(0, 8)}`,
      publicationUrl: 'https://northbank.example/colleagues',
      startDate: new Date().toISOString().slice(0, 10),
      acceptTerms: true,
    }),
  });
  const json = (await res.json()) as { reference: string; licenseCode: string | null };
  expect(res.status, JSON.stringify(json)).toBe(201);
  expect(json.licenseCode).toMatch(/^LIC-/);
  return { ref: json.reference, code: json.licenseCode! };
}

test('an owner invites a colleague, who registers from the link and sees the organisation’s work until removed', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { ref, code } = await northbankLicence();
  const email = uniqueEmail('colleague');

  // The owner invites.
  await signIn(page, 'publisher@demo.test');
  await page.goto('/account/organisation');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northbank Daily');
  await page.getByLabel('Their email').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await expect(page.getByTestId('pending-invitations')).toContainText(email);

  // The colleague follows the mailed link and registers: the address is the invited one.
  const link = await mailedLink(email, 'org_invitation', '/join');
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(link);
  await expect(colleague.getByTestId('join-outcome')).toContainText('to join Northbank Daily');
  await expect(colleague.getByLabel('Email')).toHaveValue(email);
  await colleague.getByLabel('Your name').fill('Cora Colleague');
  await colleague.getByLabel('Password').fill('colleague password 1');
  await colleague.getByRole('button', { name: 'Create account and join' }).click();
  await expect(colleague.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible();
  // The link was single use.
  await colleague.goto(link);
  await expect(colleague.getByTestId('join-outcome')).toContainText('already been used');

  // Signed in, the colleague sees the organisation's requests and licences — no new organisation.
  await signIn(colleague, email, 'colleague password 1');
  await colleague.goto('/account/requests');
  await expect(colleague.getByText(ref)).toBeVisible();
  await colleague.goto('/account/licenses');
  await expect(colleague.getByTestId(`license-${code}`)).toBeVisible();
  expect((await colleague.goto(`/account/licenses/${code}`))?.status()).toBe(200);
  await colleague.goto('/account/organisation');
  await expect(colleague.getByRole('heading', { level: 1 })).toHaveText('Northbank Daily');
  await expect(colleague.getByTestId(`member-${email}`)).toContainText('Member');

  // The owner sees them, and removes them.
  await page.goto('/account/organisation');
  const row = page.getByTestId(`member-${email}`);
  await expect(row).toContainText('Cora Colleague');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Remove Cora Colleague' }).click();
  await expect(page.getByTestId(`member-${email}`)).toHaveCount(0);
  await expect(page.getByTestId('org-events')).toContainText(`removed ${email}`);

  // The colleague's session, opened before the removal, no longer sees them.
  await colleague.goto('/account/requests');
  await expect(colleague.getByText(ref)).toHaveCount(0);
  await colleague.goto('/account/licenses');
  await expect(colleague.getByTestId(`license-${code}`)).toHaveCount(0);
  expect((await colleague.goto(`/account/licenses/${code}`))?.status()).toBe(404);
  await colleague.goto('/account/organisation');
  await expect(colleague.getByText('not part of an organisation')).toBeVisible();
  await colleagueContext.close();

  // The public verification page names the licensee and the websites the licence covers.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/licenses/${code}`);
  await expect(visitor.getByTestId('verification-licensee')).toHaveText('Northbank Daily');
  await expect(visitor.getByTestId('verification-websites')).toContainText('northbank.example');
});

test('someone who registered an organisation of their own first leaves it, then accepts the invitation', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('early');
  const early = await (await browser.newContext()).newPage();
  await early.goto('/register');
  await early.getByLabel('Your name').fill('Ed Early');
  await early.getByLabel('Email').fill(email);
  await early.getByLabel('Password').fill('early bird password');
  await early.getByLabel('Organisation name').fill('Northbank Duplicate');
  await early.getByLabel('Country').fill('England');
  await early.getByRole('button', { name: 'Create account' }).click();
  await expect(early.locator('main [role=status]')).toHaveText(REGISTERED);

  await signIn(page, 'publisher@demo.test');
  await page.goto('/account/organisation');
  await page.getByLabel('Their email').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const link = await mailedLink(email, 'org_invitation', '/join');

  await signIn(early, email, 'early bird password');
  await early.goto(link);
  await expect(early.getByText('Your account belongs to an organisation already')).toBeVisible();
  await early.getByRole('link', { name: 'your organisation’s page' }).click();
  await expect(early.getByRole('heading', { level: 1 })).toHaveText('Northbank Duplicate');
  early.once('dialog', (d) => void d.accept());
  await early.getByRole('button', { name: 'Leave the organisation' }).click();
  await early.reload();
  await expect(early.getByText('not part of an organisation')).toBeVisible();

  await early.goto(link);
  await early.getByRole('button', { name: 'Accept and join' }).click();
  // The answer, or (re-rendered after the action) the link's page saying it is used now.
  await expect(early.getByText(/you are now a member|already been used/).first()).toBeVisible();
  await early.goto('/account/organisation');
  await expect(early.getByRole('heading', { level: 1 })).toHaveText('Northbank Daily');
  await early.context().close();
});

test('a made-up or missing invitation link says so and offers the next step', async ({ page }) => {
  await page.goto('/join?token=not-a-real-token-at-all-xxxxxxxxxxxxxxxx');
  await expect(page.getByTestId('join-outcome')).toContainText('not valid');
  await page.goto('/join');
  await expect(page.getByTestId('join-outcome')).toContainText('not valid');
  await page.goto('/staff-invitation?token=nope');
  await expect(page.getByTestId('staff-invitation-outcome')).toContainText('not valid');
});
