import 'server-only';
import { getDb, type Db } from '@/db/client';
import { quote, type Quote } from '@/lib/quote';
import { currentRateCard } from '@/lib/rate-card';
import type { FieldErrors } from '@/lib/errors';
import { quoteRequestSchema, requestErrors } from '@/lib/validation/request';
import { licensableArticles } from './articles';
import { isAppError } from '@/lib/errors';

export type PricedQuote = Quote & { rateCardVersion: number };
export type PriceResult = { ok: true; quote: PricedQuote } | { ok: false; errors: FieldErrors };

/**
 * Prices a use described by untrusted input (the JSON of POST /api/quote): validates every field,
 * refuses unknown or unlicensable articles by name, and quotes on the current rate card.
 */
export async function priceQuote(input: unknown, db: Db = getDb()): Promise<PriceResult> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: {
        _form:
          'Send a JSON object with articles, use, licenseeType, audience, territory, duration, portion and translation.',
      },
    };
  }
  const parsed = quoteRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: requestErrors(parsed.error) };
  let arts;
  try {
    arts = licensableArticles(parsed.data.articles, db);
  } catch (e) {
    if (isAppError(e, 'invalid')) return { ok: false, errors: e.fields };
    throw e;
  }
  const { version, card } = currentRateCard(db);
  const q = quote(
    {
      ...parsed.data,
      articles: arts.map((a) => ({
        slug: a.slug,
        title: a.title,
        premiumMilli: a.premiumMilli,
        rightsStatus: a.rightsStatus,
      })),
    },
    card,
  );
  return { ok: true, quote: { ...q, rateCardVersion: version } };
}
