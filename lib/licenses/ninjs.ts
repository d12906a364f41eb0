/**
 * The ninjs 3.0 copy (IPTC's JSON news format, `format=ninjs`): what a licensee's CMS imports
 * without scraping HTML. One article is one `text` item; several are a `composite` item whose
 * associations are the articles. Rights ride on every item: `copyrightNotice`, `usageTerms`
 * (the licence in words, with the take-down duty), and `rightsInfo` linking the verification page
 * and carrying the signed facts (JWS).
 */
import { toHtml, plainText } from './body';
import type { CopyRights } from './copy-rights';
import type { PreparedArticle } from './copy';

export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '3.0',
  schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json',
} as const;

type Item = Record<string, unknown>;

function usageTerms(r: CopyRights): string {
  const until = r.validUntil ? `until ${r.validUntil.slice(0, 10)}` : 'without end date';
  return `Licensed to ${r.licensee} under licence ${r.code}: ${r.use}; ${r.portion}; ${r.territory}; ${r.duration}, from ${r.validFrom.slice(0, 10)} ${until}. ${r.creditText} ${r.takedownTerm} Verify: ${r.verifyUrl}`;
}

function rightsOf(r: CopyRights): Item {
  return {
    copyrightHolder: r.copyrightHolder.name,
    copyrightNotice: r.copyrightNotice,
    usageTerms: usageTerms(r),
    rightsInfo: [{ linkedRights: r.verifyUrl, encodedRights: r.jws }],
    altids: [{ role: 'licence', value: r.code }],
    infoSources: [{ name: r.copyrightHolder.name, uri: r.copyrightHolder.url, role: 'originator' }],
  };
}

function articleItem(a: PreparedArticle, r: CopyRights): Item {
  const html = a.rawBody ?? toHtml(a.body);
  const text = plainText(a.body);
  return {
    uri: a.canonicalUrl,
    type: 'text',
    pubStatus: 'usable',
    language: a.language,
    headline: a.title,
    ...(a.byline ? { byline: a.byline } : {}),
    ...(a.standfirst ? { descriptions: [{ role: 'summary', contentType: 'text/plain', value: a.standfirst }] } : {}),
    bodies: [
      {
        role: a.isExcerpt ? 'excerpt' : 'main',
        contentType: 'text/html',
        wordcount: text.split(/\s+/).filter(Boolean).length,
        value: html,
      },
    ],
    ...(a.correction ? { ednote: `Correction: ${a.correction}` } : {}),
    ...rightsOf(r),
    ...(a.images.length
      ? {
          associations: a.images.map((img, i) => ({
            name: `picture${i + 1}`,
            type: 'picture',
            uri: img.src,
            ...(img.caption ? { headline: img.caption } : {}),
            ...(img.credit ? { copyrightNotice: img.credit } : {}),
            renditions: [{ name: 'original', href: img.src }],
          })),
        }
      : {}),
  };
}

export function ninjsCopy(articles: PreparedArticle[], r: CopyRights): string {
  const item: Item =
    articles.length === 1
      ? { standard: NINJS_STANDARD, ...articleItem(articles[0], r) }
      : {
          standard: NINJS_STANDARD,
          uri: r.verifyUrl,
          type: 'composite',
          pubStatus: 'usable',
          headline: `Licensed copies under ${r.code}`,
          ...rightsOf(r),
          associations: articles.map((a, i) => ({ name: `article${i + 1}`, ...articleItem(a, r) })),
        };
  return `${JSON.stringify(item, null, 2)}\n`;
}

/**
 * One line of a catalogue licence's NDJSON export: the article as a `text` item, text only (no
 * associations — a catalogue licence covers no picture), with the credit line the licensee must show
 * and the canonical URL (`uri`) on every item, since each line travels alone.
 */
export function ninjsExportLine(a: PreparedArticle, r: CopyRights): string {
  // With no pictures the item has no associations.
  const item = articleItem({ ...a, images: [] }, r);
  const descriptions = [
    ...((item.descriptions as Item[] | undefined) ?? []),
    { role: 'credit', contentType: 'text/plain', value: r.creditText },
  ];
  return `${JSON.stringify({ standard: NINJS_STANDARD, ...item, descriptions, links: [{ rel: 'canonical', href: a.canonicalUrl }] })}\n`;
}
