import type { CatalogueQuoteInput } from '@/lib/catalogue-licences/quote';
import type { RateCard } from '@/lib/quote';

/**
 * docs/DESIGN.md § AI and catalogue licences, priced the slow way and independently of
 * lib/catalogue-licences/quote.ts: article by article, each at the share of the rate its position
 * falls in, summed exactly in pence × 1000⁴, rounded once to the card's unit (half up), then the
 * minimum and the staff-quote threshold. Null is a staff quote (or an empty selection).
 */
export function designCatalogueTotal(q: CatalogueQuoteInput, card: RateCard): number | null {
  const duration = q.ongoing ? '1y' : q.duration;
  const n = q.count + (q.ongoing ? (q.lastYearCount ?? 0) : 0);
  if (n === 0) return null;
  const rate =
    BigInt(card.baseFee[q.use]) *
    BigInt(card.licenseeType[q.licenseeType]) *
    BigInt(card.territory[q.territory]) *
    BigInt(card.duration[duration]);
  let sum = 0n;
  for (let position = 1; position <= n; position++) {
    // The first tier whose upper bound reaches this position prices it.
    const tier = card.catalogue.tiers.find((t) => t.upTo === null || position <= t.upTo);
    if (!tier) return null;
    sum += rate * BigInt(tier.milli);
  }
  const den = 1000n ** 4n * BigInt(card.roundTo);
  const units = (sum * 2n + den) / (den * 2n);
  const total = Math.max(Number(units) * card.roundTo, card.minimum);
  return total > card.catalogue.staffQuoteAbove ? null : total;
}
