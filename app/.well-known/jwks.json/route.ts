import { toJsonResponse } from '@/lib/errors';
import { publishedKeys } from '@/lib/licenses/signing-keys';

export const dynamic = 'force-dynamic';

/**
 * The desk's public signing keys (RFC 7517): the key in use and the retired ones whose signatures
 * have not expired (lib/licenses/signing-keys.ts). Public by design, readable from any origin;
 * cached briefly so a rotation reaches verifiers within the hour.
 */
export async function GET() {
  try {
    return Response.json(publishedKeys(), {
      headers: {
        'Content-Type': 'application/jwk-set+json',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=3600',
      },
    });
  } catch (e) {
    return toJsonResponse(e);
  }
}
