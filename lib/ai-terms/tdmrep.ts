import type { AiSectionPolicy } from '@/db/enums';
import { catalogueFormUrl, tdmPolicyUrl } from './urls';
import type { ContentPattern } from './sections';

/*
 * TDMRep (W3C TDM Reservation Protocol, Final Community Group Report 2024-05-10,
 * https://www.w3.org/2022/tdmrep/). Followed:
 * - /.well-known/tdmrep.json: a JSON array of { "location", "tdm-reservation", "tdm-policy" },
 *   location a path pattern on this origin (RFC 9309 matching, `*` and `$`), tdm-reservation 1
 *   (rights reserved) or 0, tdm-policy the absolute URL of an ODRL policy (only with 1);
 * - the same two values as HTTP response headers `tdm-reservation` / `tdm-policy`;
 * - the TDM Policy: an ODRL 2.2 Offer in JSON-LD with the TDMRep profile
 *   (`profile: http://www.w3.org/ns/tdmrep`, `tdm:` prefix for http://www.w3.org/ns/tdmrep#), a `uid`,
 *   an `assigner` described with vCard (fn, hasEmail, hasURL), and a permission to `tdm:mine` a
 *   `target` collection with duties `obtainConsent` and `compensate` (the spec's licensed example).
 * The spec's research-only example puts a `purpose` constraint on the permission; the desk has no
 * free research tier (academic use is priced), so its permission has no constraint.
 */
export const TDM_PROFILE = 'http://www.w3.org/ns/tdmrep';

export type TdmEntry = { location: string; 'tdm-reservation': 0 | 1; 'tdm-policy'?: string };

const reserved = (policy: AiSectionPolicy) => policy !== 'allow';

/** A path pattern on the site it belongs to (RFC 9309: paths only), from an absolute URL pattern. */
const pathOf = (pattern: string) => pattern.replace(/^https?:\/\/[^/]+/i, '') || '/*';

/**
 * Entries for the publisher's article folders (for a publisher that serves this file from its own
 * site, where those paths are) and for the desk's own article pages. Licensed and reserved
 * sections are both "reserved" in TDMRep terms: mining needs a licence (the policy says how to get
 * one) or is not offered at all.
 */
export function tdmrepJson(site: string, patterns: ContentPattern[], deskPolicy: AiSectionPolicy): TdmEntry[] {
  const entry = (location: string, policy: AiSectionPolicy): TdmEntry =>
    reserved(policy)
      ? { location, 'tdm-reservation': 1, 'tdm-policy': tdmPolicyUrl(site) }
      : { location, 'tdm-reservation': 0 };
  return [...patterns.map((p) => entry(pathOf(p.pattern), p.policy)), entry('/articles/*', deskPolicy)];
}

/** The headers an article page of a section with this policy sends. */
export function tdmHeaders(site: string, policy: AiSectionPolicy): Record<string, string> {
  return reserved(policy) ? { 'tdm-reservation': '1', 'tdm-policy': tdmPolicyUrl(site) } : { 'tdm-reservation': '0' };
}

export type TdmPolicyInput = { site: string; publisherName: string; publisherUrl: string; deskEmail: string };

/** The ODRL policy at /policies/tdm.json. */
export function tdmPolicy({ site, publisherName, publisherUrl, deskEmail }: TdmPolicyInput) {
  return {
    '@context': [
      'http://www.w3.org/ns/odrl.jsonld',
      { tdm: 'http://www.w3.org/ns/tdmrep#', vcard: 'http://www.w3.org/2006/vcard/ns#' },
    ],
    '@type': 'Offer',
    profile: TDM_PROFILE,
    uid: tdmPolicyUrl(site),
    assigner: {
      uid: publisherUrl,
      '@type': ['Party', 'vcard:Organization'],
      'vcard:fn': publisherName,
      'vcard:hasEmail': `mailto:${deskEmail}`,
      'vcard:hasURL': catalogueFormUrl(site),
    },
    permission: [
      {
        target: `${site}/articles/`,
        action: 'tdm:mine',
        duty: [{ action: 'obtainConsent' }, { action: 'compensate' }],
      },
    ],
  };
}
