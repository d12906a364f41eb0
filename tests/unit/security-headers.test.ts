import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { NextResponse } from 'next/server';
import {
  API_POLICY,
  inlineScriptHashes,
  pagePolicyWithHashes,
  pagePolicyWithNonce,
  strictTransportSecurity,
} from '@/lib/security/csp';
import { withHashPolicy } from '@/lib/security/csp-cache-handler';
import { withTransportSecurity } from '@/lib/security/headers';

const scriptSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src '))!;
const sha256 = (text: string) => `sha256-${crypto.createHash('sha256').update(text).digest('base64')}`;

describe('Content-Security-Policy', () => {
  it('never allows inline scripts wholesale, on any kind of answer', () => {
    for (const policy of [pagePolicyWithNonce('abc'), pagePolicyWithHashes([sha256('x')]), API_POLICY]) {
      expect(scriptSrc(policy)).not.toContain("'unsafe-inline'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("base-uri 'self'");
    }
  });

  it('names the request nonce on a page rendered per request', () => {
    expect(scriptSrc(pagePolicyWithNonce('bm9uY2U='))).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
  });

  it('hashes each inline script of a cached page as the browser does, not the bundles it loads', () => {
    const payload = 'self.__next_f.push([1,"0:{\\u003c/script\\u003e}"])';
    const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script><script>(self.__next_f=self.__next_f||[]).push([0])</script></head><body><script nonce="">${payload}</script><script>${payload}</script><SCRIPT type="text/javascript">
a()</SCRIPT ></body></html>`;
    const hashes = inlineScriptHashes(html);
    expect(hashes).toEqual([sha256('(self.__next_f=self.__next_f||[]).push([0])'), sha256(payload), sha256('\na()')]);
    expect(scriptSrc(pagePolicyWithHashes(hashes))).toBe(`script-src 'self' ${hashes.map((h) => `'${h}'`).join(' ')}`);
  });

  it('the page cache stores the hash policy with each page it keeps, and leaves other entries alone', () => {
    const page = { kind: 'APP_PAGE', html: '<script>go()</script>', headers: { 'x-next-cache-tags': 't' } };
    withHashPolicy(page, true);
    expect(page.headers).toEqual({
      'x-next-cache-tags': 't',
      'content-security-policy': pagePolicyWithHashes([sha256('go()')]),
    });
    const stored = {
      kind: 'APP_PAGE',
      html: '<script>other()</script>',
      headers: { 'content-security-policy': 'kept' },
    };
    withHashPolicy(stored, false);
    expect(stored.headers['content-security-policy']).toBe('kept');
    const route = { kind: 'APP_ROUTE', body: Buffer.from(''), headers: {} };
    withHashPolicy(route, true);
    expect(route.headers).toEqual({});
  });
});

describe('Strict-Transport-Security', () => {
  const saved = process.env.NEXTAUTH_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
  });

  it('is sent only when the site address is https', () => {
    expect(strictTransportSecurity('https://desk.example')).toBe('max-age=63072000; includeSubDomains');
    expect(strictTransportSecurity('http://127.0.0.1:3000')).toBeNull();
  });

  it('follows the site address the server runs with', () => {
    process.env.NEXTAUTH_URL = 'https://desk.example/';
    expect(withTransportSecurity(NextResponse.next()).headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    expect(withTransportSecurity(NextResponse.next()).headers.get('strict-transport-security')).toBeNull();
  });
});
