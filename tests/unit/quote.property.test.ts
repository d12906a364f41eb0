import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATIONS, TERRITORIES, type Duration, type Territory } from '@/db/schema';
import { DEFAULT_RATE_CARD as card, quote } from '@/lib/quote';
import { designTotal } from '../helpers/design-quote';
import { quoteInput as input } from '../helpers/quote-cases';

const rank = <T extends string>(list: readonly T[]) =>
  fc
    .tuple(fc.constantFrom(...list), fc.constantFrom(...list))
    .map(([x, y]) => (list.indexOf(x) <= list.indexOf(y) ? [x, y] : [y, x]) as [T, T]);

describe('quote properties', () => {
  it('gives the DESIGN.md total for any mix of options', () => {
    fc.assert(
      fc.property(input, (q) => {
        expect(quote(q, card).total).toBe(designTotal(q));
      }),
      { numRuns: 2000 },
    );
  });

  it('is never below the minimum, and a priced total is whole pounds', () => {
    fc.assert(
      fc.property(input, (q) => {
        const { total } = quote(q, card);
        if (total !== null) {
          expect(total).toBeGreaterThanOrEqual(card.minimum);
          expect(total % 100).toBe(0);
        }
      }),
    );
  });

  it('never decreases as the audience grows (and a staff quote stays one above)', () => {
    fc.assert(
      fc.property(
        input,
        fc.integer({ min: 1, max: 12_000_000 }),
        fc.integer({ min: 1, max: 12_000_000 }),
        (q, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const a = quote({ ...q, audience: lo }, card).total;
          const b = quote({ ...q, audience: hi }, card).total;
          if (b !== null) {
            expect(a).not.toBeNull();
            expect(b).toBeGreaterThanOrEqual(a!);
          }
        },
      ),
    );
  });

  it('never decreases as the territory widens', () => {
    fc.assert(
      fc.property(input, rank<Territory>(TERRITORIES), (q, [small, large]) => {
        const a = quote({ ...q, territory: small }, card).total;
        const b = quote({ ...q, territory: large }, card).total;
        if (a !== null) expect(b).toBeGreaterThanOrEqual(a);
        else expect(b).toBeNull();
      }),
    );
  });

  it('never decreases as the duration lengthens', () => {
    fc.assert(
      fc.property(input, rank<Duration>(DURATIONS), (q, [short, long]) => {
        const a = quote({ ...q, duration: short }, card).total;
        const b = quote({ ...q, duration: long }, card).total;
        if (a !== null) expect(b).toBeGreaterThanOrEqual(a);
        else expect(b).toBeNull();
      }),
    );
  });

  it('has one line per article listing every factor, and does not depend on article order', () => {
    fc.assert(
      fc.property(input, (q) => {
        const r = quote(q, card);
        expect(r.lines).toHaveLength(q.articles.length);
        for (const line of r.lines)
          expect(line.factors.map((f) => f.name)).toEqual([
            'licenseeType',
            'audience',
            'territory',
            'duration',
            'portion',
            ...(q.translation ? ['translation'] : []),
            'premium',
          ]);
        expect(quote({ ...q, articles: [...q.articles].reverse() }, card).total).toBe(r.total);
      }),
    );
  });

  it('asks for review exactly when translating, a contributor piece is included, or only staff can price it', () => {
    fc.assert(
      fc.property(input, (q) => {
        const r = quote(q, card);
        const expected = q.translation || q.articles.some((a) => a.rightsStatus === 'contributor') || r.total === null;
        expect(r.requiresReview).toBe(expected);
        expect(r.reasons.length > 0).toBe(expected);
      }),
    );
  });
});
