import 'server-only';
import type { Conn } from '@/db/client';
import type { OrgType } from '@/db/enums';
import type { RateCard } from '@/lib/quote';
import type { AiSettings } from '@/lib/settings';
import type { CatalogueOptions } from './form';
import { catalogueQuote, type CatalogueQuote } from './quote';
import { countSelection } from './selection';

export type SelectionPrice = { count: number; lastYearCount: number; quote: CatalogueQuote };

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Counts a selection at `now` (and, when ongoing, its matching articles of the last 365 days: the
 * year's expected additions) and prices it on `card`.
 */
export function priceSelection(
  conn: Conn,
  options: CatalogueOptions,
  licenseeType: OrgType,
  card: RateCard,
  ai: AiSettings,
  now: Date,
): SelectionPrice {
  const count = countSelection(conn, options.selection, options.use, ai, { now });
  const lastYearCount = options.selection.ongoing
    ? countSelection(conn, options.selection, options.use, ai, {
        now,
        publishedAfter: new Date(now.getTime() - YEAR_MS).toISOString(),
      })
    : 0;
  const quote = catalogueQuote(
    {
      count,
      lastYearCount,
      use: options.use,
      licenseeType,
      territory: options.territory,
      duration: options.duration,
      ongoing: options.selection.ongoing,
    },
    card,
  );
  return { count, lastYearCount, quote };
}
