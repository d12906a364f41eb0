import { toJsonResponse } from '@/lib/errors';
import { currentTdmPolicy } from '@/lib/ai-terms';

export const dynamic = 'force-dynamic';

/** The TDM Policy (ODRL 2.2, TDMRep profile) that tdmrep.json and the article headers point to. */
export async function GET() {
  try {
    return Response.json(currentTdmPolicy(), {
      headers: {
        'Content-Type': 'application/ld+json',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-cache',
      },
    });
  } catch (e) {
    return toJsonResponse(e);
  }
}
