import { articleQuerySchema, queryObject, queryString } from '@/lib/validation/catalogue';

/**
 * Visitors (no session cookie) share one rendering of the catalogue and article pages, cached by
 * Next (ISR) under this internal prefix; proxy.ts rewrites their requests there. Signed-in users
 * keep the pages rendered per request (their header, organisation price, staff view).
 */
export const VISITOR_PREFIX = '/visitor';

/** The catalogue page with no filters at all. */
const ALL = 'all';

/**
 * The cached page that answers a visitor's GET, or null to render per request. The catalogue's
 * query becomes one path segment in canonical form (defaults dropped, parameters in a fixed order),
 * so equal searches share one cache entry; invalid parameters stay with the per-request page,
 * which explains them.
 */
export function visitorPath(pathname: string, search: URLSearchParams): string | null {
  if (pathname === '/articles') {
    const parsed = articleQuerySchema.safeParse(queryObject(search));
    if (!parsed.success) return null;
    const query = queryString(parsed.data).slice(1);
    // base64url: nothing in the segment for Next to decode differently in the page and metadata.
    const key = query ? Buffer.from(query).toString('base64url') : ALL;
    return `${VISITOR_PREFIX}/catalogue/${key}`;
  }
  const article = /^\/articles\/([^/]+)$/.exec(pathname);
  if (article) return `${VISITOR_PREFIX}/articles/${article[1]}`;
  return null;
}

/** The catalogue query back from the cached page's segment. */
export function catalogueParams(segment: string): Record<string, string> {
  return segment === ALL ? {} : queryObject(new URLSearchParams(Buffer.from(segment, 'base64url').toString()));
}
