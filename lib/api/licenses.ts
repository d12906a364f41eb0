import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { DOWNLOAD_FORMATS, licenses } from '@/db/schema';
import { AppError, ERROR_CODES, STATUS } from '@/lib/errors';
import { isDownloadFormat, serveCopy, type DownloadResult } from '@/lib/licenses/download';
import { expireDue } from '@/lib/licenses/expiry';
import { findLicense, type LicenseRow } from '@/lib/licenses/queries';
import { licenseState } from '@/lib/licenses/status';
import { siteUrl } from '@/lib/site';
import { noticesSince } from '@/lib/webhooks/notices';
import type { ApiCaller } from './auth';
import { decodeCursor, encodeCursor, parseLimit } from './cursor';
import type { ApiLicense, ApiLicenseList, ApiNoticeFeed } from './schemas';

/*
 * What a token may read: its organisation's licences, their copies and the notices feed. Every
 * function takes the caller and reads through its organisation only; another organisation's licence
 * is "not found", exactly like a code that does not exist.
 */

export const LICENSES_PAGE = 50;
export const NOTICES_PAGE = 100;

export function apiLicense(l: LicenseRow, now = new Date()): ApiLicense {
  const site = siteUrl();
  return {
    code: l.code,
    status: licenseState(l, now),
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    issuedAt: l.createdAt,
    fee: l.fee,
    currency: l.currency,
    paid: l.paidAt !== null,
    use: l.terms.use,
    territory: l.terms.territory,
    portion: l.terms.portion,
    duration: l.terms.duration,
    publicationName: l.terms.publicationName,
    articles: l.terms.articles.map((a) => ({ title: a.title, canonicalUrl: a.canonicalUrl })),
    links: {
      verification: `${site}/licenses/${l.code}`,
      copies: Object.fromEntries(
        DOWNLOAD_FORMATS.map((f) => [f, `${site}/api/v1/licenses/${l.code}/copies/${f}`]),
      ) as ApiLicense['links']['copies'],
    },
  };
}

/** GET /api/v1/licenses: newest first, by cursor (overdue licences are expired first, as on the pages). */
export async function listApiLicenses(
  caller: ApiCaller,
  params: URLSearchParams,
  db: Db = getDb(),
  now = new Date(),
): Promise<ApiLicenseList> {
  const before = decodeCursor('l', params.get('cursor'), 'cursor');
  const limit = parseLimit(params.get('limit'), LICENSES_PAGE, 200);
  await expireDue(db, now, caller.organizationId);
  const rows = db
    .select()
    .from(licenses)
    .where(and(eq(licenses.organizationId, caller.organizationId), before ? lt(licenses.id, before) : undefined))
    .orderBy(desc(licenses.id))
    .limit(limit + 1)
    .all() as LicenseRow[];
  const page = rows.slice(0, limit);
  return {
    data: page.map((l) => apiLicense(l, now)),
    nextCursor: rows.length > limit ? encodeCursor('l', page[page.length - 1]!.id) : null,
  };
}

/** The AppError code for a download refusal's HTTP status (402, 403, 404, 410 …). */
const codeFor = (status: number) => ERROR_CODES.find((c) => STATUS[c] === status) ?? 'invalid';

/**
 * GET /api/v1/licenses/{code}/copies/{format}: the same copy and the same locks (validity, withdrawn
 * articles, payment) as the signed-in download, logged with the token. Refusals become AppErrors.
 */
export async function apiCopy(
  caller: ApiCaller,
  code: string,
  format: string,
  db: Db = getDb(),
  now = new Date(),
): Promise<DownloadResult> {
  if (!isDownloadFormat(format)) {
    const message = `Choose a format: ${DOWNLOAD_FORMATS.join(', ')}.`;
    throw new AppError('invalid', message, { format: message });
  }
  const found = await findLicense(code, db);
  const license = found && found.organizationId === caller.organizationId ? found : undefined;
  const result = await serveCopy(
    license,
    format,
    {
      who: { role: 'publisher', organizationId: caller.organizationId },
      userId: caller.userId,
      tokenId: caller.tokenId,
    },
    db,
    now,
  );
  if (result.status !== 200) {
    const { error } = JSON.parse(String(result.body)) as { error: string };
    throw new AppError(codeFor(result.status), error);
  }
  return result;
}

/** GET /api/v1/notices?since=: the organisation's notices after the cursor, oldest first. */
export function apiNotices(caller: ApiCaller, params: URLSearchParams, db: Db = getDb()): ApiNoticeFeed {
  const since = decodeCursor('n', params.get('since'), 'since');
  const limit = parseLimit(params.get('limit'), NOTICES_PAGE, 500);
  const { items, lastId, hasMore } = noticesSince(caller.organizationId, since, limit, db);
  return { data: items, nextCursor: encodeCursor('n', lastId), hasMore };
}
