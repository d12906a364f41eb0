import { NextResponse, type NextRequest } from 'next/server';
import { visitorPath } from '@/lib/catalogue/visitor-paths';

const SIGNED_IN_ONLY = ['/account', '/admin', '/republish'];

/**
 * Routing only, never authorization (every page, action and route handler checks for itself,
 * lib/auth/session.ts): visitors without a session cookie are sent to sign in from the signed-in
 * areas, and their catalogue and article pages are answered from the shared cached copies.
 * The /visitor addresses also answer directly; they show only what any visitor may see.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const hasSession =
    request.cookies.has('next-auth.session-token') || request.cookies.has('__Secure-next-auth.session-token');
  if (!hasSession && SIGNED_IN_ONLY.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL('/login', request.url);
    url.searchParams.set('callbackUrl', pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  if (!hasSession && (request.method === 'GET' || request.method === 'HEAD')) {
    const cached = visitorPath(pathname, searchParams);
    if (cached) return NextResponse.rewrite(new URL(cached, request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/account/:path*', '/admin/:path*', '/republish', '/articles', '/articles/:slug'],
};
