import { NextResponse, type NextRequest } from 'next/server';

// Optimistic only: sends visitors without a session cookie to sign in. Every page, action and
// route handler still authorizes itself (lib/auth/session.ts).
export function proxy(request: NextRequest) {
  const hasSession =
    request.cookies.has('next-auth.session-token') || request.cookies.has('__Secure-next-auth.session-token');
  if (!hasSession) {
    const url = new URL('/login', request.url);
    url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ['/account/:path*', '/admin/:path*', '/republish'] };
