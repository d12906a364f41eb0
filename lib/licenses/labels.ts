import type { Duration, OrgType, Portion, Territory, Use } from '@/db/schema';

export const USE_LABELS: Record<Use, string> = {
  web: 'Website',
  print: 'Print',
  newsletter: 'Newsletter',
  broadcast: 'Broadcast',
  academic: 'Academic',
  internal: 'Internal use',
};

export const TERRITORY_LABELS: Record<Territory, string> = { country: 'One country', region: 'One region', worldwide: 'Worldwide' };
export const DURATION_LABELS: Record<Duration, string> = { '30d': '30 days', '1y': '1 year', perpetual: 'Perpetual' };
export const PORTION_LABELS: Record<Portion, string> = { excerpt: 'Excerpt (up to 300 words)', full: 'Full text' };
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  commercial: 'Commercial',
  'non-profit': 'Non-profit',
  education: 'Education',
  individual: 'Individual',
};

export function territoryText(territory: Territory, detail: string): string {
  return detail && territory !== 'worldwide' ? `${TERRITORY_LABELS[territory]}: ${detail}` : TERRITORY_LABELS[territory];
}

/** "3 March 2026" in UTC: licence dates are whole days. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** "3 Mar 2026", for tables. */
export function formatShortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}
