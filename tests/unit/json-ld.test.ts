import { describe, expect, it } from 'vitest';
import { articleJsonLd } from '@/lib/catalogue/json-ld';
import type { ArticleDetail } from '@/lib/catalogue/queries';
import { jsonLdElement, jsonLdScript } from '@/lib/json-ld';
import { DEFAULT_AGENCIES } from '@/lib/settings';

const HOSTILE = 'Harbour </script><script>alert(1)</script> <!-- & \u2028 “quotes” </SCRIPT >';

describe('jsonLdScript', () => {
  it('a hostile headline cannot close the element or open a comment, and parses back to itself', () => {
    const data = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: HOSTILE };
    const text = jsonLdScript(data);
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(JSON.parse(text)).toEqual(data);
    // The whole element ends exactly once, where it should.
    const el = jsonLdElement(data);
    expect(el.match(/<\/script/gi)).toHaveLength(1);
    expect(el.endsWith('</script>')).toBe(true);
  });
});

function article(over: Partial<ArticleDetail> = {}): ArticleDetail {
  return {
    id: 1,
    slug: 'harbour-wall',
    title: HOSTILE,
    standfirst: 'Why the wall is late.',
    byline: 'Ana Ruiz',
    section: 'News',
    language: 'en',
    publishedAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    canonicalUrl: 'https://harbourledger.example/news/harbour-wall',
    wordCount: 900,
    premium: 1000,
    rightsStatus: 'owned',
    embargoUntil: null,
    hidden: false,
    state: 'published',
    stateNote: null,
    authors: ['Ana Ruiz', 'Tom Kell'],
    tags: [],
    preview: [],
    licensable: true,
    notLicensableReason: null,
    assets: [
      {
        id: 1,
        articleId: 1,
        kind: 'image',
        url: '/demo/harbour-wall.svg',
        caption: 'The wall',
        credit: 'Photo: Mira Santos / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
        licensable: true,
        licensableOverridden: false,
        position: 0,
      },
      {
        id: 2,
        articleId: 1,
        kind: 'image',
        url: 'https://wire.example/crane.jpg',
        caption: 'A crane',
        credit: 'Getty Images / John Doe',
        rightsHolder: '',
        licensable: false,
        licensableOverridden: false,
        position: 1,
      },
    ],
    ...over,
  } as ArticleDetail;
}

const settings = {
  publisherName: 'The Harbour Ledger',
  publisherUrl: 'https://harbourledger.example',
  agencies: DEFAULT_AGENCIES,
};
const SITE = 'https://desk.example';

describe('articleJsonLd', () => {
  it('names the holder, the credit and where to license the article; licensable pictures carry Google’s fields', () => {
    const ld = articleJsonLd(article(), settings, SITE) as unknown as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: HOSTILE,
      datePublished: '2026-03-01T09:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Ana Ruiz' },
        { '@type': 'Person', name: 'Tom Kell' },
      ],
      copyrightHolder: { '@type': 'Organization', name: 'The Harbour Ledger' },
      copyrightNotice: '© 2026 The Harbour Ledger',
      creditText: 'The Harbour Ledger',
      acquireLicensePage: 'https://desk.example/republish?article=harbour-wall',
    });
    const [ours, agency] = ld.image as Record<string, unknown>[];
    expect(ours).toMatchObject({
      '@type': 'ImageObject',
      contentUrl: 'https://desk.example/demo/harbour-wall.svg',
      creditText: 'Photo: Mira Santos / The Harbour Ledger',
      copyrightNotice: 'Photo: Mira Santos / The Harbour Ledger',
      license: 'https://desk.example/articles/harbour-wall#rights-heading',
      acquireLicensePage: 'https://desk.example/republish?article=harbour-wall',
    });
    // The agency's picture: the agency named, no licence of ours.
    expect(agency).toMatchObject({
      contentUrl: 'https://wire.example/crane.jpg',
      creditText: 'Getty Images / John Doe',
      copyrightHolder: { '@type': 'Organization', name: 'Getty Images' },
    });
    expect(agency).not.toHaveProperty('license');
    expect(agency).not.toHaveProperty('acquireLicensePage');
  });

  it('every picture carries creditText and copyrightNotice, also without a credit of its own', () => {
    const [ours, agency] = article().assets;
    const ld = articleJsonLd(
      article({
        assets: [
          { ...ours!, credit: '', rightsHolder: '' },
          { ...agency!, credit: '', rightsHolder: 'Reuters' },
        ],
      }),
      settings,
      SITE,
    ) as unknown as Record<string, unknown>;
    const [mine, theirs] = ld.image as Record<string, unknown>[];
    expect(mine).toMatchObject({ creditText: 'The Harbour Ledger', copyrightNotice: '© 2026 The Harbour Ledger' });
    expect(theirs).toMatchObject({ creditText: 'Reuters', copyrightNotice: '© Reuters' });
    expect(theirs).not.toHaveProperty('license');
  });

  it('an article the desk cannot license offers no licence page, and a syndicated one claims no copyright', () => {
    const ld = articleJsonLd(
      article({ licensable: false, rightsStatus: 'syndicated_in' }),
      settings,
      SITE,
    ) as unknown as Record<string, unknown>;
    expect(ld).not.toHaveProperty('acquireLicensePage');
    expect(ld).not.toHaveProperty('copyrightHolder');
    for (const img of ld.image as Record<string, unknown>[]) expect(img).not.toHaveProperty('license');
  });
});
