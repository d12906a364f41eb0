import 'server-only';
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import {
  articles,
  assets,
  downloads,
  licenseNotices,
  licenses,
  users,
  type Article,
  type Asset,
  type License,
  type PublicUser,
} from '@/db/schema';
import { can } from '@/lib/auth/can';
import { normalizeLicenseCode } from './code';
import { getSettings } from '@/lib/settings';
import { expireDue, expireIfDue } from './expiry';
import type { LicenseTerms } from './issue';
import { toHost } from '@/lib/validation/auth';
import { takedownDeadline } from './terms';

export type LicenseRow = License & { terms: LicenseTerms };
export type LicensedArticle = Article & { assets: Asset[] };

const asRow = (l: License) => l as LicenseRow;

/** The licence with this code, expired on read if its end has passed; undefined when unknown. */
export async function findLicense(rawCode: string, db: Db = getDb()): Promise<LicenseRow | undefined> {
  const code = normalizeLicenseCode(rawCode);
  if (!code) return undefined;
  const row = db.select().from(licenses).where(eq(licenses.code, code)).get();
  return row && asRow(await expireIfDue(row, db));
}

/** Members of the licensee organisation and staff may see a licence; anyone else gets undefined (a 404). */
export function canSeeLicense(user: PublicUser | null, license: Pick<License, 'organizationId'>): boolean {
  if (!user) return false;
  return can(user, 'staff') || (user.organizationId !== null && user.organizationId === license.organizationId);
}

export async function findLicenseFor(
  rawCode: string,
  user: PublicUser | null,
  db: Db = getDb(),
): Promise<LicenseRow | undefined> {
  const l = await findLicense(rawCode, db);
  return l && canSeeLicense(user, l) ? l : undefined;
}

export const PAGE_SIZE = 20;

/** One organisation's licences, newest first, a page at a time (overdue ones expired first). */
export async function listOrgLicenses(organizationId: number, page = 1, db: Db = getDb(), now = new Date()) {
  await expireDue(db, now, organizationId);
  const p = Math.max(1, Math.floor(page) || 1);
  const total = db.select({ n: count() }).from(licenses).where(eq(licenses.organizationId, organizationId)).get()!.n;
  const rows = db
    .select()
    .from(licenses)
    .where(eq(licenses.organizationId, organizationId))
    .orderBy(desc(licenses.createdAt), desc(licenses.id))
    .limit(PAGE_SIZE)
    .offset((p - 1) * PAGE_SIZE)
    .all()
    .map(asRow);
  const noticed = rows.length
    ? new Set(
        db
          .select({ id: licenseNotices.licenseId })
          .from(licenseNotices)
          .where(
            inArray(
              licenseNotices.licenseId,
              rows.map((r) => r.id),
            ),
          )
          .all()
          .map((r) => r.id),
      )
    : new Set<number>();
  return {
    rows: rows.map((r) => ({ ...r, hasNotices: noticed.has(r.id) })),
    total,
    page: p,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** The licence's articles as they are NOW (a corrected body gives a corrected copy), in licence order. */
export function licensedArticles(license: LicenseRow, db: Db = getDb()): LicensedArticle[] {
  const ids = license.terms.articles.map((a) => a.id);
  if (!ids.length) return [];
  const rows = db.select().from(articles).where(inArray(articles.id, ids)).all();
  const media = db
    .select()
    .from(assets)
    .where(inArray(assets.articleId, ids))
    .orderBy(asc(assets.position), asc(assets.id))
    .all();
  const byId = new Map(rows.map((r) => [r.id, { ...r, assets: media.filter((m) => m.articleId === r.id) }]));
  return ids.map((id) => byId.get(id)).filter((a): a is LicensedArticle => Boolean(a));
}

/** Current article states for the licence: withdrawn ones stop its downloads. */
export function articleStates(license: LicenseRow, db: Db = getDb()) {
  const ids = license.terms.articles.map((a) => a.id);
  if (!ids.length) return [];
  return db
    .select({ id: articles.id, title: articles.title, state: articles.state, stateNote: articles.stateNote })
    .from(articles)
    .where(inArray(articles.id, ids))
    .all();
}

/** Hours this licence gives to take a copy down after a kill notice: its frozen terms, else today's setting. */
export const takedownHoursOf = (license: LicenseRow, db: Db = getDb()) =>
  license.terms.takedownHours ?? getSettings(db).takedownHours;

/** The licence's notices, newest first; a kill notice carries the time the copy must be down by. */
export function noticesFor(license: LicenseRow, db: Db = getDb()) {
  const hours = takedownHoursOf(license, db);
  return db
    .select({
      id: licenseNotices.id,
      kind: licenseNotices.kind,
      note: licenseNotices.note,
      createdAt: licenseNotices.createdAt,
      articleId: articles.id,
      articleTitle: articles.title,
    })
    .from(licenseNotices)
    .innerJoin(articles, eq(articles.id, licenseNotices.articleId))
    .where(eq(licenseNotices.licenseId, license.id))
    .orderBy(desc(licenseNotices.createdAt), desc(licenseNotices.id))
    .all()
    .map((n) => ({
      ...n,
      // A kill notice carries the take-down duty; a correction asks for an update, with no deadline.
      takedownBy: n.kind === 'withdrawn' ? takedownDeadline(n.createdAt, hours) : null,
    }));
}

export function downloadsFor(licenseId: number, db: Db = getDb(), limit = 50) {
  return db
    .select({ id: downloads.id, format: downloads.format, createdAt: downloads.createdAt, userName: users.name })
    .from(downloads)
    .innerJoin(users, eq(users.id, downloads.userId))
    .where(eq(downloads.licenseId, licenseId))
    .orderBy(desc(downloads.id))
    .limit(limit)
    .all();
}

/** The hosts a licence covers: the licensee's websites at issue, then the publication's address. */
export function licensedWebsites(t: Pick<LicenseTerms, 'licensee' | 'publicationUrl'>): string[] {
  const hosts = [...(t.licensee.domains ?? [])];
  const publication = toHost(t.publicationUrl ?? '');
  if (publication && !hosts.includes(publication)) hosts.push(publication);
  return hosts;
}

/**
 * The public verification view: what anyone holding the code may see — no fee, no people. The
 * page /licenses/[code] shows it and GET /api/licenses/[code] signs it.
 */
export async function verifyLicense(rawCode: string, db: Db = getDb()) {
  const l = await findLicense(rawCode, db);
  if (!l) return undefined;
  const t = l.terms;
  const states = new Map(articleStates(l, db).map((a) => [a.id, a]));
  const takedownHours = takedownHoursOf(l, db);
  return {
    code: l.code,
    status: l.status,
    statusChangedAt: l.statusChangedAt,
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    issuedAt: l.createdAt,
    publisher: t.publisher.name,
    // The licensee as it was licensed: its legal name when it had one, and the websites the licence
    // names (its own and the publication's), so anyone can match a republished copy to it.
    licensee: t.licensee.legalName || t.licensee.name,
    websites: licensedWebsites(t),
    publicationName: t.publicationName,
    publicationUrl: t.publicationUrl,
    use: t.use,
    territory: t.territory,
    territoryDetail: t.territoryDetail,
    portion: t.portion,
    duration: t.duration,
    translationLanguage: t.translation ? t.translationLanguage : null,
    creditLine: l.creditLine,
    takedownHours,
    // A catalogue licence: its filters and how many articles it held at issue (its articles list is empty).
    ...(t.catalogue && { catalogue: t.catalogue }),
    articles: t.articles.map((a) => ({
      title: a.title,
      byline: a.byline,
      canonicalUrl: a.canonicalUrl,
      state: states.get(a.id)?.state ?? 'published',
    })),
    notices: noticesFor(l, db).map((n) => ({
      id: n.id,
      kind: n.kind,
      note: n.note,
      createdAt: n.createdAt,
      articleTitle: n.articleTitle,
      takedownBy: n.takedownBy,
    })),
  };
}
export type Verification = NonNullable<Awaited<ReturnType<typeof verifyLicense>>>;

/** The licence issued on a request, if any (expired on read). For the staff request page. */
export async function licenseForRequest(requestId: number, db: Db = getDb()): Promise<LicenseRow | undefined> {
  const row = db.select().from(licenses).where(eq(licenses.requestId, requestId)).get();
  return row && asRow(await expireIfDue(row, db));
}
