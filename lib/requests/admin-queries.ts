import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles, assets, licenseRequests, licenses, organizations, rateCards, type PublicUser } from '@/db/schema';
import { can } from '@/lib/auth/can';
import type { Quote } from '@/lib/quote';
import { flaggedDaysOf } from '@/lib/licenses/usage';
import { getRequestForViewer } from './queries';

// Staff-side extras for the review page, on top of the shared request view
// (lib/requests/queries.ts getRequestForViewer): the articles' assets and state, the rate-card
// version, the organisation's history and flags.

/** Everything the review page shows about one request; undefined for non-staff or no such request. */
export async function getRequestForStaff(reference: string, user: PublicUser | null, db: Db = getDb()) {
  if (!can(user, 'staff')) return undefined;
  const view = getRequestForViewer(reference, user, db);
  if (!view) return undefined;
  const ids = view.articles.map((a) => a.id);
  const extra = ids.length
    ? db
        .select({
          id: articles.id,
          byline: articles.byline,
          state: articles.state,
          hidden: articles.hidden,
          embargoUntil: articles.embargoUntil,
        })
        .from(articles)
        .where(inArray(articles.id, ids))
        .all()
    : [];
  const assetRows = ids.length
    ? db
        .select({
          articleId: assets.articleId,
          kind: assets.kind,
          caption: assets.caption,
          credit: assets.credit,
          rightsHolder: assets.rightsHolder,
          licensable: assets.licensable,
        })
        .from(assets)
        .where(inArray(assets.articleId, ids))
        .orderBy(asc(assets.position))
        .all()
    : [];
  const rateCard = db
    .select({ version: rateCards.version, createdAt: rateCards.createdAt })
    .from(rateCards)
    .where(eq(rateCards.version, view.request.rateCardVersion))
    .get();
  const flag = db
    .select({ flagged: organizations.flagged, flagReason: organizations.flagReason, domains: organizations.domains })
    .from(organizations)
    .where(eq(organizations.id, view.organization.id))
    .get();
  return {
    ...view,
    // Imported or synthetic history may carry no breakdown; the page says so instead of failing.
    quote: Array.isArray((view.request.quote as Quote | null)?.lines) ? (view.request.quote as Quote) : null,
    organization: { ...view.organization, flagReason: flag?.flagReason ?? null, domains: flag?.domains ?? [] },
    articles: view.articles.map((a) => ({
      ...a,
      ...extra.find((x) => x.id === a.id),
      assets: assetRows.filter((x) => x.articleId === a.id),
    })),
    rateCard,
    history: organizationHistory(view.organization.id, view.request.id, db),
  };
}

export type StaffRequestView = NonNullable<Awaited<ReturnType<typeof getRequestForStaff>>>;

/** The organisation's record on the desk: earlier requests, licences, flags. */
export function organizationHistory(orgId: number, exceptRequestId: number, db: Db = getDb()) {
  const fee = sql<
    number | null
  >`coalesce(${licenseRequests.agreedFee}, ${licenseRequests.counterFee}, ${licenseRequests.quoteTotal})`;
  const earlier = db
    .select({
      reference: licenseRequests.reference,
      status: licenseRequests.status,
      createdAt: licenseRequests.createdAt,
      fee,
      currency: licenseRequests.currency,
    })
    .from(licenseRequests)
    .where(and(eq(licenseRequests.organizationId, orgId), ne(licenseRequests.id, exceptRequestId)))
    .orderBy(desc(licenseRequests.createdAt))
    .limit(10)
    .all();
  const requestCount = db
    .select({ n: count() })
    .from(licenseRequests)
    .where(eq(licenseRequests.organizationId, orgId))
    .get()!.n;
  const licenseRows = db
    .select({
      code: licenses.code,
      status: licenses.status,
      fee: licenses.fee,
      currency: licenses.currency,
      validUntil: licenses.validUntil,
      createdAt: licenses.createdAt,
      reference: licenseRequests.reference,
    })
    .from(licenses)
    .innerJoin(licenseRequests, eq(licenseRequests.id, licenses.requestId))
    .where(eq(licenses.organizationId, orgId))
    .orderBy(desc(licenses.createdAt))
    .limit(10)
    .all();
  const licenseCounts = db
    .select({ status: licenses.status, n: count() })
    .from(licenses)
    .where(eq(licenses.organizationId, orgId))
    .groupBy(licenses.status)
    .all();
  // From the usage counts: one flag per host and day of reads outside the licence.
  const flaggedDays = flaggedDaysOf(orgId, db);
  return { earlier, requestCount, licences: licenseRows, licenseCounts, flaggedDays };
}
