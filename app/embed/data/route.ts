import type { NextRequest } from 'next/server';
import { boxWords } from '@/lib/embed/render';
import { EMBED_CACHE_CONTROL, embedSummary, embedUrlParam } from '@/lib/embed/summary';
import { getSettings } from '@/lib/settings';

export const dynamic = 'force-dynamic';

// Read by embed.js on other sites: any origin may read it, no credentials (no cookie is ever set).
const CORS = { 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };

/** The box's words for one article as JSON; href is a path on the desk. */
export async function GET(req: NextRequest) {
  const url = embedUrlParam(req.nextUrl.searchParams);
  if (!url)
    return Response.json(
      { error: 'Give the article’s address once, as ?url=https://…' },
      { status: 400, headers: CORS },
    );
  const summary = await embedSummary(url);
  const words = boxWords(summary, getSettings().publisherName);
  const href =
    summary.status === 'available'
      ? `/articles/${encodeURIComponent(summary.slug)}`
      : summary.status === 'unknown' && summary.ours
        ? `/r?url=${encodeURIComponent(summary.url)}`
        : null;
  return Response.json(
    { status: summary.status, ...words, href: words.action ? href : null },
    { headers: { ...CORS, 'Cache-Control': EMBED_CACHE_CONTROL } },
  );
}
