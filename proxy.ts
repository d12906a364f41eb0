import { NextResponse, type NextRequest } from 'next/server';
import { VISITOR_PREFIX, visitorPath } from '@/lib/catalogue/visitor-paths';
import { nextWithNonce, withTransportSecurity } from '@/lib/security/headers';

const SIGNED_IN_ONLY = ['/account', '/admin', '/republish'];
/** Route handlers outside /api: next.config.js gives them their own policy (the frame may be framed anywhere). */
const OWN_POLICY = new Set([
  '/embed/frame',
  '/embed/data',
  '/embed.js',
  '/badge.svg',
  '/.well-known/jwks.json',
  // What the desk tells machines (lib/ai-terms): plain files, no page.
  '/robots.txt',
  '/sitemap.xml',
  '/license.xml',
  '/.well-known/tdmrep.json',
  '/policies/tdm.json',
]);

/**
 * Routing only, never authorization (every page, action and route handler checks for itself,
 * lib/auth/session.ts): visitors without a session cookie are sent to sign in from the signed-in
 * areas, and their catalogue and article pages are answered from the shared cached copies.
 * The /visitor addresses also answer directly; they show only what any visitor may see.
 * Every other page is rendered per request and gets a CSP nonce (lib/security/headers.ts); the
 * cached pages get their policy from the page cache (lib/security/csp-cache-handler.js).
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const hasSession =
    request.cookies.has('next-auth.session-token') || request.cookies.has('__Secure-next-auth.session-token');
  if (!hasSession && SIGNED_IN_ONLY.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL('/login', request.url);
    url.searchParams.set('callbackUrl', pathname + request.nextUrl.search);
    return withTransportSecurity(NextResponse.redirect(url));
  }
  if (!hasSession && (request.method === 'GET' || request.method === 'HEAD')) {
    const cached = visitorPath(pathname, searchParams);
    if (cached) return withTransportSecurity(NextResponse.rewrite(new URL(cached, request.url)));
  }
  if (OWN_POLICY.has(pathname)) return withTransportSecurity(NextResponse.next());
  if (pathname === VISITOR_PREFIX || pathname.startsWith(`${VISITOR_PREFIX}/`))
    return withTransportSecurity(NextResponse.next());
  return nextWithNonce(request);
}

export const config = {
  // Every page (each needs its CSP); not the API (next.config.js gives it its policy), built assets
  // or public files.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico|demo/).*)'],
};
