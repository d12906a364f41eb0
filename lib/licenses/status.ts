import type { License } from '@/db/schema';
import type { SiteSettings } from '@/lib/settings';

/** A licence within this many days of its end is "expiring soon" (and gets its reminder). */
export const EXPIRING_DAYS = 14;
const DAY = 86_400_000;

export type LicenseState = 'active' | 'expiring' | 'upcoming' | 'expired' | 'revoked';

export const STATE_LABELS: Record<LicenseState, string> = {
  active: 'Active',
  expiring: 'Expiring soon',
  upcoming: 'Not started yet',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const STATE_TONES: Record<LicenseState, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  active: 'ok',
  expiring: 'warn',
  upcoming: 'neutral',
  expired: 'bad',
  revoked: 'bad',
};

type Dates = Pick<License, 'status' | 'validFrom' | 'validUntil'>;

/** True once the end has passed, whether or not the row has been marked expired yet. */
export function isPastEnd(l: Pick<License, 'validUntil'>, now = new Date()): boolean {
  return l.validUntil !== null && new Date(l.validUntil).getTime() < now.getTime();
}

/** What a person should read about a licence right now. */
export function licenseState(l: Dates, now = new Date()): LicenseState {
  if (l.status === 'revoked') return 'revoked';
  if (l.status === 'expired' || isPastEnd(l, now)) return 'expired';
  if (new Date(l.validFrom).getTime() > now.getTime()) return 'upcoming';
  if (l.validUntil && new Date(l.validUntil).getTime() - now.getTime() <= EXPIRING_DAYS * DAY) return 'expiring';
  return 'active';
}

/** Whether the licence covers use right now. */
export function inForce(l: Dates, now = new Date()): boolean {
  const s = licenseState(l, now);
  return s === 'active' || s === 'expiring';
}

/** Downloads wait for payment: a fee above the threshold, not yet paid (staff are never held back). */
export function paymentLocks(
  license: Pick<License, 'fee' | 'paidAt'>,
  settings: Pick<SiteSettings, 'paymentRequiredAbove'>,
): boolean {
  const limit = settings.paymentRequiredAbove;
  return limit !== null && license.fee > limit && !license.paidAt;
}
