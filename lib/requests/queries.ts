import 'server-only';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import {
  articles,
  licenseRequests,
  licenses,
  messages,
  organizations,
  requestArticles,
  requestEvents,
  users,
  type License,
  type LicenseRequest,
  type Message,
  type OrgType,
  type PublicUser,
  type RequestEvent,
  type RequestStatus,
  type RightsStatus,
  type Role,
} from '@/db/schema';
import { can } from '@/lib/auth/can';
import { articleCountsOfRequests, articlesOfRequests } from './articles';

export const REQUESTS_PER_PAGE = 20;

export type RequestArticleRef = {
  id: number;
  slug: string;
  title: string;
  premiumMilli: number;
  rightsStatus: RightsStatus;
  canonicalUrl: string;
};

export type RequestListRow = Pick<
  LicenseRequest,
  | 'reference'
  | 'status'
  | 'use'
  | 'publicationName'
  | 'quoteTotal'
  | 'counterFee'
  | 'agreedFee'
  | 'currency'
  | 'createdAt'
  | 'updatedAt'
  | 'decidedAt'
> & {
  /** The first ones (lib/requests/articles.ts LISTED_ARTICLES); `articleCount` says how many in all. */
  articles: { slug: string; title: string }[];
  articleCount: number;
  /** A catalogue-licence request (its articles are a selection's). */
  catalogue: boolean;
};

export type RequestPage = {
  rows: RequestListRow[];
  total: number;
  page: number;
  pageCount: number;
  perPage: number;
  /** How many requests the organisation has in each status (for the filter). */
  byStatus: Partial<Record<RequestStatus, number>>;
};

/** One page of an organisation's requests: those waiting for its answer first, then newest first. Out-of-range pages are clamped. */
export function listOrgRequests(
  organizationId: number,
  opts: { status?: RequestStatus; page?: number; perPage?: number } = {},
  db: Db = getDb(),
): RequestPage {
  const perPage = opts.perPage ?? REQUESTS_PER_PAGE;
  const conditions: SQL[] = [eq(licenseRequests.organizationId, organizationId)];
  if (opts.status) conditions.push(eq(licenseRequests.status, opts.status));
  const where = and(...conditions);

  const byStatus = Object.fromEntries(
    db
      .select({ status: licenseRequests.status, n: count() })
      .from(licenseRequests)
      .where(eq(licenseRequests.organizationId, organizationId))
      .groupBy(licenseRequests.status)
      .all()
      .map((r) => [r.status, r.n]),
  ) as RequestPage['byStatus'];
  const total = opts.status ? (byStatus[opts.status] ?? 0) : Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1) || 1), pageCount);

  const rows = db
    .select({
      id: licenseRequests.id,
      reference: licenseRequests.reference,
      status: licenseRequests.status,
      use: licenseRequests.use,
      publicationName: licenseRequests.publicationName,
      quoteTotal: licenseRequests.quoteTotal,
      counterFee: licenseRequests.counterFee,
      agreedFee: licenseRequests.agreedFee,
      currency: licenseRequests.currency,
      createdAt: licenseRequests.createdAt,
      updatedAt: licenseRequests.updatedAt,
      decidedAt: licenseRequests.decidedAt,
      catalogue: sql<number>`${licenseRequests.selection} is not null`,
    })
    .from(licenseRequests)
    .where(where)
    // A counter-offer waits for the organisation's answer: it comes first, then newest first.
    .orderBy(
      sql`case when ${licenseRequests.status} = 'countered' then 0 else 1 end`,
      desc(licenseRequests.createdAt),
      desc(licenseRequests.id),
    )
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();

  const arts = articlesOfRequests(
    rows.map((r) => r.id),
    db,
  );
  const counts = articleCountsOfRequests(
    rows.map((r) => r.id),
    db,
  );
  return {
    rows: rows.map(({ id, catalogue, ...r }) => ({
      ...r,
      articles: arts.get(id)!,
      articleCount: counts.get(id)!,
      catalogue: Boolean(catalogue),
    })),
    total,
    page,
    pageCount,
    perPage,
    byStatus,
  };
}

/** The fee that currently applies: agreed, else the counter-offer on the table, else the quote. */
export function currentFee(
  r: Pick<LicenseRequest, 'quoteTotal' | 'counterFee' | 'agreedFee' | 'status'>,
): number | null {
  if (r.agreedFee !== null) return r.agreedFee;
  if (r.status === 'countered' && r.counterFee !== null) return r.counterFee;
  return r.quoteTotal;
}

/** How many of a catalogue request's articles its pages list. */
export const CATALOGUE_PREVIEW = 20;

export type RequestView = {
  request: LicenseRequest;
  organization: { id: number; name: string; type: OrgType; country: string; flagged: boolean };
  requester: { id: number; name: string; email: string };
  /** In order; for a catalogue request only the first CATALOGUE_PREVIEW of them (see articleCount). */
  articles: RequestArticleRef[];
  /** How many articles the request holds (a catalogue request may hold thousands). */
  articleCount: number;
  /** Oldest first; actor null = the system (auto-approval, expiry). */
  events: (RequestEvent & { actorName: string | null; actorRole: Role | null })[];
  messages: (Message & { authorName: string; authorRole: Role })[];
  license: License | null;
};

/**
 * Everything a request page shows, for a viewer allowed to see it: staff see any request,
 * publishers their own organisation's. Anyone else gets undefined, exactly as for a reference
 * that does not exist, so references cannot be probed.
 */
export function getRequestForViewer(
  reference: string,
  viewer: PublicUser | null,
  db: Db = getDb(),
): RequestView | undefined {
  if (!viewer) return undefined;
  const request = db.select().from(licenseRequests).where(eq(licenseRequests.reference, reference)).get();
  if (!request) return undefined;
  if (!can(viewer, 'staff') && (viewer.organizationId === null || viewer.organizationId !== request.organizationId))
    return undefined;

  const organization = db
    .select({
      id: organizations.id,
      name: organizations.name,
      type: organizations.type,
      country: organizations.country,
      flagged: organizations.flagged,
    })
    .from(organizations)
    .where(eq(organizations.id, request.organizationId))
    .get()!;
  const requester = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, request.requesterId))
    .get()!;
  const arts = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      premiumMilli: articles.premiumMilli,
      rightsStatus: articles.rightsStatus,
      canonicalUrl: articles.canonicalUrl,
    })
    .from(requestArticles)
    .innerJoin(articles, eq(articles.id, requestArticles.articleId))
    .where(eq(requestArticles.requestId, request.id))
    .orderBy(asc(requestArticles.position))
    // A catalogue request's pages show its first articles and the count, never thousands of rows.
    .limit(request.selection ? CATALOGUE_PREVIEW : -1)
    .all();
  const articleCount = request.selection
    ? (db.select({ n: count() }).from(requestArticles).where(eq(requestArticles.requestId, request.id)).get()?.n ?? 0)
    : arts.length;
  const events = db
    .select({ event: requestEvents, actorName: users.name, actorRole: users.role })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, request.id))
    .orderBy(asc(requestEvents.id))
    .all()
    .map((r) => ({ ...r.event, actorName: r.actorName, actorRole: r.actorRole }));
  const thread = db
    .select({ message: messages, authorName: users.name, authorRole: users.role })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.requestId, request.id))
    .orderBy(asc(messages.id))
    .all()
    .map((r) => ({ ...r.message, authorName: r.authorName, authorRole: r.authorRole }));
  const license = db.select().from(licenses).where(eq(licenses.requestId, request.id)).get() ?? null;
  return { request, organization, requester, articles: arts, articleCount, events, messages: thread, license };
}

/** The organisation a publisher acts for (its type prices their quotes). */
export function getOrganization(id: number, db: Db = getDb()) {
  return db.select().from(organizations).where(eq(organizations.id, id)).get();
}
