/**
 * The shapes the counter-offer form and the publisher's counter-offer panel receive (plain data:
 * safe in client components). Built by lib/requests/counter.ts.
 */
import type { Duration, OrgType, Portion, Territory, Use } from '@/db/enums';
import type { QuoteArticle, RateCard } from '@/lib/quote';

/** One side of the comparison: the terms as asked, or as the desk proposes them. */
export type TermsSide = {
  use: Use;
  audience: number;
  territory: Territory;
  territoryDetail: string;
  duration: Duration;
  portion: Portion;
  articles: { slug: string; title: string }[];
  quoteTotal: number | null;
};

export type CounterComparison = { asked: TermsSide; proposed: TermsSide; currency: string };

/** What the staff form needs to price the changed terms live, with the engine the server uses. */
export type CounterFormBasis = {
  terms: Omit<TermsSide, 'articles' | 'quoteTotal'>;
  articles: (QuoteArticle & { slug: string })[];
  licenseeType: OrgType;
  translation: boolean;
  card: RateCard;
  rateCardVersion: number;
  quotedTotal: number | null;
  currency: string;
};

export const TERM_ROWS = ['use', 'audience', 'territory', 'duration', 'portion', 'articles'] as const;

/** Which rows differ between the two sides. */
export function changedRows(c: CounterComparison): Set<(typeof TERM_ROWS)[number]> {
  const { asked: a, proposed: p } = c;
  const out = new Set<(typeof TERM_ROWS)[number]>();
  if (a.use !== p.use) out.add('use');
  if (a.audience !== p.audience) out.add('audience');
  if (a.territory !== p.territory || a.territoryDetail !== p.territoryDetail) out.add('territory');
  if (a.duration !== p.duration) out.add('duration');
  if (a.portion !== p.portion) out.add('portion');
  if (a.articles.map((x) => x.slug).join() !== p.articles.map((x) => x.slug).join()) out.add('articles');
  return out;
}
