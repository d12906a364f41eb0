import type { ImageObject, NewsArticle, Organization, WithContext } from 'schema-dts';
import type { ArticleDetail } from './queries';
import { agencyNamedIn } from './agencies';

type Publisher = { publisherName: string; publisherUrl: string; agencies: string[] };

/** An absolute http(s) URL for a stored asset URL (site-relative ones live on this desk), or null. */
function absolute(url: string, site: string): string | null {
  try {
    const u = new URL(url, `${site}/`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

const org = (name: string, url?: string): Organization => ({ '@type': 'Organization', name, ...(url ? { url } : {}) });

/**
 * The article page's rights for machines (schema.org NewsArticle, Google's licensable-image
 * fields): who holds the copyright, how to credit it and where to license it. A picture carries
 * `license` and `acquireLicensePage` only when this desk can license it; an agency's picture names
 * the agency as its holder and carries no licence of ours, nor does any other third party's.
 */
export function articleJsonLd(article: ArticleDetail, s: Publisher, site: string): WithContext<NewsArticle> {
  const ours = article.rightsStatus !== 'syndicated_in';
  const publisher = org(s.publisherName, s.publisherUrl);
  const requestPage = `${site}/republish?article=${encodeURIComponent(article.slug)}`;
  const termsPage = `${site}/articles/${encodeURIComponent(article.slug)}#rights-heading`;
  const year = article.publishedAt.slice(0, 4);
  const images: ImageObject[] = article.assets.flatMap((a): ImageObject[] => {
    const contentUrl = a.kind === 'image' ? absolute(a.url, site) : null;
    if (!contentUrl) return [];
    const base: ImageObject = {
      '@type': 'ImageObject',
      contentUrl,
      ...(a.caption ? { caption: a.caption } : {}),
    };
    if (a.licensable && article.licensable)
      return [
        {
          ...base,
          // Without a credit of its own, a picture is credited to its holder (the publisher by default).
          creditText: a.credit || a.rightsHolder || s.publisherName,
          copyrightHolder: a.rightsHolder ? org(a.rightsHolder) : publisher,
          copyrightNotice: a.credit || `© ${year} ${s.publisherName}`,
          license: termsPage,
          acquireLicensePage: requestPage,
        },
      ];
    const agency = agencyNamedIn(a.credit, s.agencies);
    const holder = agency ?? (a.rightsHolder || null);
    const credit = a.credit || holder;
    return [
      {
        ...base,
        ...(credit ? { creditText: credit } : {}),
        ...(holder ? { copyrightHolder: org(holder) } : {}),
        copyrightNotice: a.credit || (holder ? `© ${holder}` : 'All rights reserved by their holder'),
      },
    ];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.standfirst ? { description: article.standfirst } : {}),
    url: article.canonicalUrl,
    mainEntityOfPage: article.canonicalUrl,
    inLanguage: article.language,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    publisher,
    ...(ours
      ? {
          copyrightHolder: publisher,
          copyrightNotice: `© ${year} ${s.publisherName}`,
          copyrightYear: Number(year),
          creditText: s.publisherName,
        }
      : {}),
    ...(article.licensable ? { acquireLicensePage: requestPage } : {}),
    ...(images.length ? { image: images } : {}),
  };
}
