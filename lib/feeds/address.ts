import ipaddr from 'ipaddr.js';

/*
 * Which addresses the feed poller may connect to. A feed URL is typed by staff, so without this
 * the desk could be made to read its own loopback services, the cloud metadata endpoint
 * (169.254.169.254) or machines on the private network, and show what came back in the run log.
 * Only global unicast addresses pass; ipaddr.js holds the registry of special ranges.
 */

/** Why an address is refused ("loopback", "private", …), or null when it is a public address. */
export function refusedAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // [::1], fe80::1%eth0
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  // IPv4-mapped IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1) reaches the IPv4 address: judge that one.
  const ip = ipaddr.process(bare);
  if (ip.kind() === 'ipv6') {
    const parts = (ip as ipaddr.IPv6).parts;
    // IPv4-compatible ::a.b.c.d (deprecated, ::/96): refused whole, ipaddr.js calls it unicast.
    if (parts.slice(0, 6).every((p) => p === 0))
      return parts[6] === 0 && parts[7] <= 1 ? (parts[7] ? 'loopback' : 'unspecified') : 'IPv4-compatible';
  }
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

export const isPublicAddress = (address: string): boolean => refusedAddress(address) === null;
