import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { AI_USES } from '@/db/enums';
import type { RateCard } from '@/lib/quote';
import { rateInMajorUnits } from './amounts';
import type { ContentPattern } from './sections';
import { catalogueFormUrl } from './urls';

/*
 * /license.xml in RSL 1.0 (Really Simple Licensing, RSL-SPEC-1.0, https://rslstandard.org/rsl,
 * published 2025-11-06; namespace https://rslstandard.org/rsl, media type application/rsl+xml).
 * Followed: the root <rsl xmlns>; one <content url> per distinct set of assets (a URL or a path
 * with RFC 9309 wildcards), holding <license> elements with <permits type="usage"> /
 * <prohibits type="usage"> (comma-separated: ai-train, ai-input, ai-index, search — RSL's usage
 * names, which the desk's AI uses already are), <payment type> with <custom> (where the licence
 * is acquired) and <amount currency> (ISO 4217, major units), <legal type>; and, beside the
 * licences, <copyright type contactEmail contactUrl> and <terms>.
 * RSL has no element for volume tiers: they travel in the desk's own namespace inside <payment>
 * (XML namespaces are the standard's way to extend it; a reader that does not know it skips it).
 */
export const RSL_NAMESPACE = 'https://rslstandard.org/rsl';
export const RSL_MEDIA_TYPE = 'application/rsl+xml';
/** The desk's extension: catalogue tiers. Not dereferenced by anyone; it only names the elements. */
export const DESK_NAMESPACE = 'https://rslstandard.org/rsl/ext/republish-desk/catalogue';

export type LicenseXmlInput = {
  /** The desk's base URL (no trailing slash). */
  site: string;
  publisherName: string;
  deskEmail: string;
  card: RateCard;
  /** The publisher's article URL patterns and their policies (sections.ts). */
  patterns: ContentPattern[];
  /** The policy of the desk's own article pages (`<site>/articles/*`). */
  deskPolicy: ContentPattern['policy'];
};

const AI_LIST = AI_USES.join(',');

function addLicenses(content: XMLBuilder, input: LicenseXmlInput, policy: ContentPattern['policy']): void {
  const { card, site } = input;
  if (policy === 'allow') {
    const l = content.ele('license');
    l.ele('permits', { type: 'usage' }).txt(`${AI_LIST},search`);
    l.ele('payment', { type: 'free' });
    return;
  }
  if (policy === 'reserve') {
    // TDMRep's "reserved": not for mining at any price; search engines may still index the pages.
    const l = content.ele('license');
    l.ele('permits', { type: 'usage' }).txt('search');
    l.ele('prohibits', { type: 'usage' }).txt(AI_LIST);
    l.ele('payment', { type: 'free' });
    return;
  }
  for (const use of AI_USES) {
    const l = content.ele('license');
    l.ele('permits', { type: 'usage' }).txt(use);
    // A catalogue licence is bought once for its term (one year by default) through the desk's form.
    const payment = l.ele('payment', { type: 'purchase' });
    payment.ele('custom').txt(catalogueFormUrl(site, use));
    // The per-article rate: the use's base fee × the AI-developer licensee factor (rate card).
    payment
      .ele('amount', { currency: card.currency })
      .txt(rateInMajorUnits(card.baseFee[use], [card.licenseeType.ai_developer]));
    const tiers = payment.ele(DESK_NAMESPACE, 'desk:tiers', {
      unit: 'article',
      staffQuoteAbove: rateInMajorUnits(card.catalogue.staffQuoteAbove, []),
    });
    let from = 1;
    for (const t of card.catalogue.tiers) {
      tiers.ele(DESK_NAMESPACE, 'desk:tier', {
        from: String(from),
        ...(t.upTo === null ? {} : { to: String(t.upTo) }),
        currency: card.currency,
        amount: rateInMajorUnits(card.baseFee[use], [card.licenseeType.ai_developer, t.milli]),
      });
      if (t.upTo !== null) from = t.upTo + 1;
    }
    l.ele('legal', { type: 'warranty' }).txt('ownership,authority');
  }
  // Search engines index the pages freely; only AI uses are licensed.
  const s = content.ele('license');
  s.ele('permits', { type: 'usage' }).txt('search');
  s.ele('payment', { type: 'free' });
}

function addContent(root: XMLBuilder, url: string, policy: ContentPattern['policy'], input: LicenseXmlInput): void {
  const content = root.ele('content', { url });
  addLicenses(content, input, policy);
  content
    .ele('copyright', {
      type: 'organization',
      contactEmail: input.deskEmail,
      contactUrl: catalogueFormUrl(input.site),
    })
    .txt(input.publisherName);
  content.ele('terms').txt(catalogueFormUrl(input.site));
}

/** The RSL document, built from the current rate card and AI settings (never stored, never stale). */
export function licenseXml(input: LicenseXmlInput): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(RSL_NAMESPACE, 'rsl').att('xmlns:desk', DESK_NAMESPACE);
  for (const p of input.patterns) addContent(root, p.pattern, p.policy, input);
  addContent(root, `${input.site}/articles/*`, input.deskPolicy, input);
  return doc.end({ prettyPrint: true });
}
