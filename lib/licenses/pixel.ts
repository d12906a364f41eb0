import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { licenses, organizations, pixelHits } from '@/db/schema';
import { LICENSE_CODE_PATTERN } from './code';
import type { LicenseTerms } from './issue';
import { formatDate } from './labels';

/** The smallest transparent 1×1 GIF. */
export const PIXEL_GIF = Uint8Array.from(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));

export const PIXEL_HEADERS: Record<string, string> = {
  'Content-Type': 'image/gif',
  'Content-Length': String(PIXEL_GIF.length),
  'Cache-Control': 'no-store, no-cache, must-revalidate, max-age=0',
  Pragma: 'no-cache',
  Expires: '0',
  // It is embedded on the licensees' sites by design.
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** "LIC-XXXX-XXXX-XXXX.gif" or the bare code → the code, or null. */
export function pixelCode(segment: string): string | null {
  let code: string;
  try {
    code = decodeURIComponent(segment).replace(/\.gif$/i, '').toUpperCase();
  } catch {
    return null;
  }
  return LICENSE_CODE_PATTERN.test(code) ? code : null;
}

/** The host the page that loaded the pixel lives on: Referer's host, else Origin's; '' if neither. */
export function hitHost(referrer: string | null, origin: string | null): string {
  for (const v of [referrer, origin]) {
    if (!v || v === 'null') continue;
    try {
      return new URL(v).hostname.toLowerCase().replace(/\.$/, '');
    } catch {
      // not a URL: try the next one
    }
  }
  return '';
}

/** Whether `host` is one of `domains` or a subdomain of one ("www.", "news." …). */
export function hostBelongs(host: string, domains: string[]): boolean {
  return domains.some((d) => {
    const domain = d.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/:].*$/, '').replace(/^\*\./, '').replace(/\.$/, '');
    return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
  });
}

function publicationHost(terms: LicenseTerms): string[] {
  try {
    return [new URL(terms.publicationUrl).hostname.toLowerCase()];
  } catch {
    return [];
  }
}

/** Why a hit looks like use the licence does not cover, or null. */
export function flagReason(
  host: string,
  l: { status: string; validFrom: string; validUntil: string | null; statusChangedAt: string | null; domains: string[]; terms: LicenseTerms },
  now: Date,
): string | null {
  const reasons: string[] = [];
  if (l.status === 'revoked') reasons.push(`licence revoked on ${formatDate(l.statusChangedAt)}`);
  else if (l.status === 'expired' || (l.validUntil && new Date(l.validUntil) < now)) reasons.push(`licence ended on ${formatDate(l.validUntil)}`);
  else if (new Date(l.validFrom) > now) reasons.push(`licence starts on ${formatDate(l.validFrom)}`);
  // A hit without Referer or Origin tells nothing about where the copy sits, so it is not held against anyone.
  if (host && !hostBelongs(host, [...l.domains, ...publicationHost(l.terms)])) reasons.push(`${host} is not a site of the licensee`);
  return reasons.length ? reasons.join('; ') : null;
}

/**
 * Logs one pixel load: one indexed lookup and one insert. Never throws — the pixel is on other
 * people's pages and must always answer; an unknown code is simply not logged.
 */
export function recordPixelHit(segment: string, headers: Headers, db?: Db, now = new Date()): void {
  try {
    const code = pixelCode(segment);
    if (!code) return;
    const conn = db ?? getDb();
    const l = conn
      .select({ id: licenses.id, status: licenses.status, validFrom: licenses.validFrom, validUntil: licenses.validUntil, statusChangedAt: licenses.statusChangedAt, terms: licenses.terms, domains: organizations.domains })
      .from(licenses)
      .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
      .where(eq(licenses.code, code))
      .get();
    if (!l) return;
    const referrer = (headers.get('referer') ?? '').slice(0, 1000);
    const host = hitHost(referrer, headers.get('origin')).slice(0, 255);
    const reason = flagReason(host, { ...l, terms: l.terms as LicenseTerms }, now);
    conn.insert(pixelHits).values({ licenseId: l.id, host, referrer, flagged: reason !== null, flagReason: reason, createdAt: now.toISOString() }).run();
  } catch (e) {
    console.error('[pixel] could not log a hit', e);
  }
}
