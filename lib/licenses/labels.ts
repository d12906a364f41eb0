import type { OrgType, Territory } from '@/db/enums';
import { TERRITORY_LABELS } from '@/lib/requests/options';

// The option labels are the request form's own, so a licence reads as the request did.
export { DURATION_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/options';

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  commercial: 'Commercial',
  'non-profit': 'Non-profit',
  education: 'Education',
  individual: 'Individual',
};

export function territoryText(territory: Territory, detail: string): string {
  return detail && territory !== 'worldwide'
    ? `${TERRITORY_LABELS[territory]}: ${detail}`
    : TERRITORY_LABELS[territory];
}

/** "3 March 2026" in UTC: licence dates are whole days. */
// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one (the
// usage pixel formats a date for every read it flags).
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return LONG_DATE.format(new Date(iso));
}

/** "3 Mar 2026", for tables. */
export function formatShortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return SHORT_DATE.format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return DATE_TIME.format(new Date(iso)) + ' UTC';
}
