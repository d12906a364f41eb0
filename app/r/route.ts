import type { NextRequest } from 'next/server';
import { escapeMarkup } from '@/lib/embed/render';
import { resolveLink } from '@/lib/catalogue/link';

export const dynamic = 'force-dynamic';

/**
 * The publisher's stable link: /r?url=<canonical URL>. Known article → its page (options ride
 * along); unknown → /r/unlisted, which says "being added" or "not one of ours". Every redirect
 * is to a path on this site built here, never to the address given.
 */
export async function GET(req: NextRequest) {
  const outcome = await resolveLink(req.nextUrl.searchParams);
  switch (outcome.kind) {
    case 'article':
      return redirect(outcome.location);
    case 'ours-unlisted':
    case 'not-ours':
      return redirect(`/r/unlisted?url=${encodeURIComponent(outcome.canonical.url)}`);
    case 'invalid':
      return badRequest(outcome.reason);
  }
}

// A relative Location: the browser resolves it against this site, whatever Host header came in.
const redirect = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

/** A small page of its own: the site's layouts belong to pages, and this answer must be a 400. */
function badRequest(reason: string): Response {
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Link not valid · Republish Desk</title>
<style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24;line-height:1.5;margin:0}main{max-width:40rem;margin:3rem auto;padding:0 1rem}a{color:#0b5cad}</style></head>
<body><main><h1>This link is not valid</h1><p>${escapeMarkup(reason)}</p>
<p>A link to an article on the desk looks like <code>/r?url=https://…the article’s address…</code>.</p>
<p><a href="/articles">Browse the articles</a></p></main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
