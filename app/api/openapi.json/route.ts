import { openApiDocument } from '@/lib/api/openapi';
import { siteUrl } from '@/lib/site';

// Public: the API's description, built from the same zod schemas as its answers.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(openApiDocument(siteUrl()), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
