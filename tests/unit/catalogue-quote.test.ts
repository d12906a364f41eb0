import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATIONS, ORG_TYPES, TERRITORIES, USES } from '@/db/enums';
import { catalogueQuote, CATALOGUE_REVIEW_REASON, type CatalogueQuoteInput } from '@/lib/catalogue-licences/quote';
import { DEFAULT_RATE_CARD as card, type RateCard } from '@/lib/quote';
import { designCatalogueTotal } from '../helpers/design-catalogue-quote';

const base: CatalogueQuoteInput = {
  count: 1500,
  use: 'ai-input',
  licenseeType: 'ai_developer',
  territory: 'country',
  duration: '1y',
  ongoing: false,
};

describe('catalogueQuote: the worked examples of docs/DESIGN.md', () => {
  it('ai-input, 1,500 articles, one country, 1 year: £18,000 in two tier lines', () => {
    const q = catalogueQuote(base, card);
    expect(q.total).toBe(1_800_000);
    expect(q.currency).toBe('GBP');
    expect(q.requiresReview).toBe(true);
    expect(q.reasons).toEqual([CATALOGUE_REVIEW_REASON]);
    expect(q.lines).toEqual([]);
    expect(q.catalogue.rate).toBe(1500);
    expect(q.catalogue.tiers).toEqual([
      { from: 1, to: 1000, articles: 1000, milli: 1000, rate: 1500, amount: 1_500_000 },
      { from: 1001, to: 1500, articles: 500, milli: 400, rate: 600, amount: 300_000 },
    ]);
    expect(q.catalogue.factors.map((f) => [f.name, f.label])).toEqual([
      ['licenseeType', 'AI developer'],
      ['territory', 'One country'],
      ['duration', '1 year'],
    ]);
  });

  it('ai-train, 12,000 articles, worldwide: £156,800 exact, above £50,000, so a staff quote', () => {
    const q = catalogueQuote({ ...base, use: 'ai-train', count: 12_000, territory: 'worldwide' }, card);
    expect(q.total).toBeNull();
    expect(q.subtotal).toBe(15_680_000);
    expect(q.catalogue.tiers.map((t) => [t.articles, t.rate, t.amount])).toEqual([
      [1000, 3200, 3_200_000],
      [9000, 1280, 11_520_000],
      [2000, 480, 960_000],
    ]);
    expect(q.reasons).toContain('A catalogue licence above £50,000.00 is priced by the desk.');
  });

  it('prices an ongoing selection for one year on its size plus last year’s additions', () => {
    const q = catalogueQuote({ ...base, count: 800, lastYearCount: 400, ongoing: true, duration: 'perpetual' }, card);
    expect(q.catalogue).toMatchObject({ articles: 1200, count: 800, lastYearCount: 400, ongoing: true });
    expect(q.catalogue.factors.find((f) => f.name === 'duration')?.value).toBe('1y');
    // 1,000 × £15 + 200 × £6
    expect(q.total).toBe(1_620_000);
  });

  it('ignores last year’s additions when the selection is not ongoing', () => {
    expect(catalogueQuote({ ...base, lastYearCount: 9999 }, card).total).toBe(1_800_000);
  });

  it('rounds once, half up, and raises to the minimum', () => {
    // ai-index £5 × 1.3 (region) × 0.7 (30 days) = £4.55 a piece; 3 → £13.65 → £14 → minimum £25.
    const small = catalogueQuote({ ...base, use: 'ai-index', territory: 'region', duration: '30d', count: 3 }, card);
    expect(small.subtotal).toBe(1365);
    expect(small).toMatchObject({ total: 2500, minimumApplied: true });
    // 11 → £50.05 → £50; 1,001 → £4,550 + £1.82 = £4,551.82 → £4,552
    expect(
      catalogueQuote({ ...base, use: 'ai-index', territory: 'region', duration: '30d', count: 11 }, card).total,
    ).toBe(5000);
    expect(
      catalogueQuote({ ...base, use: 'ai-index', territory: 'region', duration: '30d', count: 1001 }, card).total,
    ).toBe(455_200);
  });

  it('gives no price for an empty selection', () => {
    const q = catalogueQuote({ ...base, count: 0 }, card);
    expect(q.total).toBeNull();
    expect(q.catalogue.tiers).toEqual([]);
    expect(q.reasons).toContain('The selection holds no articles.');
  });

  it('leaves articles beyond a bounded last tier to the desk', () => {
    const bounded: RateCard = { ...card, catalogue: { ...card.catalogue, tiers: [{ upTo: 100, milli: 1000 }] } };
    expect(catalogueQuote({ ...base, count: 101 }, bounded).total).toBeNull();
    expect(catalogueQuote({ ...base, count: 100 }, bounded).total).toBe(150_000);
  });
});

// Any ascending tier list, the last one open or bounded.
const tiers = fc.uniqueArray(fc.integer({ min: 1, max: 20_000 }), { minLength: 0, maxLength: 4 }).chain((bounds) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }),
      fc.boolean(),
    )
    .map(([millis, openEnded]) => {
      const ups: (number | null)[] = [...bounds].sort((a, b) => a - b);
      if (openEnded || ups.length === 0) ups.push(null);
      return ups.map((upTo, i) => ({ upTo, milli: millis[i]! }));
    }),
);

const cardArb = fc
  .record({
    tiers,
    staffQuoteAbove: fc.oneof(fc.constant(card.catalogue.staffQuoteAbove), fc.integer({ min: 0, max: 100_000_000 })),
    roundTo: fc.constantFrom(1, 100, 500),
    minimum: fc.constantFrom(0, 2500, 100_000),
  })
  .map((c): RateCard => ({
    ...card,
    roundTo: c.roundTo,
    minimum: c.minimum,
    catalogue: { tiers: c.tiers, staffQuoteAbove: c.staffQuoteAbove },
  }));

const inputArb = fc.record({
  count: fc.oneof(fc.integer({ min: 0, max: 25_000 }), fc.constantFrom(0, 1, 999, 1000, 1001, 9999, 10_000, 10_001)),
  lastYearCount: fc.integer({ min: 0, max: 5000 }),
  use: fc.constantFrom(...USES),
  licenseeType: fc.constantFrom(...ORG_TYPES),
  territory: fc.constantFrom(...TERRITORIES),
  duration: fc.constantFrom(...DURATIONS),
  ongoing: fc.boolean(),
}) satisfies fc.Arbitrary<CatalogueQuoteInput>;

describe('catalogueQuote: properties', () => {
  it('equals the article-by-article oracle on any card and selection', () => {
    fc.assert(
      fc.property(inputArb, fc.oneof(fc.constant(card), cardArb), (q, c) => {
        expect(catalogueQuote(q, c).total).toBe(designCatalogueTotal(q, c));
      }),
      { numRuns: 150 },
    );
  });

  it('has tier lines that cover every priced article once, in order', () => {
    fc.assert(
      fc.property(inputArb, (q) => {
        const { catalogue: d } = catalogueQuote(q, card);
        expect(d.tiers.reduce((n, t) => n + t.articles, 0)).toBe(d.articles);
        d.tiers.forEach((t, i) => expect(t.from).toBe(i === 0 ? 1 : d.tiers[i - 1]!.to + 1));
      }),
    );
  });

  it('never costs less for more articles', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 5000 }), (q, more) => {
        const a = catalogueQuote(q, card);
        const b = catalogueQuote({ ...q, count: q.count + more }, card);
        if (a.total !== null && b.total !== null) expect(b.total).toBeGreaterThanOrEqual(a.total);
        if (a.total === null && q.count > 0) expect(b.total).toBeNull();
      }),
    );
  });
});
