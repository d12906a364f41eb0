import 'server-only';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import {
  OPEN_QUEUE_CONDITION,
  organizations,
  REQUEST_STATUSES,
  requestStatusCounts,
  type RequestStatus,
  type Use,
} from '@/db/schema';
import { QUEUE_PAGE_SIZE, type QueueFilters } from '@/lib/validation/admin-queue';
import { normalizeLicenseCode } from '@/lib/licenses/code';
import { articleCountsOfRequests, articlesOfRequests } from './articles';
import { OPEN_STATUSES } from './machine';

export type QueueRow = {
  id: number;
  reference: string;
  status: RequestStatus;
  createdAt: string;
  use: Use;
  /** The fee in play: agreed, else countered, else quoted; null = staff quote. */
  fee: number | null;
  currency: string;
  requiresReview: boolean;
  organizationId: number;
  organization: string;
  /** The first ones (lib/requests/articles.ts LISTED_ARTICLES); `articleCount` says how many in all. */
  articles: { slug: string; title: string }[];
  articleCount: number;
};

export type QueuePage = {
  rows: QueueRow[];
  page: number;
  hasNext: boolean;
  /** Known only when the filters are a status at most (read from the counters); else null. */
  total: number | null;
  /** The search named one request (reference or licence code), so every status was searched. */
  everyStatus: boolean;
  /** When a search found nothing in the chosen status: how many requests of any status match it. */
  otherStatusMatches: number;
};

export type StatusCounts = Record<RequestStatus, number> & { open: number; all: number };

/** Per-status counts from the trigger-maintained counter table: one read of at most eight rows. */
export function statusCounts(db: Db = getDb()): StatusCounts {
  const out = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const r of db.select().from(requestStatusCounts).all()) out[r.status] = r.n;
  out.open = OPEN_STATUSES.reduce((n, s) => n + out[s], 0);
  out.all = REQUEST_STATUSES.reduce((n, s) => n + out[s], 0);
  return out;
}

const FEE = sql`coalesce(r.agreed_fee, r.counter_fee, r.quote_total)`;

/** Organisations whose name contains `q` (for the queue search), capped: a search, not an export. */
function orgsMatching(db: Db, q: string): number[] {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`${organizations.name} like ${pattern} escape '\\'`)
    .limit(500)
    .all()
    .map((o) => o.id);
}

/**
 * A search that names one request — its reference (RR-2026-000123, or its start) or its licence's
 * code (LIC-…) — finds it whatever its status: staff looking up a reference want that request,
 * not the status filter's opinion of it.
 */
export function exactSearch(q: string | undefined): { reference: string } | { licenseCode: string } | null {
  const t = q?.trim() ?? '';
  if (/^rr-/i.test(t)) return { reference: t.toUpperCase() };
  const code = /^lic/i.test(t) ? normalizeLicenseCode(t) : null;
  return code ? { licenseCode: code } : null;
}

/** WHERE terms for the queue and the CSV export; `from` names the table and, for the open view, its index. */
export function queueWhere(db: Db, filters: Omit<QueueFilters, 'page' | 'sort'>): { from: SQL; where: SQL } {
  const exact = exactSearch(filters.q);
  const f = exact ? { ...filters, status: 'all' as const } : filters;
  const terms: SQL[] = [];
  let from = sql`license_requests r`;
  if (exact && 'licenseCode' in exact) {
    terms.push(sql`r.id in (select request_id from licenses where code = ${exact.licenseCode})`);
  } else if (f.status === 'open') {
    // The partial index holds exactly the open requests, in date order: paging through it never
    // touches decided ones. SQLite only uses it for this exact condition, so it is named, not inferred.
    from = sql`license_requests r indexed by requests_open_created`;
    terms.push(sql.raw(`r.${OPEN_QUEUE_CONDITION}`));
  } else if (f.status !== 'all') {
    terms.push(sql`r.status = ${f.status}`);
  }
  if (f.org) terms.push(sql`r.organization_id = ${f.org}`);
  if (f.use) terms.push(sql`r.use = ${f.use}`);
  if (f.feeMin !== undefined) terms.push(sql`${FEE} >= ${f.feeMin}`);
  if (f.feeMax !== undefined) terms.push(sql`${FEE} <= ${f.feeMax}`);
  if (f.from) terms.push(sql`r.created_at >= ${`${f.from}T00:00:00.000Z`}`);
  if (f.to) terms.push(sql`r.created_at < ${new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000).toISOString()}`);
  if (f.q && !(exact && 'licenseCode' in exact)) {
    const q = f.q.trim();
    const ref = /^rr-/i.test(q) ? q.toUpperCase() : /^\d{1,9}$/.test(q) ? null : undefined;
    if (ref) {
      // A prefix range on the unique reference index, not a LIKE scan.
      terms.push(sql`r.reference >= ${ref} and r.reference < ${`${ref}\uffff`}`);
    } else if (ref === null) {
      // Digits alone: the number part of a reference (RR-2026-000123 → 123), or an organisation name.
      const ids = orgsMatching(db, q);
      terms.push(
        sql`(r.id = ${Number(q)} or r.organization_id in (${
          ids.length
            ? sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )
            : sql`null`
        }))`,
      );
    } else {
      const ids = orgsMatching(db, q);
      // No match is a condition on a column, not a constant `0`: SQLite drops a constant-false
      // WHERE before planning, and the open view's `indexed by` then has no plan (a 500).
      terms.push(
        sql`r.organization_id in (${
          ids.length
            ? sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )
            : sql`null`
        })`,
      );
    }
  }
  return { from, where: terms.length ? sql.join(terms, sql` and `) : sql`1` };
}

/**
 * One page of the staff queue. Reads PAGE_SIZE + 1 rows along an index in date order (to know
 * whether a next page exists) instead of counting the matches: the default view costs the same
 * at two thousand requests as at two hundred thousand.
 */
export async function listQueue(f: QueueFilters, db: Db = getDb()): Promise<QueuePage> {
  const { from, where } = queueWhere(db, f);
  const dir = f.sort === 'newest' ? sql`desc` : sql`asc`;
  const offset = (f.page - 1) * QUEUE_PAGE_SIZE;
  // SQLite answers booleans as 0/1; names and articles are added below.
  const raw = db.all<
    Omit<QueueRow, 'requiresReview' | 'organization' | 'articles'> & { requiresReview: number }
  >(sql`select r.id, r.reference, r.status, r.created_at as createdAt, r.use, ${FEE} as fee, r.currency,
      r.requires_review as requiresReview, r.organization_id as organizationId
    from ${from} where ${where}
    order by r.created_at ${dir}, r.id ${dir}
    limit ${QUEUE_PAGE_SIZE + 1} offset ${offset}`);
  const pageRows = raw.slice(0, QUEUE_PAGE_SIZE);
  const ids = pageRows.map((r) => r.id);
  const orgIds = [...new Set(pageRows.map((r) => r.organizationId))];
  const orgNames = new Map(
    orgIds.length
      ? db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, orgIds))
          .all()
          .map((o) => [o.id, o.name])
      : [],
  );
  const arts = articlesOfRequests(ids, db);
  const counts = articleCountsOfRequests(ids, db);
  const rows: QueueRow[] = pageRows.map((r) => ({
    ...r,
    requiresReview: Boolean(r.requiresReview),
    organization: orgNames.get(r.organizationId) ?? '—',
    articles: arts.get(r.id)!,
    articleCount: counts.get(r.id)!,
  }));

  const onlyStatus = !f.org && !f.use && f.feeMin === undefined && f.feeMax === undefined && !f.from && !f.to && !f.q;
  const total = onlyStatus ? statusCounts(db)[f.status] : null;
  const everyStatus = exactSearch(f.q) !== null;
  let otherStatusMatches = 0;
  if (f.q && !everyStatus && f.status !== 'all' && rows.length === 0 && f.page === 1) {
    // A search that misses in this status may hit closed requests: say so rather than "nothing".
    const all = queueWhere(db, { ...f, status: 'all' });
    otherStatusMatches =
      db.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${all.from} where ${all.where} limit 1000)`)
        ?.n ?? 0;
  }
  return { rows, page: f.page, hasNext: raw.length > QUEUE_PAGE_SIZE, total, everyStatus, otherStatusMatches };
}

/** Organisation facts for the queue's "filtered by organisation" chip. */
export function organizationName(id: number, db: Db = getDb()): string | undefined {
  return db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id)).get()?.name;
}
