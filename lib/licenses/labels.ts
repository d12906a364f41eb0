// The option words are the request form's own (lib/requests/labels.ts), so a licence, its copies and
// its certificate read as the request did.
export {
  DURATION_LABELS,
  LICENSEE_LABELS as ORG_TYPE_LABELS,
  PORTION_LABELS,
  TERRITORY_LABELS,
  territoryText,
  USE_LABELS,
} from '@/lib/requests/labels';

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
