import 'server-only';
import { strToU8, zipSync } from 'fflate';
import { getDb, type Db } from '@/db/client';
import { DOWNLOAD_FORMATS, downloads, type PublicUser } from '@/db/schema';
import { formatMoney } from '@/lib/quote';
import { can } from '@/lib/auth/can';
import { getSettings, type SiteSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { certificatePdf } from './certificate';
import { htmlCopy, markdownCopy, prepareArticles, textCopy } from './copy';
import { copyRights } from './copy-rights';
import { ninjsCopy } from './ninjs';
import { signedVerification } from './signed';
import { formatDate } from './labels';
import { articleStates, findLicenseFor, licensedArticles, type LicenseRow } from './queries';
import { licenseState, paymentLocks } from './status';

export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
export type DownloadResult = { status: number; body: string | Uint8Array; headers: Record<string, string> };
export type Refusal = { status: number; reason: string };

/** What each format is (the download log); the buttons add what it is for (FORMAT_LABELS). */
export const FORMAT_NAMES: Record<DownloadFormat, string> = {
  html: 'HTML',
  md: 'Markdown',
  txt: 'Plain text',
  pdf: 'Licence certificate (PDF)',
  ninjs: 'ninjs 3.0 JSON',
  zip: 'Everything (ZIP)',
};

export const FORMAT_LABELS: Record<DownloadFormat, string> = {
  ...FORMAT_NAMES,
  html: 'HTML (ready to paste)',
  ninjs: 'ninjs 3.0 JSON (for your CMS)',
};

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  ninjs: 'application/json; charset=utf-8',
  zip: 'application/zip',
};

export const isDownloadFormat = (f: unknown): f is DownloadFormat =>
  typeof f === 'string' && (DOWNLOAD_FORMATS as readonly string[]).includes(f);

/** Only letters, digits, dot, dash and underscore reach the header, whatever the input. */
export function safeFilename(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[.-]+/, '')
      .slice(0, 120) || 'download'
  );
}

export function filenameFor(code: string, format: DownloadFormat): string {
  if (format === 'pdf') return safeFilename(`${code}-certificate.pdf`);
  if (format === 'ninjs') return safeFilename(`${code}.ninjs.json`);
  return safeFilename(`${code}.${format}`);
}

/**
 * Why the licence's copies cannot be downloaded right now, or null. Checked on every download
 * (and shown on the licence pages): revocation, the dates, a withdrawn article, payment.
 */
export function downloadRefusal(
  license: LicenseRow,
  user: Pick<PublicUser, 'role' | 'organizationId'>,
  states: { title: string; state: string; stateNote: string | null }[],
  settings: SiteSettings,
  now = new Date(),
): Refusal | null {
  const state = licenseState(license, now);
  if (state === 'revoked') {
    const why = license.revokedReason ? ` Reason: ${license.revokedReason}` : '';
    return {
      status: 410,
      reason: `This licence was revoked on ${formatDate(license.statusChangedAt)}; downloads have stopped and the copy must be taken down.${why}`,
    };
  }
  if (state === 'expired') {
    return {
      status: 410,
      reason: `This licence expired on ${formatDate(license.validUntil)}; downloads have stopped and the copy must be taken down.`,
    };
  }
  const withdrawn = states.find((a) => a.state === 'withdrawn');
  if (withdrawn) {
    const why = withdrawn.stateNote ? ` (${withdrawn.stateNote})` : '';
    return {
      status: 410,
      reason: `“${withdrawn.title}” has been withdrawn by the publisher${why}. Please take it down; downloads have stopped.`,
    };
  }
  if (state === 'upcoming') {
    return {
      status: 403,
      reason: `This licence starts on ${formatDate(license.validFrom)}; its copies can be downloaded from then.`,
    };
  }
  if (paymentLocks(license, settings) && !can(user, 'staff')) {
    return {
      status: 402,
      reason: `This licence is awaiting payment of invoice ${license.invoiceRef} (${formatMoney(license.fee, license.currency)}); downloads open once it is paid.`,
    };
  }
  return null;
}

/** The refusal a download would get now, for pages that show buttons or the reason instead. */
export async function downloadAvailability(
  license: LicenseRow,
  user: PublicUser,
  db: Db = getDb(),
  now = new Date(),
): Promise<Refusal | null> {
  return downloadRefusal(license, user, articleStates(license, db), getSettings(db), now);
}

const json = (status: number, payload: object): DownloadResult => ({
  status,
  body: JSON.stringify(payload),
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
});

export async function renderCopy(
  license: LicenseRow,
  format: DownloadFormat,
  db: Db = getDb(),
  now = new Date(),
): Promise<string | Uint8Array> {
  const site = siteUrl();
  // Every copy states its rights and carries the signed facts of its licence as they are now.
  const signed = await signedVerification(license.code, db, now);
  if (!signed) throw new Error(`licence ${license.code} vanished while its copy was rendered`);
  const rights = copyRights(license, site, {
    jws: signed.jws,
    takedownHours: signed.license.takedownHours,
    verifyUrl: signed.license.verifyUrl,
    apiUrl: signed.license.apiUrl,
  });
  if (format === 'pdf') return certificatePdf(license, site, now, rights);
  const prepared = prepareArticles(license, licensedArticles(license, db), site);
  if (format === 'html') return htmlCopy(license, prepared, site, rights);
  if (format === 'md') return markdownCopy(license, prepared, site, rights);
  if (format === 'txt') return textCopy(license, prepared, site, rights);
  if (format === 'ninjs') return ninjsCopy(prepared, rights);
  return zipSync(
    {
      [filenameFor(license.code, 'html')]: strToU8(htmlCopy(license, prepared, site, rights)),
      [filenameFor(license.code, 'md')]: strToU8(markdownCopy(license, prepared, site, rights)),
      [filenameFor(license.code, 'txt')]: strToU8(textCopy(license, prepared, site, rights)),
      [filenameFor(license.code, 'ninjs')]: strToU8(ninjsCopy(prepared, rights)),
      // Already compressed: stored as is.
      [filenameFor(license.code, 'pdf')]: [await certificatePdf(license, site, now, rights), { level: 0 }],
    },
    { level: 6, mtime: now },
  );
}

/**
 * GET /api/licenses/[code]/download: authorizes the caller (licensee organisation or staff),
 * checks the licence, renders the copy and logs the download. Another organisation's licence
 * answers exactly like an unknown code.
 */
export async function downloadLicense(
  code: string,
  format: string | null,
  user: PublicUser | null,
  db: Db = getDb(),
  now = new Date(),
): Promise<DownloadResult> {
  if (!isDownloadFormat(format)) {
    const message = `Choose a format: ${DOWNLOAD_FORMATS.join(', ')}.`;
    return json(400, { error: message, errors: { format: message } });
  }
  if (!user) return json(401, { error: 'Sign in to download licensed copies.' });
  const license = await findLicenseFor(code, user, db);
  return serveCopy(license, format, { who: user, userId: user.id }, db, now);
}

/**
 * The checks after "who may see this licence" (unknown or not theirs: undefined), shared by the
 * session download and the API (lib/api/licenses.ts): validity, withdrawn articles, payment; then the
 * copy, and the download logged (with the API token when there was one).
 */
export async function serveCopy(
  license: LicenseRow | undefined,
  format: DownloadFormat,
  actor: { who: Pick<PublicUser, 'role' | 'organizationId'>; userId: number; tokenId?: number },
  db: Db = getDb(),
  now = new Date(),
): Promise<DownloadResult> {
  if (!license) return json(404, { error: 'No licence with this code.' });
  const refusal = downloadRefusal(license, actor.who, articleStates(license, db), getSettings(db), now);
  if (refusal) return json(refusal.status, { error: refusal.reason });

  const body = await renderCopy(license, format, db, now);
  db.insert(downloads)
    .values({
      licenseId: license.id,
      userId: actor.userId,
      tokenId: actor.tokenId ?? null,
      format,
      createdAt: now.toISOString(),
    })
    .run();
  return {
    status: 200,
    body,
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${filenameFor(license.code, format)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  };
}
