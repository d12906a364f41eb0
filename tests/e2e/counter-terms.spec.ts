import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { licenses, licenseRequests } from '../../db/schema';
import type { LicenseTerms } from '../../lib/licenses/issue';
import { decisionPanel, signIn } from './helpers';
import { desk, submittedRequest } from './support/desk';

// Issue 17 item 7: staff counter with changed terms (the form prices them live), the publisher
// sees them beside what they asked, and the licence carries exactly the accepted terms.

// Owned, not embargoed, premium ×1.0 (scripts/demo/seed-data/articles.ts).
const A = 'council-passes-budget-after-all-night-session';
const B = 'ferry-fare-freeze-becomes-election-battleground';

test('staff counter "excerpt, 30 days, one article" with the new quote beside the fee; the publisher sees both sides and accepts', async ({
  page,
  browser,
}) => {
  const ref = await submittedRequest([A, B], 'https://northbank.example/e2e-counter');
  await signIn(page, 'staff@demo.test');
  await page.goto(`/admin/requests/${ref}`);
  const counter = await decisionPanel(page, 'Counter-offer');
  const quote = counter.getByTestId('counter-quote');
  // Prefilled with the request's terms: the quote is the request's own (£150 × 2 × 2, −10 %).
  await expect(quote).toHaveText('£540.00');
  await counter.getByLabel('Portion').selectOption('excerpt');
  await counter.getByLabel('Duration').selectOption('30d');
  // £150 × 0.4 × 0.7 = £42 a line; two lines −10 % → £76
  await expect(quote).toHaveText('£76.00');
  await counter.getByLabel('Ferry fare freeze', { exact: false }).uncheck();
  await expect(quote).toHaveText('£42.00');

  // An unknown article is refused at the field, and the form keeps the changed terms.
  await counter.getByLabel('Add articles (slugs)').fill('no-such-story');
  await counter.getByRole('button', { name: /^Send counter-offer/ }).click();
  await expect(counter.locator('#counter-articles-error')).toContainText('no-such-story');
  await expect(counter.getByLabel('Portion')).toHaveValue('excerpt');
  await expect(counter.getByLabel('Duration')).toHaveValue('30d');
  await expect(counter.getByLabel('Ferry fare freeze', { exact: false })).not.toBeChecked();

  await counter.getByLabel('Add articles (slugs)').fill('');
  await counter.getByRole('button', { name: /^Send counter-offer/ }).click();
  await expect(page.getByRole('heading', { name: `Request ${ref}` })).toContainText('Counter-offer');
  const staffView = page.getByTestId('counter-terms');
  await expect(staffView.locator('tr[data-changed]')).toHaveCount(3);

  const publisher = await (await browser.newContext()).newPage();
  await signIn(publisher, 'publisher@demo.test');
  await publisher.goto(`/account/requests/${ref}`);
  await expect(publisher.getByTestId('counter-fee')).toHaveText('£42.00');
  const sides = publisher.getByTestId('counter-terms');
  await expect(sides.getByRole('columnheader')).toHaveText(['Term', 'You asked for', 'The desk offers']);
  const row = (name: string) => sides.getByRole('row').filter({ has: publisher.getByRole('rowheader', { name }) });
  await expect(row('Portion changed').getByRole('cell')).toHaveText(['Full text', 'Excerpt (up to 300 words)']);
  await expect(row('Duration changed').getByRole('cell')).toHaveText(['Perpetual', '30 days']);
  await expect(row('Articles changed').getByRole('cell').nth(1).getByRole('listitem')).toHaveCount(1);
  await expect(row('Use').getByRole('cell')).toHaveText(['Website', 'Website']);

  await publisher.getByRole('button', { name: 'Accept £42.00 on these terms' }).click();
  await expect(publisher.getByTestId('license-link')).toHaveText(/^LIC-/);
  const req = desk().select().from(licenseRequests).where(eq(licenseRequests.reference, ref)).get()!;
  const licence = desk().select().from(licenses).where(eq(licenses.requestId, req.id)).get()!;
  const terms = licence.terms as LicenseTerms;
  expect(terms).toMatchObject({ portion: 'excerpt', duration: '30d', fee: 4200 });
  expect(terms.articles.map((a) => a.slug)).toEqual([A]);

  // The verification page reads from the frozen terms too: an excerpt, valid for 30 days.
  await publisher.goto(`/licenses/${licence.code}`);
  await expect(publisher.getByText('Excerpt (up to 300 words)', { exact: true }).first()).toBeVisible();
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(iso),
    );
  expect((Date.parse(licence.validUntil!) - Date.parse(licence.validFrom)) / 86_400_000).toBe(30);
  await expect(publisher.getByText(`${day(licence.validFrom)} – ${day(licence.validUntil!)}`)).toBeVisible();
});
