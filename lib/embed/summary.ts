import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles, assets } from '@/db/schema';
import { articleIdByCanonicalKey } from '@/lib/catalogue/by-url';
import { memo } from '@/lib/catalogue/cache';
import { isOnDomains, normaliseCanonicalUrl } from '@/lib/catalogue/canonical-url';
import { isPubliclyVisible, licensingColumns, notLicensableReason } from '@/lib/catalogue/rules';
import { currentRateCard } from '@/lib/rate-card';
import { DEFAULT_OPTIONS, liveQuote } from '@/lib/requests/options';
import { getSettings, publisherDomains } from '@/lib/settings';

/**
 * What the embeddable box, its iframe and the badge say about one article, by canonical URL.
 * Every view of every article page on the publisher's site asks for it, so it is read-only and
 * memoised per connection (dropped as soon as anything is written: a new rate card or a rights
 * change shows at once) on top of the HTTP cache the routes ask for.
 */
export type EmbedSummary =
  | { status: 'invalid' }
  /** Not in the catalogue (or not public): `ours` when on the publisher's domains. */
  | { status: 'unknown'; ours: boolean; url: string }
  | { status: 'unavailable'; title: string; slug: string; reason: string }
  | {
      status: 'available';
      title: string;
      slug: string;
      /** Starting price for the default use (web, a year, one country, commercial), minor units; null = staff quote. */
      from: number | null;
      currency: string;
      pictures: { included: number; excluded: number };
    };

const TTL_MS = 60_000;

export async function embedSummary(rawUrl: string, db: Db = getDb()): Promise<EmbedSummary> {
  const canonical = normaliseCanonicalUrl(rawUrl);
  if (!canonical) return { status: 'invalid' };
  return memo(db, `embed:${canonical.key}`, TTL_MS, () => compute(canonical.key, canonical.url, canonical.host, db));
}

async function compute(key: string, url: string, host: string, db: Db): Promise<EmbedSummary> {
  const id = articleIdByCanonicalKey(key, db);
  const row =
    id !== null
      ? db
          .select({ ...licensingColumns })
          .from(articles)
          .where(eq(articles.id, id))
          .get()
      : undefined;
  if (!row || !isPubliclyVisible(row)) {
    return { status: 'unknown', ours: isOnDomains(host, publisherDomains(getSettings(db))), url };
  }
  const reason = notLicensableReason(row);
  if (reason) return { status: 'unavailable', title: row.title, slug: row.slug, reason };
  const { card } = currentRateCard(db);
  const live = liveQuote(DEFAULT_OPTIONS, [row], card, 'commercial');
  const pics = db
    .select({ licensable: assets.licensable })
    .from(assets)
    .where(and(eq(assets.articleId, row.id), eq(assets.kind, 'image')))
    .all();
  const included = pics.filter((p) => p.licensable).length;
  return {
    status: 'available',
    title: row.title,
    slug: row.slug,
    from: live.quote?.total ?? null,
    currency: live.quote?.currency ?? card.currency,
    pictures: { included, excluded: pics.length - included },
  };
}

/** "£150", or "£150.50" when there are pence. */
export function formatFrom(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: minor % 100 ? 2 : 0,
  }).format(minor / 100);
}

/** One line about the pictures, for people (the box and the badge's title). */
export function picturesInWords(p: { included: number; excluded: number }): string {
  if (p.included + p.excluded === 0) return 'Text only: no pictures.';
  if (p.excluded === 0)
    return p.included === 1 ? 'Its picture is included.' : `All ${p.included} pictures are included.`;
  if (p.included === 0) return p.excluded === 1 ? 'Its picture is not included.' : 'Its pictures are not included.';
  return `${p.included} of ${p.included + p.excluded} pictures are included.`;
}

/** The cache the embed's routes ask for: short, then served stale while the next copy is fetched. */
export const EMBED_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

/**
 * The `url` parameter of the embed's routes: exactly one, and nothing else. Returns null for
 * anything else, which the routes answer with 400.
 */
export function embedUrlParam(search: URLSearchParams): string | null {
  const names = [...search.keys()];
  if (names.length !== 1 || names[0] !== 'url') return null;
  const url = search.get('url')!;
  return normaliseCanonicalUrl(url) ? url : null;
}
