import { toJsonResponse } from '@/lib/errors';
import { currentTdmrep } from '@/lib/ai-terms';

export const dynamic = 'force-dynamic';

/** TDMRep's well-known file: which article paths reserve text and data mining, and the policy. */
export async function GET() {
  try {
    return Response.json(currentTdmrep(), {
      headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' },
    });
  } catch (e) {
    return toJsonResponse(e);
  }
}
