import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invoiceEvents, invoices, licenses, outbox, payments, type License } from '@/db/schema';
import { HowToPay } from '@/app/ui/invoices/HowToPay';
import { POST as stripeRoute } from '@/app/api/payments/stripe/route';
import { invoiceForLicense } from '@/lib/invoices/queries';
import { handleStripeWebhook, startCheckout } from '@/lib/invoices/stripe';
import { freshDb } from '../helpers/db';
import { approvedAt, desk } from '../helpers/requests';

const SECRET = 'whsec_test_secret';
const stripe = new Stripe('sk_test_x');
let db: Db;
let d: ReturnType<typeof desk>;
let license: License;

// A stand-in for the Stripe API: records what the SDK sent and answers like Checkout does.
let api: Server;
const seen: { path: string; body: string; idempotencyKey: string | undefined; auth: string | undefined }[] = [];
beforeAll(async () => {
  api = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({
        path: req.url ?? '',
        body,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        auth: req.headers.authorization,
      });
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'cs_test_123',
          object: 'checkout.session',
          url: 'https://checkout.stripe.test/c/pay/cs_test_123',
        }),
      );
    });
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  process.env.STRIPE_SECRET_KEY = 'sk_test_x';
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_BASE;
  await new Promise((r) => api.close(r));
});

beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = await approvedAt(db, d, 45000);
});

const invoice = () => db.select().from(invoices).where(eq(invoices.licenseId, license.id)).get()!;

function signed(event: object, secret = SECRET) {
  const payload = JSON.stringify(event);
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}
const completed = (
  over: {
    id?: string;
    invoice?: string;
    amount?: number;
    pi?: string;
    type?: string;
    paymentStatus?: string;
    currency?: string;
  } = {},
) => ({
  id: over.id ?? 'evt_1',
  object: 'event',
  type: over.type ?? 'checkout.session.completed',
  data: {
    object: {
      id: 'cs_test_123',
      object: 'checkout.session',
      payment_status: over.paymentStatus ?? 'paid',
      amount_total: over.amount ?? 45000,
      currency: over.currency ?? 'gbp',
      payment_intent: over.pi ?? 'pi_123',
      metadata: { invoice: over.invoice ?? license.invoiceRef },
      client_reference_id: over.invoice ?? license.invoiceRef,
    },
  },
});
const deliver = (event: object, secret = SECRET) => {
  const { payload, header } = signed(event, secret);
  return handleStripeWebhook(payload, header, db);
};

describe('Stripe webhook', () => {
  it('refuses a bad or missing signature and writes nothing', () => {
    expect(deliver(completed(), 'whsec_wrong').status).toBe(400);
    const { payload } = signed(completed());
    expect(handleStripeWebhook(payload, null, db).status).toBe(400);
    // A valid signature over another body.
    const { header } = signed(completed({ amount: 1 }));
    expect(handleStripeWebhook(payload, header, db).status).toBe(400);
    expect(invoice().amountPaid).toBe(0);
  });

  it('marks the invoice paid once, records the payment id, opens downloads and mails the receipt; a replay changes nothing', () => {
    expect(deliver(completed())).toEqual({ status: 200, body: { received: true, outcome: 'paid' } });
    expect(invoice()).toMatchObject({ status: 'paid', amountPaid: 45000 });
    expect(db.select().from(licenses).where(eq(licenses.id, license.id)).get()?.paidAt).not.toBeNull();
    expect(db.select().from(payments).all()).toMatchObject([
      { providerPaymentId: 'pi_123', method: 'card', amount: 45000, recordedBy: null },
    ]);
    expect(db.select().from(outbox).where(eq(outbox.kind, 'payment_received')).all()).toHaveLength(1);

    const before = db.select().from(invoiceEvents).all().length;
    expect(deliver(completed()).body.outcome).toBe('duplicate');
    expect(deliver(completed({ id: 'evt_2' })).body.outcome).toBe('duplicate');
    expect(db.select().from(payments).all()).toHaveLength(1);
    expect(db.select().from(invoiceEvents).all()).toHaveLength(before);
    expect(db.select().from(outbox).where(eq(outbox.kind, 'payment_received')).all()).toHaveLength(1);
  });

  it('acknowledges unknown invoices, other event types and late events without changing anything', () => {
    expect(deliver(completed({ invoice: 'INV-2099-999999', pi: 'pi_x' })).body.outcome).toBe('unknown invoice');
    expect(deliver(completed({ type: 'checkout.session.expired' })).body.outcome).toBe('ignored');
    expect(invoice().amountPaid).toBe(0);
    deliver(completed());
    // A second, different payment for an invoice already paid: kept in the history for a refund, not applied.
    expect(deliver(completed({ id: 'evt_3', pi: 'pi_other' })).body.outcome).toBe('not applied');
    expect(invoice().amountPaid).toBe(45000);
    expect(db.select().from(payments).all()).toHaveLength(1);
  });

  it('out of order: a completed session still waiting for a bank debit pays nothing; its later success pays once', () => {
    expect(deliver(completed({ paymentStatus: 'unpaid' })).body.outcome).toBe('not paid yet');
    expect(invoice().amountPaid).toBe(0);
    const succeeded = completed({ id: 'evt_async', type: 'checkout.session.async_payment_succeeded' });
    expect(deliver(succeeded).body.outcome).toBe('paid');
    expect(invoice()).toMatchObject({ status: 'paid', amountPaid: 45000 });
    // The completed event arriving again, now paid, is the same payment.
    expect(deliver(completed({ id: 'evt_late' })).body.outcome).toBe('duplicate');
    expect(db.select().from(payments).all()).toHaveLength(1);
  });

  it('a replay of an event it could not apply is noted once, not once per retry', () => {
    deliver(completed());
    const history = () => db.select().from(invoiceEvents).all().length;
    expect(deliver(completed({ id: 'evt_3', pi: 'pi_other' })).body.outcome).toBe('not applied');
    const before = history();
    expect(deliver(completed({ id: 'evt_3', pi: 'pi_other' })).body.outcome).toBe('duplicate');
    expect(history()).toBe(before);
  });

  it('does not apply money in another currency than the invoice’s', () => {
    expect(deliver(completed({ currency: 'eur' })).body.outcome).toBe('not applied');
    expect(invoice()).toMatchObject({ status: 'open', amountPaid: 0 });
    expect(db.select().from(payments).all()).toHaveLength(0);
  });
});

describe('Stripe Checkout', () => {
  it('creates a session for what is owed, with the invoice number in metadata and one idempotency key per invoice', async () => {
    seen.length = 0;
    const url = await startCheckout(license.invoiceRef, d.publisher, db);
    expect(url).toBe('https://checkout.stripe.test/c/pay/cs_test_123');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe('/v1/checkout/sessions');
    expect(seen[0]!.auth).toBe('Bearer sk_test_x');
    expect(seen[0]!.idempotencyKey).toBe(`invoice-${license.invoiceRef}-45000`);
    const body = new URLSearchParams(seen[0]!.body);
    expect(body.get('metadata[invoice]')).toBe(license.invoiceRef);
    expect(body.get('line_items[0][price_data][unit_amount]')).toBe('45000');
    expect(body.get('line_items[0][price_data][currency]')).toBe('gbp');
    expect(body.get('mode')).toBe('payment');
  });

  it('only for the organisation’s own open invoice', async () => {
    const other = desk(db);
    await expect(startCheckout(license.invoiceRef, other.publisher, db)).rejects.toMatchObject({ code: 'not_found' });
    await expect(startCheckout(license.invoiceRef, d.staff, db)).rejects.toMatchObject({ code: 'not_found' });
    deliver(completed());
    await expect(startCheckout(license.invoiceRef, d.publisher, db)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('POST /api/payments/stripe', () => {
  it('refuses a body over 256 KB unread, even signed, and pays nothing', async () => {
    const event = { ...completed(), padding: 'x'.repeat(256 * 1024) };
    const { payload, header } = signed(event);
    const res = await stripeRoute(
      new Request('http://localhost/api/payments/stripe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      }),
    );
    expect(res.status).toBe(413);
    expect(invoice().amountPaid).toBe(0);
  });
});

describe('without both Stripe keys', () => {
  const howToPay = () =>
    renderToStaticMarkup(createElement(HowToPay, { invoice: invoiceForLicense(license.id, db)!, canPayOnline: true }));
  const post = () => {
    const { payload, header } = signed(completed());
    return stripeRoute(
      new Request('http://localhost/api/payments/stripe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      }),
    );
  };

  it('the invoice shows no "Pay now" button and the webhook is not there; with both, it is', async () => {
    expect(howToPay()).toContain('Pay £450.00 now');
    expect((await post()).status).toBe(200);
    expect(invoice().status).toBe('paid');

    db = freshDb();
    d = desk(db);
    license = await approvedAt(db, d, 45000);
    for (const unset of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const) {
      const kept = process.env[unset];
      delete process.env[unset];
      try {
        const html = howToPay();
        expect(html).not.toContain('pay-online');
        expect(html).toContain(`Reference to quote: <strong data-testid="pay-reference">${license.invoiceRef}`);
        expect((await post()).status).toBe(404);
      } finally {
        process.env[unset] = kept;
      }
    }
    expect(invoice()).toMatchObject({ status: 'open', amountPaid: 0 });
  });
});
