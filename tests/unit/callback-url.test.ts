import { describe, expect, it } from 'vitest';
import { redirectCallback, safeCallbackUrl } from '@/lib/auth/callback-url';

const SITE = 'http://desk.example:3000';

// Forms seen in open-redirect write-ups. Each must come back as '/' or a path on the site itself,
// whether the value arrives decoded once (as searchParams hand it over) or still encoded.
const BYPASSES = [
  '//other-host.example/x',
  '///other-host.example/x',
  '////other-host.example/x',
  '/\\other-host.example/x',
  '\\\\other-host.example/x',
  '\\/other-host.example/x',
  '/\t/other-host.example/x',
  '/\n/other-host.example/x',
  '/\r/other-host.example/x',
  '/ /other-host.example/x',
  '\t//other-host.example/x',
  ' //other-host.example/x',
  'https:other-host.example/x',
  'https:/other-host.example/x',
  'http://other-host.example/x',
  'https://other-host.example@desk.example/x',
  'http://desk.example:3000@other-host.example/x',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//%09/other-host.example',
  '/\u3002other-host.example',
  '//other-host.example%2f@desk.example',
  '/%5cother-host.example/x',
  '/%09/other-host.example/x',
  '/%0a/other-host.example/x',
  '/%0d/other-host.example/x',
  '/%2f%2fother-host.example/x',
  '/%252f%252fother-host.example/x',
  '/%5c%5cother-host.example/x',
  '%2f%2fother-host.example/x',
  // Dot segments that the parser folds into a path beginning with //.
  '/.//other-host.example/x',
  '/x/..//other-host.example/x',
  '/%2e//other-host.example/x',
];

function staysOnSite(result: string) {
  expect(result.startsWith('/')).toBe(true);
  expect(result.startsWith('//')).toBe(false);
  expect(result.startsWith('/\\')).toBe(false);
  expect(new URL(result, SITE).origin).toBe(SITE);
  // What a browser does with it: its own parser, relative to the page.
  expect(new URL(result, 'https://desk.example/login').host).toBe('desk.example');
}

describe('safeCallbackUrl', () => {
  it.each(BYPASSES)('keeps %j on the site', (raw) => {
    for (const value of [raw, decodeURIComponent(safeDecode(raw)), encodeURIComponent(raw)]) {
      const result = safeCallbackUrl(value, SITE);
      staysOnSite(result);
    }
  });

  it('turns the sign-in tab payload into the home page', () => {
    expect(safeCallbackUrl('/\t/other-host.example/x', SITE)).toBe('/');
    expect(safeCallbackUrl('/\n/other-host.example/x', SITE)).toBe('/');
    expect(safeCallbackUrl('//other-host.example/x', SITE)).toBe('/');
    expect(safeCallbackUrl('javascript:alert(1)', SITE)).toBe('/');
  });

  it('keeps ordinary paths with their query and fragment', () => {
    expect(safeCallbackUrl('/republish?article=harbour-pilots#form', SITE)).toBe(
      '/republish?article=harbour-pilots#form',
    );
    expect(safeCallbackUrl('/account/requests', SITE)).toBe('/account/requests');
    expect(safeCallbackUrl(`${SITE}/admin`, SITE)).toBe('/admin');
    expect(safeCallbackUrl('', SITE)).toBe('/');
    expect(safeCallbackUrl(undefined, SITE)).toBe('/');
    expect(safeCallbackUrl(null, SITE)).toBe('/');
  });
});

describe("next-auth's redirect callback", () => {
  it('answers the site for a foreign target and keeps same-site ones', async () => {
    const baseUrl = SITE;
    expect(await redirectCallback({ url: '/\t/other-host.example/x', baseUrl })).toBe(`${SITE}/`);
    expect(await redirectCallback({ url: 'http://other-host.example/x', baseUrl })).toBe(`${SITE}/`);
    expect(await redirectCallback({ url: '/account', baseUrl })).toBe(`${SITE}/account`);
    expect(await redirectCallback({ url: `${SITE}/admin?x=1`, baseUrl })).toBe(`${SITE}/admin?x=1`);
  });
});

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
