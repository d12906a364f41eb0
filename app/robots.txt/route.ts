import { toJsonResponse } from '@/lib/errors';
import { currentRobotsTxt } from '@/lib/ai-terms';

// A route, not app/robots.ts: Next's robots helper has no `License:` line, and this reads the
// staff's crawler rules on every request.
export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    return new Response(currentRobotsTxt(), {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' },
    });
  } catch (e) {
    return toJsonResponse(e);
  }
}
