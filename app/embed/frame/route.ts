import type { NextRequest } from 'next/server';
import { frameDocument } from '@/lib/embed/render';
import { EMBED_CACHE_CONTROL, embedSummary, embedUrlParam } from '@/lib/embed/summary';
import { getSettings } from '@/lib/settings';

export const dynamic = 'force-dynamic';

// The iframe variant for hosts whose policy refuses third-party scripts. next.config.js lets
// any site frame this path (and only this one); the document itself runs no script at all.
const HEADERS = { 'Content-Type': 'text/html; charset=utf-8' };

export async function GET(req: NextRequest) {
  const url = embedUrlParam(req.nextUrl.searchParams);
  const publisher = getSettings().publisherName;
  if (!url) return new Response(frameDocument({ status: 'invalid' }, publisher), { status: 400, headers: HEADERS });
  return new Response(frameDocument(await embedSummary(url), publisher), {
    headers: { ...HEADERS, 'Cache-Control': EMBED_CACHE_CONTROL },
  });
}
