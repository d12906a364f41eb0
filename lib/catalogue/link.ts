import 'server-only';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { articles, DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, ARTICLE_USES } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { publisherDomains, getSettings } from '@/lib/settings';
import { articleIdByCanonicalKey } from './by-url';
import { isOnDomains, isTrackingParam, normaliseCanonicalUrl, type CanonicalUrl } from './canonical-url';
import { isPubliclyVisible } from './rules';

/**
 * The publisher's stable link to an article, by the canonical URL its CMS knows:
 * GET /r?url=<canonical URL>[&use=…&audience=…&territory=…&duration=…&portion=…&translation=1&licenseeType=…]
 * The options pre-fill the article page's calculator.
 */
const OPTION_KEYS = ['use', 'audience', 'territory', 'duration', 'portion', 'translation', 'licenseeType'] as const;

export const linkQuerySchema = z.strictObject({
  url: z
    .string({ message: 'The link needs the article’s address: /r?url=…' })
    .min(1, 'The link needs the article’s address: /r?url=…'),
  use: z.enum(ARTICLE_USES, { message: 'Unknown use.' }).optional(),
  audience: z
    .string()
    .regex(/^\d{1,11}$/, 'The audience must be a whole number.')
    .optional(),
  territory: z.enum(TERRITORIES, { message: 'Unknown territory.' }).optional(),
  duration: z.enum(DURATIONS, { message: 'Unknown duration.' }).optional(),
  portion: z.enum(PORTIONS, { message: 'Unknown portion.' }).optional(),
  translation: z.enum(['0', '1'], { message: 'Translation is 0 or 1.' }).optional(),
  licenseeType: z.enum(ORG_TYPES, { message: 'Unknown licensee type.' }).optional(),
});
export type LinkQuery = z.infer<typeof linkQuerySchema>;

export type LinkOutcome =
  | { kind: 'invalid'; reason: string }
  /** A path on this site, always starting with a single "/". */
  | { kind: 'article'; location: string }
  | { kind: 'ours-unlisted'; canonical: CanonicalUrl }
  | { kind: 'not-ours'; canonical: CanonicalUrl };

/**
 * Reads the query strictly: each parameter at most once, nothing unknown (tracking parameters
 * added to the link itself are tolerated and dropped), values from the fixed lists.
 */
export function parseLinkQuery(
  search: URLSearchParams,
): { ok: true; query: LinkQuery; canonical: CanonicalUrl } | { ok: false; reason: string } {
  const seen: Record<string, string> = {};
  for (const [name, value] of search) {
    if (isTrackingParam(name)) continue;
    if (name in seen) return { ok: false, reason: `The parameter “${name.slice(0, 40)}” is given twice.` };
    seen[name] = value;
  }
  const parsed = linkQuerySchema.safeParse(seen);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys')
      return { ok: false, reason: `Unknown parameter “${String(issue.keys[0]).slice(0, 40)}”.` };
    return { ok: false, reason: issue?.message ?? 'The link is not valid.' };
  }
  const canonical = normaliseCanonicalUrl(parsed.data.url);
  if (!canonical)
    return { ok: false, reason: 'The address must be a full web address starting with http:// or https://.' };
  return { ok: true, query: parsed.data, canonical };
}

/** Where /r sends the visitor. Reads only: a link followed a million times writes nothing. */
export async function resolveLink(search: URLSearchParams, db: Db = getDb()): Promise<LinkOutcome> {
  const parsed = parseLinkQuery(search);
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
  const { canonical, query } = parsed;
  const id = articleIdByCanonicalKey(canonical.key, db);
  if (id !== null) {
    const row = db
      .select({ slug: articles.slug, hidden: articles.hidden, embargoUntil: articles.embargoUntil })
      .from(articles)
      .where(eq(articles.id, id))
      .get();
    // A hidden or embargoed article is not shown to the public: to them it is not listed yet.
    if (row && isPubliclyVisible(row)) return { kind: 'article', location: articleLocation(row.slug, query) };
  }
  const domains = publisherDomains(getSettings(db));
  return isOnDomains(canonical.host, domains) ? { kind: 'ours-unlisted', canonical } : { kind: 'not-ours', canonical };
}

/** The article page with the options carried along (the calculator reads them). */
export function articleLocation(slug: string, query: Partial<LinkQuery>): string {
  const p = new URLSearchParams();
  for (const k of OPTION_KEYS) {
    const v = query[k];
    if (v) p.set(k, v);
  }
  const qs = p.toString();
  return `/articles/${encodeURIComponent(slug)}${qs ? `?${qs}` : ''}`;
}
