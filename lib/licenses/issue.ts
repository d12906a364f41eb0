import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Conn } from '@/db/client';
import { placeholders, preparedFor } from '@/db/prepared';
import {
  articles,
  licenses,
  organizations,
  requestArticles,
  type Duration,
  type License,
  type LicenseRequest,
  type CatalogueSelection,
  type OrgType,
} from '@/db/schema';
import { selectionArticleIds } from '@/lib/catalogue-licences/selection';
import { createInvoice } from '@/lib/invoices/create';
import type { SiteSettings } from '@/lib/settings';
import { generateLicenseCode } from './code';
import { creditLine, licenseTerms } from './terms';

/** Everything agreed, frozen at approval: later edits to articles or rate cards never change it. */
export type LicenseTerms = {
  reference: string;
  publisher: { name: string; url: string };
  /** `legalName`: the billing profile's legal name when the licence was issued (absent on older licences). */
  licensee: { name: string; legalName?: string | null; type: OrgType; country: string; domains: string[] };
  articles: { id: number; slug: string; title: string; byline: string; canonicalUrl: string }[];
  use: LicenseRequest['use'];
  publicationName: string;
  publicationUrl: string;
  audience: number;
  territory: LicenseRequest['territory'];
  territoryDetail: string;
  duration: Duration;
  portion: LicenseRequest['portion'];
  translation: boolean;
  translationLanguage: string | null;
  fee: number;
  currency: string;
  terms: string[];
  /** Hours to take a copy down after a kill notice (absent on licences issued before the duty was written down). */
  takedownHours?: number;
  /**
   * A catalogue licence (docs/DESIGN.md § AI and catalogue licences): its filters and how many articles
   * it held at issue. `articles` is then empty — the ids are the request's request_articles, replaced
   * at issue; an ongoing one also covers matching articles published while it runs.
   */
  catalogue?: { selection: CatalogueSelection; articleCount: number; ongoing: boolean };
};

export function validUntil(startDate: string, duration: Duration): string | null {
  if (duration === 'perpetual') return null;
  const d = new Date(`${startDate}T00:00:00.000Z`);
  if (duration === '30d') d.setUTCDate(d.getUTCDate() + 30);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString();
}

/**
 * Issues the request's licence, and its invoice when it has a fee, inside the caller's open
 * transaction on `db` (one per request: unique index). `actorId` is who approved (null: the system).
 */
export function issueLicense(
  db: Conn,
  req: LicenseRequest,
  fee: number,
  settings: SiteSettings,
  now: Date,
  actorId: number | null = null,
): License {
  const org = orgById(db).get({ id: req.organizationId })!;
  // A catalogue licence covers the selection as it stands now, not as it was quoted.
  const articleCount = req.selection ? replaceWithSelection(db, req, req.selection, settings, now) : 0;
  const arts = req.selection ? [] : requestArticleList(db).all({ requestId: req.id });
  const code = generateLicenseCode();
  const terms: LicenseTerms = {
    reference: req.reference,
    publisher: { name: settings.publisherName, url: settings.publisherUrl },
    licensee: {
      name: org.name,
      legalName: org.legalName,
      type: org.type,
      country: org.country,
      domains: org.domains,
    },
    articles: arts,
    use: req.use,
    publicationName: req.publicationName,
    publicationUrl: req.publicationUrl,
    audience: req.audience,
    territory: req.territory,
    territoryDetail: req.territoryDetail,
    duration: req.duration,
    portion: req.portion,
    translation: req.translation,
    translationLanguage: req.translationLanguage,
    fee,
    currency: req.currency,
    terms: licenseTerms(settings.takedownHours),
    takedownHours: settings.takedownHours,
    ...(req.selection && {
      catalogue: { selection: req.selection, articleCount, ongoing: req.selection.ongoing },
    }),
  };
  const row: NewLicenseRow = {
    code,
    requestId: req.id,
    organizationId: req.organizationId,
    terms,
    fee,
    currency: req.currency,
    validFrom: new Date(`${req.startDate}T00:00:00.000Z`).toISOString(),
    validUntil: validUntil(req.startDate, req.duration),
    creditLine: creditLine(settings.publisherName, code),
    status: 'active',
    invoiceRef: `INV-${now.getUTCFullYear()}-${String(req.id).padStart(6, '0')}`,
    // Nothing to pay for a free licence.
    paidAt: fee === 0 ? now.toISOString() : null,
  };
  const license = insertLicense(db).get(row)!;
  createInvoice(db, license, req, settings, now, actorId);
  return license;
}

/** request_articles ← the selection's articles at `now`, oldest first; returns how many. */
function replaceWithSelection(
  db: Conn,
  req: LicenseRequest,
  selection: CatalogueSelection,
  settings: SiteSettings,
  now: Date,
): number {
  const ids = selectionArticleIds(db, selection, req.use, settings.ai, { now });
  db.delete(requestArticles).where(eq(requestArticles.requestId, req.id)).run();
  const insert = insertRequestArticle(db);
  ids.forEach((articleId, position) => insert.run({ requestId: req.id, articleId, position }));
  return ids.length;
}

const insertRequestArticle = preparedFor((db) =>
  db
    .insert(requestArticles)
    .values(placeholders(['requestId', 'articleId', 'position']))
    .prepare(),
);

// Prepared once per connection (db/prepared.ts): every approval runs these.
const orgById = preparedFor((db) =>
  db
    .select()
    .from(organizations)
    .where(eq(organizations.id, sql.placeholder('id')))
    .prepare(),
);
const requestArticleList = preparedFor((db) =>
  db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      byline: articles.byline,
      canonicalUrl: articles.canonicalUrl,
    })
    .from(requestArticles)
    .innerJoin(articles, eq(articles.id, requestArticles.articleId))
    .where(eq(requestArticles.requestId, sql.placeholder('requestId')))
    .orderBy(asc(requestArticles.position))
    .prepare(),
);
const LICENSE_COLUMNS = [
  'code',
  'requestId',
  'organizationId',
  'terms',
  'fee',
  'currency',
  'validFrom',
  'validUntil',
  'creditLine',
  'status',
  'invoiceRef',
  'paidAt',
] as const;
type NewLicenseRow = Required<Pick<typeof licenses.$inferInsert, (typeof LICENSE_COLUMNS)[number]>>;
const insertLicense = preparedFor((db) =>
  db.insert(licenses).values(placeholders(LICENSE_COLUMNS)).returning().prepare(),
);
