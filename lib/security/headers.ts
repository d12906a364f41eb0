import { NextResponse, type NextRequest } from 'next/server';
import { siteUrl } from '@/lib/site';
import { pagePolicyWithNonce, strictTransportSecurity } from './csp';

/**
 * The response for a page Next renders for this request, with a fresh CSP nonce: Next reads the
 * nonce from the request's Content-Security-Policy header and puts it on every script it writes
 * (framework bundles and the inline RSC payload). `x-nonce` is for a page that adds a script.
 */
export function nextWithNonce(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = pagePolicyWithNonce(nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return withTransportSecurity(response);
}

/** Strict-Transport-Security when the desk's address is https (read per request: set at deploy, not at build). */
export function withTransportSecurity<T extends Response>(response: T): T {
  const hsts = strictTransportSecurity(siteUrl());
  if (hsts) response.headers.set('strict-transport-security', hsts);
  return response;
}
