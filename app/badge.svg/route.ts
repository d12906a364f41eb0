import type { NextRequest } from 'next/server';
import { badgeSvg } from '@/lib/embed/render';
import { EMBED_CACHE_CONTROL, embedSummary, embedUrlParam } from '@/lib/embed/summary';

export const dynamic = 'force-dynamic';

const HEADERS = { 'Content-Type': 'image/svg+xml; charset=utf-8' };

/** The no-JavaScript fallback: an image with the starting price, inside a plain link to the desk. */
export async function GET(req: NextRequest) {
  const url = embedUrlParam(req.nextUrl.searchParams);
  if (!url) return new Response(badgeSvg({ status: 'invalid' }), { status: 400, headers: HEADERS });
  return new Response(badgeSvg(await embedSummary(url)), {
    headers: { ...HEADERS, 'Cache-Control': EMBED_CACHE_CONTROL },
  });
}
