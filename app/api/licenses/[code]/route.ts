import { notFound, toJsonResponse } from '@/lib/errors';
import { signedVerification } from '@/lib/licenses/signed';

export const dynamic = 'force-dynamic';

/**
 * Public, like the verification page /licenses/[code]: the licence's public facts (no fee, no
 * people) and a compact JWS of the same facts, verifiable against /.well-known/jwks.json.
 * Anyone holding the code may ask; the code is the secret (60 random bits).
 */
// Any origin reads the answer, a refusal too: a script on a licensee's page may check a code.
const PUBLIC = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const found = await signedVerification((await params).code);
    if (!found) throw notFound('No licence with this code.');
    return Response.json(found, { headers: PUBLIC });
  } catch (e) {
    const res = toJsonResponse(e);
    for (const [k, v] of Object.entries(PUBLIC)) res.headers.set(k, v);
    return res;
  }
}
