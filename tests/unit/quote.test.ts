import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD as card, formatFactor, formatMoney, quote, type QuoteInput } from '@/lib/quote';

const art = (slug: string, premiumMilli = 1000, rightsStatus: 'owned' | 'contributor' | 'syndicated_in' = 'owned') => ({
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

describe('quote', () => {
  it('prices the reference case at the base fee', () => {
    const q = quote(base, card);
    expect(q).toMatchObject({ total: 15000, currency: 'GBP', requiresReview: false, reasons: [] });
    expect(q.lines[0]!.factors.map((f) => f.name)).toEqual([
      'licenseeType',
      'audience',
      'territory',
      'duration',
      'portion',
      'premium',
    ]);
  });

  it('multiplies every factor exactly and rounds once, half up, to whole pounds', () => {
    const q = quote(
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
      card,
    );
    // 150 × .5 × .6 × 1.6 × .7 × .4 × 1.25 = 25.20; ×1.5 = 37.80; sum 63.00; −10 % = 56.70 → £57
    expect(q.lines.map((l) => l.amount)).toEqual([2520, 3780]);
    expect(q.subtotal).toBe(6300);
    expect(q.discount).toEqual({ milli: 100, amount: 630 });
    expect(q.total).toBe(5700);
    expect(q.requiresReview).toBe(true);
  });

  it('rounds exactly .50 up', () => {
    // web £150 × education .4 × .6 × region 1.3 × 30d .7 × full = £32.76 → £33
    expect(
      quote({ ...base, licenseeType: 'education', audience: 100, territory: 'region', duration: '30d' }, card).total,
    ).toBe(3300);
    // 150 × .3 × 2.5 × 1.3 × 1 × .4 × 1.25 = 73.125 → 73
    expect(
      quote(
        {
          ...base,
          licenseeType: 'individual',
          audience: 2_000_000,
          territory: 'region',
          portion: 'excerpt',
          translation: true,
        },
        card,
      ).total,
    ).toBe(7300);
    // 150 × .6 × .7 × .4 = 25.20; premium 1.25 → exactly 31.50 → 32
    expect(
      quote({ ...base, articles: [art('a', 1250)], audience: 10, duration: '30d', portion: 'excerpt' }, card).total,
    ).toBe(3200);
  });

  it('raises a small total to the £25 minimum', () => {
    const q = quote({ ...base, use: 'academic', licenseeType: 'individual', audience: 50 }, card);
    expect(q.total).toBe(2500);
    expect(q.minimumApplied).toBe(true);
  });

  it('applies 20 % from five articles', () => {
    const q = quote({ ...base, articles: ['a', 'b', 'c', 'd', 'e'].map((s) => art(s)) }, card);
    expect(q.total).toBe(60000);
  });

  it('hands audiences over ten million to staff, but prices exactly ten million', () => {
    expect(quote({ ...base, audience: 10_000_000 }, card).total).toBe(37500);
    const q = quote({ ...base, audience: 10_000_001 }, card);
    expect(q.total).toBeNull();
    expect(q.requiresReview).toBe(true);
    expect(q.reasons.join(' ')).toMatch(/priced by the desk/);
  });

  it('keeps the total but asks for review for contributor pieces; refuses syndicated ones', () => {
    const c = quote({ ...base, articles: [art('op-ed', 1000, 'contributor')] }, card);
    expect(c.total).toBe(15000);
    expect(c.requiresReview).toBe(true);
    const s = quote({ ...base, articles: [art('wire', 1000, 'syndicated_in')] }, card);
    expect(s.total).toBeNull();
  });

  it('uses the audience band boundaries of the rate card', () => {
    const at = (audience: number) => quote({ ...base, audience }, card).total;
    expect([at(9_999), at(10_000), at(99_999), at(100_000), at(999_999), at(1_000_000)]).toEqual([
      9000, 15000, 15000, 24000, 24000, 37500,
    ]);
  });
  it('switches volume discounts at exactly two and five articles', () => {
    const n = (k: number) => quote({ ...base, articles: Array.from({ length: k }, (_, i) => art(`a${i}`)) }, card);
    expect([1, 2, 4, 5, 20].map((k) => n(k).discount.milli)).toEqual([0, 100, 100, 200, 200]);
    expect([1, 2, 4, 5].map((k) => n(k).total)).toEqual([15000, 27000, 54000, 60000]);
  });

  it('applies the minimum after the volume discount, per request', () => {
    // academic £50 × individual .3 × .6 × .7 × .4 = £2.52 a line; 3 lines −10 % = £6.80 → £7 → £25
    const q = quote(
      {
        ...base,
        use: 'academic',
        licenseeType: 'individual',
        audience: 1,
        duration: '30d',
        portion: 'excerpt',
        articles: [art('a'), art('b'), art('c')],
      },
      card,
    );
    expect(q.lines.map((l) => l.amount)).toEqual([252, 252, 252]);
    expect(q.total).toBe(2500);
    expect(q.minimumApplied).toBe(true);
  });

  it('rounds half up after the discount, not before', () => {
    // two lines of £150 × .5 × 1.3 × 1.25 (premium) = £121.875 each; £243.75 −10 % = £219.375 → £219
    const q = quote(
      { ...base, licenseeType: 'non-profit', territory: 'region', articles: [art('a', 1250), art('b', 1250)] },
      card,
    );
    expect(q.total).toBe(21900);
    // rounding each line first would give £122 + £122 = £244 − 10 % = £219.60 → £220
  });

  it('has no total without articles, and a staff quote keeps its breakdown', () => {
    expect(quote({ ...base, articles: [] }, card).total).toBeNull();
    const q = quote({ ...base, audience: 50_000_000, articles: [art('a'), art('b')] }, card);
    expect(q.total).toBeNull();
    expect(q.lines).toHaveLength(2);
  });

  it('formats money and factors for the breakdown', () => {
    expect(formatMoney(15000)).toBe('£150.00');
    expect(formatMoney(null)).toBe('Staff quote');
    expect(formatFactor(1250)).toBe('×1.25');
    expect(formatFactor(500)).toBe('×0.5');
  });
});
