/**
 * The use options a quote depends on, as the calculator and the request form hold them (strings,
 * as typed), with their labels and the link between the two. Pure: safe in client components.
 */
import type { Duration, OrgType, Portion, Territory, Use } from '@/db/enums';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, USES } from '@/db/enums';
import { quote, type Quote, type QuoteArticle, type RateCard } from '@/lib/quote';
import { useOptionsSchema } from '@/lib/validation/request';

export const USE_LABELS: Record<Use, string> = {
  web: 'Website',
  print: 'Print',
  newsletter: 'Newsletter',
  broadcast: 'Broadcast',
  academic: 'Academic',
  internal: 'Internal use',
};
export const TERRITORY_LABELS: Record<Territory, string> = {
  country: 'One country',
  region: 'One region',
  worldwide: 'Worldwide',
};
export const DURATION_LABELS: Record<Duration, string> = { '30d': '30 days', '1y': '1 year', perpetual: 'Perpetual' };
export const PORTION_LABELS: Record<Portion, string> = { full: 'Full text', excerpt: 'Excerpt (up to 300 words)' };
export const LICENSEE_LABELS: Record<OrgType, string> = {
  commercial: 'Commercial outlet',
  'non-profit': 'Non-profit',
  education: 'Education',
  individual: 'Individual',
};

/** Option values as strings, the way inputs hold them ("on" for a ticked translation box). */
export type OptionValues = {
  use: string;
  audience: string;
  territory: string;
  duration: string;
  portion: string;
  translation: string;
};

export const DEFAULT_OPTIONS: OptionValues = {
  use: 'web',
  audience: '25000',
  territory: 'country',
  duration: '1y',
  portion: 'full',
  translation: '',
};

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T =>
  v && (list as readonly string[]).includes(v) ? (v as T) : fallback;

/** Options carried in a URL (from the article page's calculator); anything unknown falls back to the default. */
export function optionsFromParams(params: Params): OptionValues {
  const audience = first(params.audience);
  const translation = first(params.translation);
  return {
    use: oneOf(USES, first(params.use), 'web'),
    audience: audience && /^\d{1,11}$/.test(audience) ? audience : DEFAULT_OPTIONS.audience,
    territory: oneOf(TERRITORIES, first(params.territory), 'country'),
    duration: oneOf(DURATIONS, first(params.duration), '1y'),
    portion: oneOf(PORTIONS, first(params.portion), 'full'),
    translation: translation === '1' || translation === 'on' || translation === 'true' ? 'on' : '',
  };
}

export function licenseeFromParam(v: string | string[] | undefined): OrgType {
  return oneOf(ORG_TYPES, first(v), 'commercial');
}

/** The request form's address, carrying the articles and the options chosen in a calculator. */
export function republishHref(slugs: string[], o: Partial<OptionValues>): string {
  const p = new URLSearchParams();
  for (const s of slugs) p.append('article', s);
  for (const key of ['use', 'audience', 'territory', 'duration', 'portion'] as const) if (o[key]) p.set(key, o[key]!);
  if (o.translation) p.set('translation', '1');
  return `/republish?${p.toString()}`;
}

export type LiveQuote = { quote: Quote; problem: null } | { quote: null; problem: string };

/** The quote for options as typed, or why there is none yet (e.g. the audience is not a number). */
export function liveQuote(
  values: OptionValues,
  articles: QuoteArticle[],
  card: RateCard,
  licenseeType: OrgType,
): LiveQuote {
  if (articles.length === 0) return { quote: null, problem: 'Add an article to see the price.' };
  const parsed = useOptionsSchema.safeParse({
    ...values,
    audience: values.audience.replace(/[,\s_]/g, '') || undefined,
    translation: values.translation === 'on',
  });
  if (!parsed.success) return { quote: null, problem: `${parsed.error.issues[0]?.message ?? 'Check the options.'}` };
  return { quote: quote({ ...parsed.data, articles, licenseeType }, card), problem: null };
}
