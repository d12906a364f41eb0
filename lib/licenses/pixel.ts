import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { licenses, organizations } from '@/db/schema';
import { LICENSE_CODE_PATTERN } from './code';
import type { LicenseTerms } from './issue';
import { formatDate } from './labels';
import { clientAddress } from '@/lib/auth/client-address';
import { addressKey, daySalt, isBotAgent, readerKey, withinCountingRate } from './pixel-reader';
import { countRead, pruneAlongTheWay, tallyHit } from './pixel-store';

/** The smallest transparent 1×1 GIF. */
export const PIXEL_GIF = Uint8Array.from(
  Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
);

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
    code = decodeURIComponent(segment)
      .replace(/\.gif$/i, '')
      .toUpperCase();
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
    const domain = d
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/[/:].*$/, '')
      .replace(/^\*\./, '')
      .replace(/\.$/, '');
    return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
  });
}

function publicationHost(terms: Pick<LicenseTerms, 'publicationUrl'>): string[] {
  try {
    return [new URL(terms.publicationUrl).hostname.toLowerCase()];
  } catch {
    return [];
  }
}

/** Why a hit looks like use the licence does not cover, or null. */
export function flagReason(
  host: string,
  l: {
    status: string;
    validFrom: string;
    validUntil: string | null;
    statusChangedAt: string | null;
    domains: string[];
    terms: Pick<LicenseTerms, 'publicationUrl'>;
  },
  now: Date,
): string | null {
  const reasons: string[] = [];
  if (l.status === 'revoked') reasons.push(`licence revoked on ${formatDate(l.statusChangedAt)}`);
  else if (l.status === 'expired' || (l.validUntil && new Date(l.validUntil) < now))
    reasons.push(`licence ended on ${formatDate(l.validUntil)}`);
  else if (new Date(l.validFrom) > now) reasons.push(`licence starts on ${formatDate(l.validFrom)}`);
  // A hit without Referer or Origin tells nothing about where the copy sits, so it is not held against anyone.
  if (host && !hostBelongs(host, [...l.domains, ...publicationHost(l.terms)]))
    reasons.push(`${host} is not a site of the licensee`);
  return reasons.length ? reasons.join('; ') : null;
}

export type HitOutcome = 'ignored' | 'bot' | 'rate' | 'repeat' | 'counted' | 'error';

// The per-hit lookup: the licence and what its flags depend on (prepared once per connection);
// of the terms only the publication's address, so no hit parses the whole terms document.
const licenseByCode = preparedFor((db) =>
  db
    .select({
      id: licenses.id,
      status: licenses.status,
      validFrom: licenses.validFrom,
      validUntil: licenses.validUntil,
      statusChangedAt: licenses.statusChangedAt,
      publicationUrl: sql<string>`coalesce(json_extract(${licenses.terms}, '$.publicationUrl'), '')`,
      domains: organizations.domains,
    })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(eq(licenses.code, sql.placeholder('code')))
    .prepare(),
);

/**
 * Handles one pixel load and says what became of it. Every hit of a known licence goes into the
 * raw total (and maybe the sample); it is counted as a read only if it is not a bot, the address
 * is within its counting rate, and the same reader was not counted in the last 30 minutes.
 * Never throws — the pixel is on other people's pages and must always answer.
 */
export async function recordPixelHit(
  segment: string,
  headers: Headers,
  db?: Db,
  now = new Date(),
): Promise<HitOutcome> {
  try {
    const code = pixelCode(segment);
    if (!code) return 'ignored';
    const conn = db ?? getDb();
    const l = licenseByCode(conn).get({ code });
    if (!l) return 'ignored';
    const referrer = (headers.get('referer') ?? '').slice(0, 1000);
    const host = hitHost(referrer, headers.get('origin')).slice(0, 255);
    const userAgent = (headers.get('user-agent') ?? '').slice(0, 500);
    const { outcome, reason } = await countHit(
      conn,
      { ...l, terms: { publicationUrl: l.publicationUrl } },
      { host, referrer, userAgent, address: clientAddress(headers) },
      now,
    );
    tallyHit(conn, l.id, {
      host,
      referrer,
      userAgent,
      counted: outcome === 'counted',
      flagReason: reason,
      createdAt: now.toISOString(),
    });
    return outcome;
  } catch (e) {
    console.error('[pixel] could not record a hit', e);
    return 'error';
  }
}

async function countHit(
  db: Db,
  l: Parameters<typeof flagReason>[1] & { id: number },
  hit: { host: string; referrer: string; userAgent: string; address: string },
  now: Date,
): Promise<{ outcome: HitOutcome; reason: string | null }> {
  if (isBotAgent(hit.userAgent)) return { outcome: 'bot', reason: null };
  const salt = daySalt(db, now);
  if (!(await withinCountingRate(addressKey(salt, hit.address)))) return { outcome: 'rate', reason: null };
  // Flags come from counted reads only: a forged Referer repeated a thousand times is one read.
  const reason = flagReason(hit.host, l, now);
  const reader = readerKey(salt, l.id, hit.address, hit.userAgent);
  if (!countRead(db, { licenseId: l.id, host: hit.host, referrer: hit.referrer, reader, flagReason: reason }, now))
    return { outcome: 'repeat', reason: null };
  pruneAlongTheWay(db, now);
  return { outcome: 'counted', reason };
}
