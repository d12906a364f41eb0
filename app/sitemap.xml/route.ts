import { toJsonResponse } from '@/lib/errors';
import { sitemapXml } from '@/lib/ai-terms/sitemap';

export const dynamic = 'force-dynamic';

/** The sitemap robots.txt names (a route: it reads the catalogue as it is now). */
export async function GET() {
  try {
    return new Response(sitemapXml(), {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    });
  } catch (e) {
    return toJsonResponse(e);
  }
}
