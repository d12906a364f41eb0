/**
 * The price of a catalogue licence (docs/DESIGN.md § AI and catalogue licences). Pure: no I/O, no
 * clock, no floating point — the live price on the form, GET /api/catalogue-quote and the stored
 * request all come from here, so the buyer sees exactly what the server stores.
 *
 * The per-article rate is base(use) × licensee type × territory × duration, exact in thousandths.
 * The articles counted (the selection now, plus for an ongoing selection last year's additions) are
 * split into the card's volume tiers, one line per tier at its share of the rate; the exact lines
 * are summed (BigInt) and only the total is rounded — once, to the card's `roundTo`, half up — then
 * raised to the minimum. Above the card's catalogue threshold the desk quotes.
 */
import type { Duration, OrgType, Territory, Use } from '@/db/enums';
import { divRound, formatMoney, type Quote, type QuoteFactor, type RateCard } from '@/lib/quote';
import { DURATION_LABELS, LICENSEE_LABELS, TERRITORY_LABELS } from '@/lib/requests/labels';

export type CatalogueQuoteInput = {
  /** Articles in the selection at the time of quoting. */
  count: number;
  /** Matching articles published in the last 365 days: an ongoing selection's expected additions. */
  lastYearCount?: number;
  use: Use;
  licenseeType: OrgType;
  territory: Territory;
  duration: Duration;
  ongoing: boolean;
};

export type CatalogueTierLine = {
  /** 1-based positions of the first and last article this tier prices. */
  from: number;
  to: number;
  articles: number;
  /** The tier's share of the per-article rate, in thousandths. */
  milli: number;
  /** Per-article price in this tier, rounded to the minor unit for display. */
  rate: number;
  /** The line's value rounded to the minor unit, for display; the total uses the exact value. */
  amount: number;
};

export type CatalogueQuoteDetail = {
  /** Articles priced: the selection's count, plus last year's additions when ongoing. */
  articles: number;
  count: number;
  lastYearCount: number;
  ongoing: boolean;
  /** The use's base fee per article, minor units. */
  base: number;
  factors: QuoteFactor[];
  /** Per-article rate before the tiers, rounded to the minor unit for display. */
  rate: number;
  tiers: CatalogueTierLine[];
};

/**
 * Quote-shaped (so the stored request, the queue and the invoice read it as any quote) with no
 * per-article lines: a catalogue is priced per tier, in `catalogue`.
 */
export type CatalogueQuote = Quote & { catalogue: CatalogueQuoteDetail };

export const CATALOGUE_REVIEW_REASON = 'Catalogue licences are agreed with the desk.';

const THOUSAND = BigInt(1000);

export function catalogueQuote(input: CatalogueQuoteInput, card: RateCard): CatalogueQuote {
  // An ongoing selection runs one year and is priced on the year's expected additions too.
  const duration: Duration = input.ongoing ? '1y' : input.duration;
  const lastYearCount = input.ongoing ? Math.max(0, input.lastYearCount ?? 0) : 0;
  const count = Math.max(0, input.count);
  const priced = count + lastYearCount;

  const factors: QuoteFactor[] = [
    {
      name: 'licenseeType',
      value: input.licenseeType,
      label: LICENSEE_LABELS[input.licenseeType],
      milli: card.licenseeType[input.licenseeType],
    },
    {
      name: 'territory',
      value: input.territory,
      label: TERRITORY_LABELS[input.territory],
      milli: card.territory[input.territory],
    },
    { name: 'duration', value: duration, label: DURATION_LABELS[duration], milli: card.duration[duration] },
  ];
  const base = card.baseFee[input.use];
  const rateNum = factors.reduce((acc, f) => acc * BigInt(f.milli), BigInt(base)); // over 1000³
  const rateDen = THOUSAND ** BigInt(factors.length);
  const lineDen = rateDen * THOUSAND; // a tier's share is one more factor

  const tiers: CatalogueTierLine[] = [];
  let exact = BigInt(0);
  let done = 0;
  for (const tier of card.catalogue.tiers) {
    if (done >= priced) break;
    const upTo = tier.upTo === null ? priced : Math.min(tier.upTo, priced);
    const n = upTo - done;
    if (n <= 0) continue;
    const num = BigInt(n) * rateNum * BigInt(tier.milli);
    exact += num;
    tiers.push({
      from: done + 1,
      to: upTo,
      articles: n,
      milli: tier.milli,
      rate: Number(divRound(rateNum * BigInt(tier.milli), lineDen)),
      amount: Number(divRound(num, lineDen)),
    });
    done = upTo;
  }

  const reasons = [CATALOGUE_REVIEW_REASON];
  let total: number | null = null;
  let minimumApplied = false;
  if (priced === 0) {
    reasons.push('The selection holds no articles.');
  } else if (done < priced) {
    // A card whose last tier is bounded prices no article beyond it: the desk does.
    reasons.push(`Selections above ${done.toLocaleString('en-GB')} articles are priced by the desk.`);
  } else {
    const unit = BigInt(card.roundTo);
    const rounded = Number(divRound(exact, lineDen * unit) * unit);
    const withMinimum = Math.max(rounded, card.minimum);
    if (withMinimum > card.catalogue.staffQuoteAbove) {
      reasons.push(
        `A catalogue licence above ${formatMoney(card.catalogue.staffQuoteAbove, card.currency)} is priced by the desk.`,
      );
    } else {
      total = withMinimum;
      minimumApplied = rounded < card.minimum;
    }
  }

  return {
    total,
    currency: card.currency,
    lines: [],
    subtotal: Number(divRound(exact, lineDen)),
    discount: { milli: 0, amount: 0 },
    minimumApplied,
    requiresReview: true,
    reasons,
    catalogue: {
      articles: priced,
      count,
      lastYearCount,
      ongoing: input.ongoing,
      base,
      factors,
      rate: Number(divRound(rateNum, rateDen)),
      tiers,
    },
  };
}

export function isCatalogueQuote(q: unknown): q is CatalogueQuote {
  return typeof q === 'object' && q !== null && 'catalogue' in q && typeof q.catalogue === 'object';
}
