import { notFound } from 'next/navigation';

// Addresses no route matches. Next would answer them with its 404 prerendered at build time,
// whose inline scripts cannot carry the per-request CSP nonce proxy.ts sends (lib/security/csp.js);
// rendering the same root not-found here, per request, lets them.
export const dynamic = 'force-dynamic';

export default function Missing(): never {
  notFound();
}
