import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import type { QueueFilters } from '@/lib/validation/admin-queue';
import { queueWhere } from './queue';

export type Cell = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would read as a formula (= + - @, or a
 * leading tab / carriage return) gets a leading apostrophe, so an organisation called
 * "=HYPERLINK(…)" stays text. Numbers are written as numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

const pounds = (minor: number | null) => (minor === null ? null : Number((minor / 100).toFixed(2)));

export const CSV_HEADER = [
  'reference',
  'submitted_at',
  'status',
  'organisation',
  'organisation_type',
  'requester_email',
  'use',
  'publication',
  'publication_url',
  'audience',
  'territory',
  'territory_detail',
  'duration',
  'start_date',
  'portion',
  'translation',
  'quoted_fee',
  'counter_fee',
  'agreed_fee',
  'currency',
  'rate_card_version',
  'articles',
  'decided_at',
  'licence_code',
  'licence_status',
];

type Row = {
  id: number;
  reference: string;
  createdAt: string;
  status: string;
  organization: string;
  orgType: string;
  email: string | null;
  use: string;
  publicationName: string;
  publicationUrl: string;
  audience: number;
  territory: string;
  territoryDetail: string;
  duration: string;
  startDate: string;
  portion: string;
  translation: number;
  translationLanguage: string | null;
  quoteTotal: number | null;
  counterFee: number | null;
  agreedFee: number | null;
  currency: string;
  rateCardVersion: number;
  articles: string | null;
  decidedAt: string | null;
  code: string | null;
  licenseStatus: string | null;
};

const BATCH = 1000;

/**
 * The requests matching the queue's filters as CSV, oldest first, produced in batches. Each batch
 * is a complete keyset query, so the one shared connection is never left mid-iteration while
 * the response streams.
 */
export async function* requestsCsv(f: Omit<QueueFilters, 'page' | 'sort'>, db: Db = getDb()): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(CSV_HEADER)}`; // BOM: spreadsheets then read the file as UTF-8
  const { from, where } = queueWhere(db, f);
  let after: { createdAt: string; id: number } | null = null;
  for (;;) {
    const key: SQL = after
      ? sql`and (r.created_at > ${after.createdAt} or (r.created_at = ${after.createdAt} and r.id > ${after.id}))`
      : sql``;
    const rows: Row[] =
      db.all<Row>(sql`select r.id, r.reference, r.created_at as createdAt, r.status, o.name as organization, o.type as orgType,
        u.email, r.use, r.publication_name as publicationName, r.publication_url as publicationUrl, r.audience, r.territory,
        r.territory_detail as territoryDetail, r.duration, r.start_date as startDate, r.portion, r.translation,
        r.translation_language as translationLanguage, r.quote_total as quoteTotal, r.counter_fee as counterFee, r.agreed_fee as agreedFee,
        r.currency, r.rate_card_version as rateCardVersion, r.decided_at as decidedAt, l.code, l.status as licenseStatus,
        (select group_concat(a.title, ' | ') from request_articles ra join articles a on a.id = ra.article_id where ra.request_id = r.id) as articles
      from ${from} join organizations o on o.id = r.organization_id left join users u on u.id = r.requester_id
        left join licenses l on l.request_id = r.id
      where ${where} ${key}
      order by r.created_at, r.id limit ${BATCH}`);
    if (!rows.length) return;
    yield rows
      .map((r) =>
        csvLine([
          r.reference,
          r.createdAt,
          r.status,
          r.organization,
          r.orgType,
          r.email,
          r.use,
          r.publicationName,
          r.publicationUrl,
          r.audience,
          r.territory,
          r.territoryDetail,
          r.duration,
          r.startDate,
          r.portion,
          r.translation ? r.translationLanguage || 'yes' : 'no',
          pounds(r.quoteTotal),
          pounds(r.counterFee),
          pounds(r.agreedFee),
          r.currency,
          r.rateCardVersion,
          r.articles,
          r.decidedAt,
          r.code,
          r.licenseStatus,
        ]),
      )
      .join('');
    if (rows.length < BATCH) return;
    const last: Row = rows.at(-1)!;
    after = { createdAt: last.createdAt, id: last.id };
    // Let other requests use the connection between batches.
    await new Promise((r) => setImmediate(r));
  }
}
