/**
 * What every licensed copy says about its own rights, in a form machines read
 * (docs/DESIGN.md § Licence and licensed copies): the HTML copy's JSON-LD and JWS, the Markdown
 * front matter, the text header, the ninjs item and the PDF's metadata are all written from this.
 */
import type { CreativeWork, NewsArticle, WithContext } from 'schema-dts';
import type { LicenseRow } from './queries';
import { DURATION_LABELS, PORTION_LABELS, territoryText, USE_LABELS } from './labels';
import { takedownTerm } from './terms';

export type CopyRights = {
  code: string;
  /** The public verification page: the `license` of every copy. */
  verifyUrl: string;
  /** GET it for the facts now, with their signature. */
  apiUrl: string;
  copyrightHolder: { name: string; url: string };
  copyrightNotice: string;
  creditText: string;
  licensee: string;
  use: string;
  territory: string;
  portion: string;
  duration: string;
  validFrom: string;
  validUntil: string | null;
  takedownHours: number;
  takedownTerm: string;
  /** Compact JWS of the licence's public facts at download time (lib/licenses/signed.ts). */
  jws: string;
};

export function copyRights(
  license: LicenseRow,
  site: string,
  signed: { jws: string; takedownHours: number; verifyUrl: string; apiUrl: string },
): CopyRights {
  const t = license.terms;
  return {
    code: license.code,
    verifyUrl: signed.verifyUrl,
    apiUrl: signed.apiUrl,
    copyrightHolder: { name: t.publisher.name, url: t.publisher.url },
    copyrightNotice: `© ${t.publisher.name}. Republished under licence ${license.code}.`,
    creditText: license.creditLine,
    licensee: t.licensee.name,
    use: USE_LABELS[t.use],
    territory: territoryText(t.territory, t.territoryDetail),
    portion: PORTION_LABELS[t.portion],
    duration: DURATION_LABELS[t.duration],
    validFrom: license.validFrom,
    validUntil: license.validUntil,
    takedownHours: signed.takedownHours,
    takedownTerm: takedownTerm(signed.takedownHours),
    jws: signed.jws,
  };
}

/** The licence as schema.org reads it: `usageInfo` of each copy (validity, use, territory). */
function usageInfo(r: CopyRights): CreativeWork {
  return {
    '@type': 'CreativeWork',
    name: `Licence ${r.code}`,
    identifier: r.code,
    url: r.verifyUrl,
    description: `${r.use}; ${r.portion}; ${r.territory}; ${r.duration}. ${r.takedownTerm}`,
    // ISO 8601 interval; an open end for a licence without end date.
    temporalCoverage: `${r.validFrom}/${r.validUntil ?? '..'}`,
    spatialCoverage: { '@type': 'Place', name: r.territory },
  };
}

/** JSON-LD for one licensed article in the HTML copy. */
export function copyJsonLd(
  r: CopyRights,
  a: { title: string; byline: string; canonicalUrl: string; language: string },
): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    ...(a.byline ? { author: { '@type': 'Person', name: a.byline } } : {}),
    inLanguage: a.language,
    isBasedOn: a.canonicalUrl,
    license: r.verifyUrl,
    copyrightHolder: { '@type': 'Organization', name: r.copyrightHolder.name, url: r.copyrightHolder.url },
    copyrightNotice: r.copyrightNotice,
    creditText: r.creditText,
    identifier: { '@type': 'PropertyValue', propertyID: 'licence', value: r.code },
    ...(r.validUntil ? { expires: r.validUntil } : {}),
    usageInfo: usageInfo(r),
  };
}

/** The same fields in order, with the key the Markdown front matter uses and the label the text header shows. */
export function rightsFields(r: CopyRights): { key: string; label: string; value: string }[] {
  const f = (key: string, label: string, value: string) => ({ key, label, value });
  return [
    f('licence', 'Licence', r.code),
    f('license_url', 'Licence and its state', r.verifyUrl),
    f('verification_api', 'Signed verification', r.apiUrl),
    f('copyright_holder', 'Copyright holder', r.copyrightHolder.name),
    f('copyright_notice', 'Copyright notice', r.copyrightNotice),
    f('credit_text', 'Credit', r.creditText),
    f('licensee', 'Licensee', r.licensee),
    f('use', 'Use', r.use),
    f('territory', 'Territory', r.territory),
    f('portion', 'Portion', r.portion),
    f('duration', 'Duration', r.duration),
    f('valid_from', 'Valid from', r.validFrom),
    f('valid_until', 'Valid until', r.validUntil ?? 'no end date'),
    f('takedown_hours', 'Take-down time (hours)', String(r.takedownHours)),
    f('takedown', 'Kill notices', r.takedownTerm),
  ];
}
