/**
 * The pricing function. Pure: no I/O, no clock, no floating point. The calculator on the page,
 * POST /api/quote and request submission all call it, so a publisher sees exactly what the
 * server stores.
 *
 * Every factor is an integer in thousandths; a line's exact value is base × Πfactors / 1000ⁿ.
 * Lines are summed exactly (BigInt), the volume discount applied exactly, and only the total is
 * rounded — once, to whole pounds, half up — then raised to the minimum. The default card as a
 * table, with worked examples: docs/DESIGN.md § The quote.
 */
import type { Duration, OrgType, Portion, RightsStatus, Territory, Use } from '@/db/enums';
import {
  audienceText,
  DURATION_LABELS,
  LICENSEE_LABELS,
  PORTION_LABELS,
  TERRITORY_LABELS,
} from '@/lib/requests/labels';

export type RateCard = {
  currency: string;
  /** Minor units per article, by use. */
  baseFee: Record<Use, number>;
  licenseeType: Record<OrgType, number>;
  /** Ascending by `min`; the band with the largest `min` ≤ audience applies. */
  audienceBands: { min: number; milli: number }[];
  /** Audience above this has no instant price. */
  audienceStaffQuoteAbove: number;
  territory: Record<Territory, number>;
  duration: Record<Duration, number>;
  portion: Record<Portion, number>;
  translationMilli: number;
  /** Ascending by `minArticles`; discount in thousandths of the subtotal. */
  volume: { minArticles: number; discountMilli: number }[];
  /** Minor units. */
  minimum: number;
  /** Catalogue licences (lib/catalogue-licences/quote.ts; docs/DESIGN.md § AI and catalogue licences). */
  catalogue: CatalogueRates;
  /** Minor units the total is rounded to (100 = whole pounds). */
  roundTo: number;
};

export type CatalogueRates = {
  /**
   * Volume tiers over the articles of a selection, ascending: a tier prices the articles after the
   * previous tier's `upTo` up to its own (`null`: every article beyond), at `milli` thousandths of the
   * per-article rate (the use's base fee).
   */
  tiers: { upTo: number | null; milli: number }[];
  /** A catalogue quote whose total is above this (minor units) is priced by the desk. */
  staffQuoteAbove: number;
};

export const DEFAULT_RATE_CARD: RateCard = {
  currency: 'GBP',
  baseFee: {
    web: 15000,
    print: 25000,
    newsletter: 10000,
    broadcast: 20000,
    academic: 5000,
    internal: 7500,
    'ai-train': 2000,
    'ai-input': 1500,
    'ai-index': 500,
  },
  licenseeType: { commercial: 1000, 'non-profit': 500, education: 400, individual: 300, ai_developer: 1000 },
  audienceBands: [
    { min: 0, milli: 600 },
    { min: 10_000, milli: 1000 },
    { min: 100_000, milli: 1600 },
    { min: 1_000_000, milli: 2500 },
  ],
  audienceStaffQuoteAbove: 10_000_000,
  territory: { country: 1000, region: 1300, worldwide: 1600 },
  duration: { '30d': 700, '1y': 1000, perpetual: 2000 },
  portion: { excerpt: 400, full: 1000 },
  translationMilli: 1250,
  volume: [
    { minArticles: 2, discountMilli: 100 },
    { minArticles: 5, discountMilli: 200 },
  ],
  minimum: 2500,
  roundTo: 100,
  catalogue: {
    tiers: [
      { upTo: 1000, milli: 1000 },
      { upTo: 10_000, milli: 400 },
      { upTo: null, milli: 150 },
    ],
    staffQuoteAbove: 5_000_000,
  },
};

export type QuoteArticle = {
  slug: string;
  title: string;
  premiumMilli: number;
  rightsStatus: RightsStatus;
};

export type QuoteInput = {
  articles: QuoteArticle[];
  use: Use;
  licenseeType: OrgType;
  audience: number;
  territory: Territory;
  duration: Duration;
  portion: Portion;
  translation: boolean;
};

/** `name` and `value` are codes (the JSON API's); `label` is the form's words for people. */
export type QuoteFactor = { name: string; value?: string; label: string; milli: number };

export type QuoteLine = {
  slug: string;
  title: string;
  base: number;
  factors: QuoteFactor[];
  /** The line's value rounded to the minor unit, for display; the total uses the exact value. */
  amount: number;
};

export type Quote = {
  /** Minor units, or null when only staff can price the use. */
  total: number | null;
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  discount: { milli: number; amount: number };
  minimumApplied: boolean;
  requiresReview: boolean;
  reasons: string[];
};

const THOUSAND = BigInt(1000);

/** Half-up division of non-negative BigInts. */
export function divRound(num: bigint, den: bigint): bigint {
  return (num * BigInt(2) + den) / (den * BigInt(2));
}

export function audienceFactor(card: RateCard, audience: number): number | null {
  if (audience > card.audienceStaffQuoteAbove) return null;
  let milli = card.audienceBands[0]?.milli ?? 1000;
  for (const band of card.audienceBands) if (audience >= band.min) milli = band.milli;
  return milli;
}

export function volumeDiscount(card: RateCard, articleCount: number): number {
  let milli = 0;
  for (const step of card.volume) if (articleCount >= step.minArticles) milli = step.discountMilli;
  return milli;
}

export function quote(input: QuoteInput, card: RateCard): Quote {
  const reasons: string[] = [];
  let requiresReview = false;
  let priceable = true;

  const audienceMilli = audienceFactor(card, input.audience);
  if (audienceMilli === null) {
    priceable = false;
    reasons.push(
      `An audience above ${card.audienceStaffQuoteAbove.toLocaleString('en-GB')} a month is priced by the desk.`,
    );
  }
  if (input.translation) {
    requiresReview = true;
    reasons.push('Translations are always reviewed by the desk.');
  }
  for (const a of input.articles) {
    if (a.rightsStatus === 'contributor') {
      requiresReview = true;
      reasons.push(`“${a.title}” is a contributor's piece: the desk reviews it before licensing.`);
    } else if (a.rightsStatus === 'syndicated_in') {
      priceable = false;
      reasons.push(`“${a.title}” is syndicated from another publisher and cannot be licensed here.`);
    }
  }

  const shared: QuoteFactor[] = [
    {
      name: 'licenseeType',
      value: input.licenseeType,
      label: LICENSEE_LABELS[input.licenseeType],
      milli: card.licenseeType[input.licenseeType],
    },
    {
      name: 'audience',
      value: String(input.audience),
      label: audienceText(input.audience),
      milli: audienceMilli ?? 1000,
    },
    {
      name: 'territory',
      value: input.territory,
      label: TERRITORY_LABELS[input.territory],
      milli: card.territory[input.territory],
    },
    {
      name: 'duration',
      value: input.duration,
      label: DURATION_LABELS[input.duration],
      milli: card.duration[input.duration],
    },
    { name: 'portion', value: input.portion, label: PORTION_LABELS[input.portion], milli: card.portion[input.portion] },
  ];
  if (input.translation) shared.push({ name: 'translation', label: 'Translation', milli: card.translationMilli });

  const base = card.baseFee[input.use];
  // Every line has the same number of factors (shared + premium), so one denominator serves all.
  const den = THOUSAND ** BigInt(shared.length + 1);
  let subtotalExact = BigInt(0);
  const lines: QuoteLine[] = input.articles.map((a) => {
    const factors = [...shared, { name: 'premium', label: 'Article premium', milli: a.premiumMilli }];
    const num = factors.reduce((acc, f) => acc * BigInt(f.milli), BigInt(base));
    subtotalExact += num;
    return { slug: a.slug, title: a.title, base, factors, amount: Number(divRound(num, den)) };
  });

  const discountMilli = volumeDiscount(card, input.articles.length);
  const discountedExact = subtotalExact * (THOUSAND - BigInt(discountMilli)); // over den × 1000
  const subtotal = Number(divRound(subtotalExact, den));
  const discountAmount = subtotal - Number(divRound(discountedExact, den * THOUSAND));

  let total: number | null = null;
  let minimumApplied = false;
  if (priceable && input.articles.length > 0) {
    const unit = BigInt(card.roundTo);
    const rounded = Number(divRound(discountedExact, den * THOUSAND * unit) * unit);
    total = Math.max(rounded, card.minimum);
    minimumApplied = rounded < card.minimum;
  }

  return {
    total,
    currency: card.currency,
    lines,
    subtotal,
    discount: { milli: discountMilli, amount: discountAmount },
    minimumApplied,
    requiresReview: requiresReview || total === null,
    reasons,
  };
}

// Building an Intl.NumberFormat costs far more than formatting with one: keep one per currency.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number | null, currency = 'GBP'): string {
  if (minor === null) return 'Staff quote';
  let f = formatters.get(currency);
  if (!f) formatters.set(currency, (f = new Intl.NumberFormat('en-GB', { style: 'currency', currency })));
  return f.format(minor / 100);
}

export function formatFactor(milli: number): string {
  return `×${(milli / 1000).toString()}`;
}
