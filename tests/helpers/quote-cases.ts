import fc from 'fast-check';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, ARTICLE_USES } from '@/db/enums';
import type { CatalogueQuoteInput } from '@/lib/catalogue-licences/quote';
import type { QuoteInput } from '@/lib/quote';

// Any mix of quote options: the quote's property tests and the invoice's share it.
const article = fc.record({
  slug: fc.constantFrom('a', 'b', 'c'),
  title: fc.constant('T'),
  premiumMilli: fc.integer({ min: 100, max: 5000 }),
  rightsStatus: fc.constantFrom('owned' as const, 'owned' as const, 'contributor' as const),
});

export const quoteInput = fc.record({
  articles: fc.array(article, { minLength: 1, maxLength: 20 }),
  use: fc.constantFrom(...ARTICLE_USES),
  licenseeType: fc.constantFrom(...ORG_TYPES),
  audience: fc.oneof(
    fc.integer({ min: 1, max: 12_000_000 }),
    fc.constantFrom(9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 10_000_000, 10_000_001),
  ),
  territory: fc.constantFrom(...TERRITORIES),
  duration: fc.constantFrom(...DURATIONS),
  portion: fc.constantFrom(...PORTIONS),
  translation: fc.boolean(),
}) satisfies fc.Arbitrary<QuoteInput>;

const art = (slug: string, premiumMilli = 1000, rightsStatus: 'owned' | 'contributor' = 'owned') => ({
  slug,
  title: slug,
  premiumMilli,
  rightsStatus,
});
const base: QuoteInput = {
  articles: [art('a')],
  use: 'web',
  licenseeType: 'commercial',
  audience: 25_000,
  territory: 'country',
  duration: '1y',
  portion: 'full',
  translation: false,
};

/** The worked cases of tests/unit/quote.test.ts and docs/DESIGN.md § The quote (the invoice's property test runs each). */
export const QUOTE_CASES: QuoteInput[] = [
  base,
  {
    ...base,
    articles: [art('a'), art('b', 1500)],
    licenseeType: 'non-profit',
    audience: 5000,
    territory: 'worldwide',
    duration: '30d',
    portion: 'excerpt',
    translation: true,
  },
  { ...base, licenseeType: 'education', audience: 100, territory: 'region', duration: '30d' },
  { ...base, licenseeType: 'individual', audience: 100, duration: '30d', portion: 'excerpt' },
  { ...base, articles: ['a', 'b', 'c', 'd', 'e'].map((s) => art(s)) },
  { ...base, audience: 10_000_001 },
  { ...base, audience: 10_000_000 },
  { ...base, articles: [art('a', 1000, 'contributor')] },
  {
    ...base,
    articles: [art('a'), art('b', 1250), art('c')],
    use: 'newsletter',
    licenseeType: 'non-profit',
    audience: 5000,
    territory: 'region',
    duration: '30d',
    portion: 'excerpt',
  },
  // Rounding exactly .50 up, and below it.
  {
    ...base,
    licenseeType: 'individual',
    audience: 2_000_000,
    territory: 'region',
    portion: 'excerpt',
    translation: true,
  },
  { ...base, articles: [art('a', 1250)], audience: 10, duration: '30d', portion: 'excerpt' },
  // The minimum, alone and after the volume discount.
  { ...base, use: 'academic', licenseeType: 'individual', audience: 50 },
  {
    ...base,
    use: 'academic',
    licenseeType: 'individual',
    audience: 1,
    duration: '30d',
    portion: 'excerpt',
    articles: [art('a'), art('b'), art('c')],
  },
  // Rounding after the discount, not before.
  { ...base, licenseeType: 'non-profit', territory: 'region', articles: [art('a', 1250), art('b', 1250)] },
  // A staff quote that keeps its breakdown.
  { ...base, audience: 50_000_000, articles: [art('a'), art('b')] },
  // The audience bands' edges and the volume discounts' steps.
  ...[9_999, 99_999, 100_000, 999_999, 1_000_000].map((audience) => ({ ...base, audience })),
  ...[2, 4, 20].map((k) => ({ ...base, articles: Array.from({ length: k }, (_, i) => art(`a${i}`)) })),
];

/** The worked cases of tests/unit/catalogue-quote.test.ts (the selection's size and use, no articles). */
export const CATALOGUE_QUOTE_CASES: CatalogueQuoteInput[] = [
  { count: 1500, use: 'ai-input', licenseeType: 'ai_developer', territory: 'country', duration: '1y', ongoing: false },
  {
    count: 12_000,
    use: 'ai-train',
    licenseeType: 'ai_developer',
    territory: 'worldwide',
    duration: '1y',
    ongoing: false,
  },
  {
    count: 800,
    lastYearCount: 400,
    use: 'ai-input',
    licenseeType: 'ai_developer',
    territory: 'country',
    duration: 'perpetual',
    ongoing: true,
  },
  ...[3, 11, 1001].map((count) => ({
    count,
    use: 'ai-index' as const,
    licenseeType: 'ai_developer' as const,
    territory: 'region' as const,
    duration: '30d' as const,
    ongoing: false,
  })),
];
