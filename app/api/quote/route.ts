import { BODY_LIMITS, readJson } from '@/lib/http';
import { priceQuote } from '@/lib/requests/price';

export const dynamic = 'force-dynamic';

/**
 * Instant quote for integrations: the same function as the calculator and the request form.
 * Open to anyone and it changes nothing, so no cross-site guard; the body reader stops at 16 KB.
 */
export async function POST(request: Request) {
  const body = await readJson(request, BODY_LIMITS.quote);
  if (!body.ok) return body.response;
  try {
    const result = await priceQuote(body.body);
    if (!result.ok) return Response.json({ errors: result.errors }, { status: 400 });
    return Response.json(result.quote);
  } catch (e) {
    console.error('POST /api/quote failed', e);
    return Response.json({ error: 'Could not price this use. Please try again.' }, { status: 500 });
  }
}
