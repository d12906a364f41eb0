/**
 * One article, many addresses: a publisher's CMS, newsletters and social posts decorate the
 * canonical URL (www., a trailing slash, a fragment, utm_* and click identifiers). The key below is
 * what stays the same across all of them, so `/r?url=…`, the embed and the badge find the article
 * whichever form they are given. Pure: no database, safe anywhere.
 *
 * The importer keeps matching on the stored canonical URL as given (its idempotency does not
 * change); the key is only for finding an article from outside.
 */

/** Longer than any real article address; refusing early keeps hostile input cheap. */
export const MAX_URL_LENGTH = 2048;

/** Query parameters that say where a click came from, never which article it is. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'source',
  'cmpid',
  'ocid',
  'ito',
  's_cid',
  'sr_share',
  'srsltid',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'share',
  'smid',
  'cid',
  'spm',
  'ncid',
  'guccounter',
]);

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || n.startsWith('mtm_') || TRACKING_PARAMS.has(n);
}

export type CanonicalUrl = {
  /** Host (lower case, no www.) + path (no trailing slash) + the remaining query, sorted. No scheme. */
  key: string;
  /** The same address as a clean https URL, for display and for staff. */
  url: string;
  /** Host without www., for the publisher-domain check. */
  host: string;
};

/**
 * The canonical form of an absolute http(s) URL, or null for anything else (javascript:, data:,
 * relative paths, credentials in the URL, over-long input).
 */
export function normaliseCanonicalUrl(raw: string): CanonicalUrl | null {
  const input = raw.trim();
  if (!input || input.length > MAX_URL_LENGTH) return null;
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // user:pass@host is a classic way to make a link look like someone else's site.
  if (u.username || u.password) return null;
  const host = u.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (!host) return null;
  const port = u.port ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  const kept = [...u.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  const key = `${host}${port}${path}${query}`;
  return { key, url: `https://${host}${port}${path || '/'}${query}`, host };
}

/** The key alone, or null when the URL is not an absolute http(s) address. */
export function canonicalKey(raw: string): string | null {
  return normaliseCanonicalUrl(raw)?.key ?? null;
}

/** A bare host name from a setting ("www.Example.com", "https://example.com/"), or null. */
export function domainOf(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  const parsed = normaliseCanonicalUrl(/^https?:\/\//.test(v) ? v : `https://${v}`);
  return parsed ? parsed.host : null;
}

/** True when the host is one of the domains or a subdomain of one ("news.example.com" under "example.com"). */
export function isOnDomains(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
