import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Stripe from 'stripe';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { and, eq, like } from 'drizzle-orm';
import { openDatabase, type Db } from '../../db/client';
import { invoices, outbox } from '../../db/schema';
import { pdfText } from '../helpers/pdf-text';
import { decisionPanel, signIn } from './helpers';
import { axeViolations } from './support/axe';

// The money loop as people meet it: a request above the payment threshold is approved, the
// publisher sees the invoice and how to pay, the PDF names both parties; a signed Stripe event
// pays it once and the downloads open. Staff record part-payments and the audit trail names them.
// The server runs with test Stripe keys (tests/e2e/global-setup.ts); nothing reaches Stripe.

const requestBody = (slug: string) => ({
  articles: [slug],
  use: 'web',
  audience: 500_000, // £240: above the £200 auto-approval limit and the payment threshold
  territory: 'country',
  territoryDetail: 'United Kingdom',
  duration: '1y',
  portion: 'full',
  translation: false,
  publicationName: `Invoice test ${randomUUID().slice(0, 8)}`,
  publicationUrl: 'https://northbank.example/invoice-test',
  startDate: new Date().toISOString().slice(0, 10),
  acceptTerms: true,
});

// The server's own database, for moving a due date into the past (no page does that).
let db: Db | undefined;
const desk = () => (db ??= openDatabase(path.join(process.env.E2E_DATA_DIR!, 'desk.db')));

async function requestAndApprove(
  browser: Browser,
  publisher: Page,
): Promise<{ ref: string; code: string; number: string }> {
  const list = (await (await publisher.request.get('/api/articles?licensable=1')).json()) as {
    items: { slug: string; rightsStatus: string }[];
  };
  const slug = list.items.find((a) => a.rightsStatus === 'owned')!.slug;
  const res = await publisher.request.post('/api/requests', {
    data: requestBody(slug),
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(res.status()).toBe(201);
  const { reference } = (await res.json()) as { reference: string };

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff@demo.test');
  await staff.goto(`/admin/requests/${reference}`);
  await (await decisionPanel(staff, 'Approve')).getByRole('button', { name: 'Approve and issue the licence' }).click();
  const code = (await staff.getByTestId('licence-code').textContent())!.trim();
  await staffContext.close();

  await publisher.goto(`/account/licenses/${code}`);
  const link = publisher.getByTestId('awaiting-payment').getByRole('link', { name: /^INV-/ });
  const number = (await link.textContent())!.trim();
  return { ref: reference, code, number };
}

test('approved above the threshold: invoice and how to pay, the PDF, a signed webhook pays it once and downloads open', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'publisher@demo.test');
  const { code, number } = await requestAndApprove(browser, page);

  // The licence page: no download buttons, the amount, the due date and how to pay.
  await expect(page.getByTestId('awaiting-payment')).toContainText('£240.00');
  await expect(page.getByTestId('how-to-pay')).toContainText('Sort code');
  await expect(page.getByTestId('pay-reference')).toHaveText(number);
  await expect(page.getByTestId('pay-online')).toHaveText('Pay £240.00 now');
  await expect(page.getByRole('link', { name: /^Download / })).toHaveCount(0);
  expect((await page.request.get(`/api/licenses/${code}/download?format=html`)).status()).toBe(402);

  await page.goto(`/account/invoices/${number}`);
  await expect(page.getByTestId('invoice-total')).toHaveText('£240.00');
  await expect(page.getByTestId('invoice-vat')).toHaveText('£40.00');

  const pdf = await page.request.get(`/account/invoices/${number}/pdf`);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  for (const s of [
    'Harbour Ledger Media Ltd',
    'Northbank Daily',
    'Website use',
    'VAT 20 %',
    '£40.00',
    '£200.00',
    '£240.00',
  ])
    expect(text).toContain(s);

  // Stripe says the Checkout Session is paid: signed with the server's webhook secret.
  const event = {
    id: `evt_${randomUUID()}`,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: `cs_test_${randomUUID()}`,
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: 24000,
        currency: 'gbp',
        payment_intent: `pi_${randomUUID()}`,
        metadata: { invoice: number },
        client_reference_id: number,
      },
    },
  };
  const payload = JSON.stringify(event);
  const sign = () =>
    new Stripe('sk_test_unused').webhooks.generateTestHeaderString({
      payload,
      secret: process.env.STRIPE_WEBHOOK_SECRET!,
    });
  const post = () =>
    page.request.post('/api/payments/stripe', {
      data: payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': sign() },
    });
  const first = await post();
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ outcome: 'paid' });

  await page.goto(`/account/licenses/${code}`);
  await expect(page.getByTestId('awaiting-payment')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Download HTML/ })).toBeVisible();
  expect((await page.request.get(`/api/licenses/${code}/download?format=html`)).status()).toBe(200);

  // The same event again changes nothing.
  const replay = await post();
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toMatchObject({ outcome: 'duplicate' });
  await page.goto(`/account/invoices/${number}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Receipt ${number}`);
  await expect(page.locator('main')).toContainText('Payments received');
  await expect(page.locator('main li', { hasText: '£240.00 on' })).toHaveCount(1);
});

test('staff record two part-payments: the invoice turns paid and the audit trail names who recorded each', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'publisher@demo.test');
  const { ref } = await requestAndApprove(browser, page);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff@demo.test');
  await staff.goto(`/admin/requests/${ref}`);
  const form = staff.getByTestId('record-payment');
  await form.getByLabel('Amount (£)').fill('100');
  await form.getByLabel('Reference').fill('BACS-1');
  await form.getByRole('button', { name: 'Record payment' }).click();
  await expect(staff.getByRole('status').filter({ hasText: '£140.00' })).toBeVisible();
  // The button keeps its own width (issue 16, bug 8).
  const box = (await form.getByRole('button', { name: 'Record payment' }).boundingBox())!;
  const formBox = (await form.boundingBox())!;
  expect(box.width).toBeLessThan(formBox.width / 2);

  await staff.reload();
  await expect(staff.getByTestId('invoice-owed')).toHaveText('£140.00');
  const again = staff.getByTestId('record-payment');
  await expect(again.getByLabel('Amount (£)')).toHaveValue('140');
  await again.getByLabel('Amount (£)').fill('140.01');
  await again.getByRole('button', { name: 'Record payment' }).click();
  await expect(again.locator('.field-error')).toContainText('more than the £140.00 still owed');
  await expect(again.getByLabel('Amount (£)')).toHaveValue('140.01');
  await again.getByLabel('Amount (£)').fill('140');
  await again.getByRole('button', { name: 'Record payment' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'paid in full' })).toBeVisible();

  await staff.reload();
  await expect(staff.getByTestId('invoice-state')).toHaveText('Paid');
  const trail = staff.getByTestId('audit-trail');
  await expect(trail.locator('li', { hasText: 'Payment recorded' })).toHaveCount(2);
  for (const item of await trail.locator('li', { hasText: 'Payment recorded' }).all())
    await expect(item).toContainText('Sol Staff');
  await expect(trail.locator('li', { hasText: 'Invoice paid' })).toContainText('Sol Staff');
  await staffContext.close();
});

test('an invoice past due shows in the 1–30 bucket on the receivables page and CSV, and the daily run reminds once', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'publisher@demo.test');
  const { number } = await requestAndApprove(browser, page);
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  desk().update(invoices).set({ dueOn: threeDaysAgo }).where(eq(invoices.number, number)).run();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff@demo.test');
  // Staff have no organisation's invoices: that page sends them to the receivables.
  await staff.goto('/account/invoices');
  await staff.getByRole('link', { name: 'the desk’s receivables' }).click();
  await expect(staff).toHaveURL(/\/admin\/invoices$/);
  await staff.getByLabel('Ageing').selectOption('1-30');
  await staff.getByLabel('Organisation or number').fill(number);
  await staff.getByRole('button', { name: 'Filter' }).click();
  await expect(staff).toHaveURL(/bucket=1-30/);
  const row = staff.getByRole('row', { name: new RegExp(number) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('invoice-state')).toHaveText('Overdue');
  await expect(row).toContainText('1–30 days overdue');
  await expect(row).toContainText('£240.00');
  const bad = await axeViolations(staff, 'receivables', { impacts: ['serious', 'critical'] });
  expect(bad, bad.join('\n')).toEqual([]);
  const csv = await staff.request.get(`/admin/invoices/export?bucket=1-30&q=${number}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${number},`);
  expect(lines[1]).toContain(',200.00,40.00,domestic,240.00,0.00,0.00,240.00,Overdue,1-30,');
  await staffContext.close();

  // `npm run desk:daily` against the server's data, twice: one reminder, not two.
  const reminders = () =>
    desk()
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'invoice_reminder'), like(outbox.subject, `%${number}%`)))
      .all();
  const daily = () =>
    execFileSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/expire-licenses.ts'], {
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
      encoding: 'utf8',
    });
  expect(daily()).toMatch(/Sent \d+ overdue invoice reminders?\./);
  expect(reminders()).toHaveLength(1);
  expect(reminders()[0]!.text).toContain(`Reference to quote: ${number}`);
  daily();
  expect(reminders()).toHaveLength(1);
});
