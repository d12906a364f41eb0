import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles, licenseExports } from '@/db/schema';
import type { ApiCaller } from '@/lib/api/auth';
import { ApiRefusal } from '@/lib/api/auth';
import { decodeCursor, encodeCursor, parseLimit } from '@/lib/api/cursor';
import { consume, dbLimiter, secondsBlocked } from '@/lib/auth/limits';
import { AppError, notFound } from '@/lib/errors';
import { prepareArticles } from '@/lib/licenses/copy';
import { copyRights } from '@/lib/licenses/copy-rights';
import { downloadRefusal } from '@/lib/licenses/download';
import { ninjsExportLine } from '@/lib/licenses/ninjs';
import { findLicense, type LicenseRow } from '@/lib/licenses/queries';
import { signedVerification } from '@/lib/licenses/signed';
import { getSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { EXPORT_ITEMS_PER_MINUTE, EXPORT_MAX_PAGE, EXPORT_PAGE } from './export-limits';
import { catalogueTermsOf, exportPage } from './licensed';

/*
 * GET /api/v1/licenses/{code}/export (and /api/licenses/{code}/export, the address): a
 * catalogue licence's articles as NDJSON, one ninjs item a line, text only (docs/DESIGN.md § AI and
 * catalogue licences). Only a token of the licence's organisation; only a licence in force and, when
 * payment is required, paid — the same refusals as a copy's download. Pages run by article id: the
 * cursor is the last id sent, so a client walking `Link: rel="next"` sees each item once.
 */

export { EXPORT_ITEMS_PER_MINUTE, EXPORT_MAX_PAGE, EXPORT_PAGE };
/** Articles rendered per chunk of the stream: memory stays flat whatever the page size. */
const CHUNK = 100;

export type ExportResponse = { headers: Record<string, string>; body: ReadableStream<Uint8Array>; items: number };

/** The licence behind `code` if the caller may export it now; otherwise the AppError saying why. */
async function exportableLicense(caller: ApiCaller, code: string, db: Db, now: Date): Promise<LicenseRow> {
  const found = await findLicense(code, db);
  // Another organisation's licence answers exactly like an unknown code.
  if (!found || found.organizationId !== caller.organizationId) throw notFound('No licence with this code.');
  if (!catalogueTermsOf(found))
    throw new AppError(
      'not_found',
      'This licence is not a catalogue licence: its copies are at /api/v1/licenses/{code}/copies/{format}.',
    );
  // No per-article lock: a withdrawn article is left out of the export instead of stopping it.
  const refusal = downloadRefusal(
    found,
    { role: 'publisher', organizationId: caller.organizationId },
    [],
    getSettings(db),
    now,
  );
  if (refusal)
    throw new AppError(
      refusal.status === 402 ? 'payment_required' : refusal.status === 410 ? 'gone' : 'forbidden',
      refusal.reason,
    );
  return found;
}

async function takeItems(caller: ApiCaller, items: number, db: Db): Promise<void> {
  const limiter = dbLimiter({ keyPrefix: 'api_export', points: EXPORT_ITEMS_PER_MINUTE, duration: 60 }, db);
  if (await consume(limiter, String(caller.tokenId), Math.max(1, items))) return;
  const wait = Math.max(1, await secondsBlocked(limiter, String(caller.tokenId)));
  throw new ApiRefusal(
    'rate_limited',
    `This token has exported its ${EXPORT_ITEMS_PER_MINUTE.toLocaleString('en-GB')} items for this minute: try again in ${wait} s.`,
    {
      'Retry-After': String(wait),
    },
  );
}

/**
 * Checks, picks the page, logs the call (licence, token, cursor, items, address), then streams the
 * items. The page's ids are fixed before the first byte, so the log and the Link header are exact.
 */
export async function exportCatalogue(
  caller: ApiCaller,
  code: string,
  params: URLSearchParams,
  address: string,
  db: Db = getDb(),
  now = new Date(),
): Promise<ExportResponse> {
  const cursor = params.get('cursor') ?? '';
  const after = decodeCursor('e', cursor, 'cursor');
  const limit = parseLimit(params.get('limit'), EXPORT_PAGE, EXPORT_MAX_PAGE);
  const license = await exportableLicense(caller, code, db, now);
  const { ids, hasMore } = exportPage(license, db, after, limit, now);
  await takeItems(caller, ids.length, db);
  db.insert(licenseExports)
    .values({
      licenseId: license.id,
      tokenId: caller.tokenId,
      cursor,
      items: ids.length,
      address,
      createdAt: now.toISOString(),
    })
    .run();

  const site = siteUrl();
  const signed = await signedVerification(license.code, db, now);
  if (!signed) throw new Error(`licence ${license.code} vanished during its export`);
  const rights = copyRights(license, site, {
    jws: signed.jws,
    takedownHours: signed.license.takedownHours,
    verifyUrl: signed.license.verifyUrl,
    apiUrl: signed.license.apiUrl,
  });
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (hasMore) {
    const next = new URL(`${site}/api/v1/licenses/${license.code}/export`);
    next.searchParams.set('cursor', encodeCursor('e', ids[ids.length - 1]!));
    if (params.get('limit')) next.searchParams.set('limit', String(limit));
    headers.Link = `<${next.toString()}>; rel="next"`;
  }

  const encoder = new TextEncoder();
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= ids.length) return controller.close();
      const chunk = ids.slice(at, at + CHUNK);
      at += chunk.length;
      const rows = db.select().from(articles).where(inArray(articles.id, chunk)).all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      // No assets: every picture is left out of the body, so the items are text only.
      const ordered = chunk.flatMap((id) => (byId.has(id) ? [{ ...byId.get(id)!, assets: [] }] : []));
      const lines = prepareArticles(license, ordered, site).map((a) => ninjsExportLine(a, rights));
      controller.enqueue(encoder.encode(lines.join('')));
    },
  });
  return { headers, body, items: ids.length };
}
