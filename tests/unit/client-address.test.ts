import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';
// The server's own (CommonJS) rule, as scripts/server.js applies it.
import { applyClientAddress, clientAddress as fromSocket, parseTrustProxy } from '../../scripts/lib/client-address';

describe('the server decides the client address', () => {
  it('without TRUST_PROXY: the socket, whatever X-Forwarded-For says', () => {
    expect(fromSocket('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7');
    expect(fromSocket('::ffff:203.0.113.7', undefined, 0)).toBe('203.0.113.7');
    expect(fromSocket('2001:db8::1', '1.2.3.4, 5.6.7.8', 0)).toBe('2001:db8::1');
  });

  it('with N trusted hops: the Nth address from the right, never what the client wrote further left', () => {
    // nginx appending ($proxy_add_x_forwarded_for) after a spoofed value.
    expect(fromSocket('127.0.0.1', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(fromSocket('127.0.0.1', '203.0.113.7', 1)).toBe('203.0.113.7');
    expect(fromSocket('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1', 2)).toBe('203.0.113.7');
    // Fewer entries than hops: the leftmost there is.
    expect(fromSocket('127.0.0.1', undefined, 3)).toBe('127.0.0.1');
  });

  it('reads TRUST_PROXY as a small whole number, else 0', () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('true')).toBe(0);
    expect(parseTrustProxy('-1')).toBe(0);
  });

  it('overwrites the forwarding headers a client sent', () => {
    const req = {
      socket: { remoteAddress: '203.0.113.7' },
      headers: {
        'x-forwarded-for': '1.2.3.4',
        'x-forwarded-host': 'evil.example',
        'x-real-ip': '1.2.3.4',
        host: 'desk.example',
      } as Record<string, string>,
    };
    applyClientAddress(req, 0);
    expect(req.headers).toEqual({ 'x-forwarded-for': '203.0.113.7', host: 'desk.example' });
  });
});

describe('clientAddress (what the limiters use)', () => {
  afterEach(() => {
    delete process.env.DESK_CLIENT_ADDRESS;
  });

  it('believes X-Forwarded-For only when scripts/server.js wrote it', () => {
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4' })).toBe('unknown');
    process.env.DESK_CLIENT_ADDRESS = 'server';
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4, 5.6.7.8' })).toBe('unknown');
  });
});
