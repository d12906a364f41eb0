import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusedAddress } from '@/lib/feeds/address';

// The feed poller's refusal list (lib/feeds/address.ts): only public unicast addresses are fetched.

const REFUSED: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.0.1', 'private'],
  ['192.168.255.255', 'private'],
  ['169.254.169.254', 'linkLocal'], // cloud metadata
  ['169.254.0.1', 'linkLocal'],
  ['0.0.0.0', 'unspecified'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456:789a::1', 'uniqueLocal'],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'uniqueLocal'],
  ['fe80::1', 'linkLocal'],
  ['fe80::1%eth0', 'linkLocal'],
  // IPv4-mapped forms are judged as the IPv4 address they reach.
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['0:0:0:0:0:ffff:7f00:0001', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:ac10:1', 'private'], // 172.16.0.1
  ['::ffff:c0a8:101', 'private'], // 192.168.1.1
  ['::ffff:a9fe:a9fe', 'linkLocal'], // 169.254.169.254
  ['::127.0.0.1', 'loopback'], // IPv4-compatible (deprecated) form
  ['::ffff:0:127.0.0.1', 'rfc6145'],
  ['not-an-address', 'not an IP address'],
];

const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.15.255.255',
  '172.32.0.1',
  '192.169.0.1',
  '11.0.0.1',
  '169.253.255.255',
  '2606:4700:4700::1111',
  '2a00:1450:4009:81f::200e',
  '::ffff:8.8.8.8',
];

describe('feed address refusal list', () => {
  it.each(REFUSED)('refuses %s (%s)', (address, why) => {
    expect(refusedAddress(address)).toBe(why);
  });

  it.each(ALLOWED)('allows the public address %s', (address) => {
    expect(refusedAddress(address)).toBeNull();
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const inRange = (first: number[], second: fc.Arbitrary<number> = octet) =>
    fc.tuple(fc.constantFrom(...first), second, octet, octet).map((p) => p.join('.'));
  const privateV4 = fc.oneof(
    inRange([127]),
    inRange([10]),
    inRange([172], fc.integer({ min: 16, max: 31 })),
    inRange([192], fc.constant(168)),
    inRange([169], fc.constant(254)),
  );
  const hex = (v4: string) => {
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  };

  it('refuses every address of the private IPv4 ranges, in every IPv4-mapped spelling', () => {
    fc.assert(
      fc.property(privateV4, (v4) => {
        for (const form of [v4, `::ffff:${v4}`, `::FFFF:${hex(v4)}`, `0:0:0:0:0:ffff:${hex(v4)}`])
          expect(refusedAddress(form), form).not.toBeNull();
      }),
    );
  });

  it('judges an IPv4-mapped address exactly as its IPv4 address', () => {
    fc.assert(
      fc.property(
        fc.tuple(octet, octet, octet, octet).map((p) => p.join('.')),
        (v4) => {
          expect(refusedAddress(`::ffff:${v4}`)).toBe(refusedAddress(v4));
        },
      ),
    );
  });

  it('refuses every unique-local (fc00::/7) and link-local (fe80::/10) IPv6 address', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(
        fc.integer({ min: 0xfc00, max: 0xfdff }),
        fc.integer({ min: 0xfe80, max: 0xfebf }),
        fc.array(group, { minLength: 7, maxLength: 7 }),
        (ula, ll, rest) => {
          expect(refusedAddress([ula.toString(16), ...rest].join(':'))).toBe('uniqueLocal');
          expect(refusedAddress([ll.toString(16), ...rest].join(':'))).toBe('linkLocal');
        },
      ),
    );
  });
});
