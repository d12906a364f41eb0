/**
 * The use options a quote depends on, as the calculator and the request form hold them (strings,
 * as typed), with their labels and the link between the two. Pure: safe in client components.
 */
import type { OrgType } from '@/db/enums';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, ARTICLE_USES } from '@/db/enums';
import { quote, type Quote, type QuoteArticle, type RateCard } from '@/lib/quote';
import { useOptionsSchema, type UseOptions } from '@/lib/validation/request';
import { reviewReasons, type AutoApprovalSettings } from './auto-approval';

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
    use: oneOf(ARTICLE_USES, first(params.use), 'web'),
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

export type LiveQuote =
  { quote: Quote; options: UseOptions; problem: null } | { quote: null; options: null; problem: string };

/** The quote for options as typed, or why there is none yet (e.g. the audience is not a number). */
export function liveQuote(
  values: OptionValues,
  articles: QuoteArticle[],
  card: RateCard,
  licenseeType: OrgType,
): LiveQuote {
  if (articles.length === 0) return { quote: null, options: null, problem: 'Add an article to see the price.' };
  const parsed = useOptionsSchema.safeParse({
    ...values,
    audience: values.audience.replace(/[,\s_]/g, '') || undefined,
    translation: values.translation === 'on',
  });
  if (!parsed.success)
    return { quote: null, options: null, problem: `${parsed.error.issues[0]?.message ?? 'Check the options.'}` };
  return { quote: quote({ ...parsed.data, articles, licenseeType }, card), options: parsed.data, problem: null };
}

/**
 * Why the desk will review the use priced live, or [] when it is licensed at once: the same
 * function as submission and auto-approval (lib/requests/auto-approval.ts).
 */
export function liveReview(
  live: LiveQuote,
  articles: QuoteArticle[],
  rule: AutoApprovalSettings,
  flagged = false,
): string[] | undefined {
  if (!live.quote) return undefined;
  return reviewReasons(
    {
      quote: live.quote,
      use: live.options.use,
      duration: live.options.duration,
      translation: live.options.translation,
      articleRights: articles.map((a) => a.rightsStatus),
      flagged,
    },
    rule,
  );
}
