import { toJsonResponse } from '@/lib/errors';
import { currentLicenseXml } from '@/lib/ai-terms';
import { RSL_MEDIA_TYPE } from '@/lib/ai-terms/license-xml';

// Built from the rate card and settings on every request: a new rate shows at once.
export const dynamic = 'force-dynamic';

/** The desk's AI licence terms in RSL 1.0 (docs/DESIGN.md § AI and catalogue licences). Public. */
export async function GET() {
  try {
    return new Response(currentLicenseXml(), {
      headers: {
        'Content-Type': `${RSL_MEDIA_TYPE}; charset=utf-8`,
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-cache',
      },
    });
  } catch (e) {
    return toJsonResponse(e);
  }
}
