import 'server-only';
import Stripe from 'stripe';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { invoiceEvents, invoices, payments, type PublicUser } from '@/db/schema';
import { can } from '@/lib/auth/can';
import { conflict, notFound } from '@/lib/errors';
import { scheduleDelivery } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/quote';
import { siteUrl } from '@/lib/site';
import { dayOf } from './dates';
import { applyPayment } from './payments';
import { findInvoiceFor } from './queries';

/** Online payment is offered only when both keys are set (README § Payments). */
export const stripeConfigured = () => !!process.env.STRIPE_SECRET_KEY && !!process.env.STRIPE_WEBHOOK_SECRET;

/** Webhook bodies are small JSON events; anything far larger is refused unread. */
export const STRIPE_BODY_LIMIT = 256 * 1024;

/**
 * The Stripe client. STRIPE_API_BASE (e.g. http://127.0.0.1:12111) points it at a stand-in for
 * the API — the tests' local server; production leaves it unset.
 */
export function stripeClient(): Stripe {
  const base = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE) : null;
  return new Stripe(process.env.STRIPE_SECRET_KEY ?? '', {
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'http:' ? 80 : 443),
          protocol: base.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

/**
 * "Pay £X now": a Checkout Session for what is still owed on the publisher's invoice. The
 * invoice number rides in the metadata (the webhook finds the invoice by it), and the idempotency
 * key is the invoice and the amount, so a double click makes one session, not two.
 */
export async function startCheckout(number: string, user: PublicUser, db: Db = getDb()): Promise<string> {
  const found = findInvoiceFor(number, user, db);
  if (!found || can(user, 'staff')) throw notFound('No invoice with this number.');
  const inv = found.invoice;
  const owed = inv.total - inv.amountPaid;
  if (inv.status !== 'open' || owed <= 0) throw conflict(`Invoice ${inv.number} has nothing to pay.`);
  const back = `${siteUrl()}/account/invoices/${inv.number}`;
  const session = await stripeClient().checkout.sessions.create(
    {
      mode: 'payment',
      client_reference_id: inv.number,
      customer_email: inv.buyer.email ?? user.email,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: inv.currency.toLowerCase(),
            unit_amount: owed,
            product_data: { name: `Invoice ${inv.number} (licence ${found.licenseCode})` },
          },
        },
      ],
      metadata: { invoice: inv.number },
      payment_intent_data: { metadata: { invoice: inv.number } },
      success_url: `${back}?paid=online`,
      cancel_url: back,
    },
    { idempotencyKey: `invoice-${inv.number}-${owed}` },
  );
  db.insert(invoiceEvents)
    .values({
      invoiceId: inv.id,
      actorId: user.id,
      kind: 'checkout',
      amount: owed,
      note: `Stripe Checkout ${session.id}`,
    })
    .run();
  if (!session.url) throw new Error('Stripe returned a session without a URL');
  return session.url;
}

export type WebhookOutcome = { status: number; body: { received: boolean; outcome?: string; error?: string } };

/**
 * POST /api/payments/stripe: the signature is checked on the raw body first; then a completed,
 * paid Checkout Session pays its invoice — once. The provider's payment id is unique in
 * `payments`, so a replay finds it and changes nothing; an event for an invoice already paid,
 * void or unknown, in another currency, or of a kind we do not act on, is acknowledged and
 * changes no amount (Stripe would otherwise retry it for days); money that could not be applied
 * is noted once in the invoice's history for a refund.
 */
export function handleStripeWebhook(
  raw: string,
  signature: string | null,
  db: Db = getDb(),
  now = new Date(),
): WebhookOutcome {
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(raw, signature ?? '', process.env.STRIPE_WEBHOOK_SECRET ?? '');
  } catch {
    return { status: 400, body: { received: false, error: 'Invalid signature.' } };
  }
  if (event.type !== 'checkout.session.completed' && event.type !== 'checkout.session.async_payment_succeeded')
    return { status: 200, body: { received: true, outcome: 'ignored' } };
  const session = event.data.object;
  if (session.payment_status !== 'paid') return { status: 200, body: { received: true, outcome: 'not paid yet' } };
  const number = session.metadata?.invoice ?? session.client_reference_id ?? '';
  const providerId =
    typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? session.id);
  const amount = session.amount_total ?? 0;

  const outcome = db.transaction(
    (tx) => {
      if (tx.select({ id: payments.id }).from(payments).where(eq(payments.providerPaymentId, providerId)).get())
        return 'duplicate';
      const inv = tx.select().from(invoices).where(eq(invoices.number, number)).get();
      if (!inv) return 'unknown invoice';
      const owed = inv.total - inv.amountPaid;
      const paidIn = (session.currency ?? '').toUpperCase();
      const sameCurrency = paidIn === inv.currency;
      if (inv.status !== 'open' || !sameCurrency || amount <= 0 || amount > owed) {
        // Money arrived that the invoice cannot take: staff see it in the history (once) and refund it.
        const noted = `Online payment ${providerId} `;
        if (
          tx
            .select({ id: invoiceEvents.id })
            .from(invoiceEvents)
            .where(and(eq(invoiceEvents.invoiceId, inv.id), sql`instr(${invoiceEvents.note}, ${noted}) = 1`))
            .get()
        )
          return 'duplicate';
        const why = !sameCurrency
          ? `it was paid in ${paidIn || 'an unknown currency'}, the invoice is in ${inv.currency}`
          : `the invoice is ${inv.status === 'open' ? `owed ${formatMoney(owed, inv.currency)}` : inv.status}`;
        tx.insert(invoiceEvents)
          .values({
            invoiceId: inv.id,
            actorId: null,
            kind: 'checkout',
            // The history shows amounts in the invoice's currency: a foreign one is only in the note.
            amount: sameCurrency ? amount : null,
            note: `${noted}of ${sameCurrency ? formatMoney(amount, inv.currency) : `${amount} ${paidIn} (Stripe's smallest unit)`} not applied: ${why}. Refund it in Stripe.`,
            createdAt: now.toISOString(),
          })
          .run();
        return 'not applied';
      }
      applyPayment(
        tx,
        inv,
        { amount, method: 'card', reference: session.id, receivedOn: dayOf(now), providerPaymentId: providerId },
        null,
        now,
      );
      return 'paid';
    },
    { behavior: 'immediate' },
  );
  if (outcome === 'unknown invoice') console.warn(`[stripe] event ${event.id} names unknown invoice ${number}`);
  if (outcome === 'paid') scheduleDelivery(db);
  return { status: 200, body: { received: true, outcome } };
}
