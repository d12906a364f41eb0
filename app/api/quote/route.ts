import { priceQuote } from '@/lib/requests/price';

export const dynamic = 'force-dynamic';

// Far more than any real request body (20 slugs and a few options); refuses floods cheaply.
const MAX_BODY = 16_384;

/** Instant quote for integrations: the same function as the calculator and the request form. */
export async function POST(request: Request) {
  const text = await request.text();
  if (text.length > MAX_BODY) return Response.json({ error: 'Request body too large.' }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: 'Malformed JSON: send a JSON object.' }, { status: 400 });
  }
  try {
    const result = await priceQuote(body);
    if (!result.ok) return Response.json({ errors: result.errors }, { status: 400 });
    return Response.json(result.quote);
  } catch (e) {
    console.error('POST /api/quote failed', e);
    return Response.json({ error: 'Could not price this use. Please try again.' }, { status: 500 });
  }
}
