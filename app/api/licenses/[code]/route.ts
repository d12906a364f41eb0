import { notFound, toJsonResponse } from '@/lib/errors';
import { signedVerification } from '@/lib/licenses/signed';

export const dynamic = 'force-dynamic';

/**
 * Public, like the verification page /licenses/[code]: the licence's public facts (no fee, no
 * people) and a compact JWS of the same facts, verifiable against /.well-known/jwks.json.
 * Anyone holding the code may ask; the code is the secret (60 random bits).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const found = await signedVerification((await params).code);
    if (!found) throw notFound('No licence with this code.');
    return Response.json(found, {
      headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
    });
  } catch (e) {
    return toJsonResponse(e);
  }
}
