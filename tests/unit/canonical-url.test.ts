import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalKey,
  domainOf,
  isOnDomains,
  isTrackingParam,
  normaliseCanonicalUrl,
} from '@/lib/catalogue/canonical-url';

const BASE = 'https://harbourledger.example/environment/seagrass-returns';
const KEY = 'harbourledger.example/environment/seagrass-returns';

describe('canonical URL normalisation', () => {
  it.each([
    BASE,
    'https://www.harbourledger.example/environment/seagrass-returns',
    'https://harbourledger.example/environment/seagrass-returns/',
    'http://HarbourLedger.Example/environment/seagrass-returns',
    'HTTPS://WWW.HARBOURLEDGER.EXAMPLE/environment/seagrass-returns//',
    'https://harbourledger.example/environment/seagrass-returns#comments',
    'https://harbourledger.example/environment/seagrass-returns?utm_source=x',
    'https://harbourledger.example/environment/seagrass-returns?utm_source=x&UTM_Medium=y&fbclid=abc&gclid=1',
    'https://harbourledger.example./environment/seagrass-returns',
    '  https://harbourledger.example:443/environment/seagrass-returns  ',
  ])('%s has the plain key', (url) => {
    expect(canonicalKey(url)).toBe(KEY);
  });

  it('keeps the path case and the parameters that name the article, in a fixed order', () => {
    expect(canonicalKey('https://example.com/Story?id=7&b=2&utm_campaign=z')).toBe('example.com/Story?b=2&id=7');
    expect(canonicalKey('https://example.com/story?id=7')).not.toBe(canonicalKey('https://example.com/story?id=8'));
    expect(canonicalKey('https://example.com:8080/story')).toBe('example.com:8080/story');
  });

  it('gives a clean https address for display', () => {
    expect(normaliseCanonicalUrl('http://www.Example.com/a/?utm_source=x#top')).toEqual({
      key: 'example.com/a',
      url: 'https://example.com/a',
      host: 'example.com',
    });
    expect(normaliseCanonicalUrl('https://example.com')!.url).toBe('https://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)//https://harbourledger.example/',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'ftp://harbourledger.example/a',
    '//harbourledger.example/a',
    '/articles/x',
    'harbourledger.example/a',
    'https://user:pass@harbourledger.example/a',
    'https://harbourledger.example@evil.example/a',
    '',
    '   ',
    `https://example.com/${'a'.repeat(2100)}`,
  ])('refuses %s', (url) => {
    expect(normaliseCanonicalUrl(url)).toBeNull();
  });

  it('knows tracking parameters', () => {
    for (const p of ['utm_source', 'UTM_CONTENT', 'fbclid', 'gclid', 'mc_eid', '_ga', 'pk_campaign', 'mtm_source'])
      expect(isTrackingParam(p)).toBe(true);
    for (const p of ['id', 'page', 'p', 'article']) expect(isTrackingParam(p)).toBe(false);
  });

  it('reads domains from settings and matches subdomains', () => {
    expect(domainOf('https://www.HarbourLedger.example/')).toBe('harbourledger.example');
    expect(domainOf('news.example.com')).toBe('news.example.com');
    expect(domainOf('')).toBeNull();
    expect(isOnDomains('news.example.com', ['example.com'])).toBe(true);
    expect(isOnDomains('example.com', ['example.com'])).toBe(true);
    expect(isOnDomains('badexample.com', ['example.com'])).toBe(false);
    expect(isOnDomains('example.com.evil.example', ['example.com'])).toBe(false);
  });
});

const TRACKING = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'UTM_Source',
  'fbclid',
  'gclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  '_ga',
  'igshid',
];
const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const article = fc.record({
  host: fc.constantFrom('harbourledger.example', 'news.example.com', 'example.org'),
  path: fc.array(segment, { minLength: 1, maxLength: 4 }),
  query: fc.array(fc.tuple(fc.constantFrom('id', 'page', 'edition'), fc.stringMatching(/^[a-z0-9]{1,6}$/)), {
    maxLength: 2,
  }),
});
const decoration = fc.record({
  scheme: fc.constantFrom('http', 'https', 'HTTPS'),
  www: fc.boolean(),
  upperHost: fc.boolean(),
  slash: fc.constantFrom('', '/', '//'),
  tracking: fc.array(fc.tuple(fc.constantFrom(...TRACKING), fc.string({ maxLength: 10 })), { maxLength: 4 }),
  fragment: fc.option(fc.stringMatching(/^[a-z0-9-]{0,10}$/), { nil: undefined }),
  shuffle: fc.boolean(),
});

describe('canonical URL normalisation (properties)', () => {
  it('any decoration with tracking parameters, www., case, slashes or a fragment maps to the same key', () => {
    fc.assert(
      fc.property(article, decoration, (a, d) => {
        const plain = `https://${a.host}/${a.path.join('/')}${a.query.length ? `?${new URLSearchParams(a.query)}` : ''}`;
        const host = (d.www ? `www.${a.host}` : a.host)[d.upperHost ? 'toUpperCase' : 'toLowerCase']();
        const params = [...a.query, ...d.tracking];
        if (d.shuffle) params.reverse();
        const qs = params.length ? `?${new URLSearchParams(params)}` : '';
        const decorated = `${d.scheme}://${host}/${a.path.join('/')}${d.slash}${qs}${d.fragment !== undefined ? `#${d.fragment}` : ''}`;
        expect(canonicalKey(decorated)).toBe(canonicalKey(plain));
        expect(canonicalKey(plain)).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent: the clean address has the same key', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const n = normaliseCanonicalUrl(url);
        if (n) expect(canonicalKey(n.url)).toBe(n.key);
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts a non-http(s) address, whatever follows the scheme', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:', 'mailto:'),
        fc.string(),
        (scheme, rest) => {
          expect(normaliseCanonicalUrl(scheme + rest)).toBeNull();
        },
      ),
    );
  });
});
