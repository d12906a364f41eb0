import { readBodyText } from '@/lib/http';
import { jsonError } from '@/lib/errors';
import { handleStripeWebhook, STRIPE_BODY_LIMIT, stripeConfigured } from '@/lib/invoices/stripe';

// Stripe's webhook. No session: the signature over the raw body (size-limited) is the
// authorization, checked in lib/invoices/stripe.ts before anything is read from the event.
export async function POST(request: Request) {
  if (!stripeConfigured()) return jsonError(404, 'Online payment is not enabled.');
  const body = await readBodyText(request, STRIPE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const result = handleStripeWebhook(body.body, request.headers.get('stripe-signature'));
  return Response.json(result.body, { status: result.status });
}
