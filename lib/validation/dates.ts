import { z } from 'zod';

// Dates are calendar days "YYYY-MM-DD". Date.parse accepts 2027-02-30 (as 2 March), so a day is
// real only when it survives a round trip; and a far-future start made the end date's year
// five digits ("+010000-…"), which sorted before today as text (issue 13 item 11).

const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
/** How far ahead a licence may start. */
export const MAX_START_YEARS = 2;

/** True for a real calendar day written as YYYY-MM-DD. */
export function isCalendarDate(v: string): boolean {
  if (!DAY_FORMAT.test(v)) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** The day `years` after `day` (used as a bound; 29 February rolls to 1 March as Date does). */
export function yearsAfter(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** A real calendar day. */
export const calendarDate = (message = 'Use a date like 2026-03-01.') =>
  z
    .string({ message })
    .regex(DAY_FORMAT, message)
    .refine(isCalendarDate, { message: 'That date does not exist.', abort: true });

/** A licence's start: a real day, from today up to two years ahead (compared as days, both YYYY-MM-DD). */
export const startDateSchema = calendarDate('Enter a start date.')
  .refine((d) => d >= todayUtc(), 'The start date cannot be in the past.')
  .refine(
    (d) => d <= yearsAfter(todayUtc(), MAX_START_YEARS),
    `The start date can be at most ${MAX_START_YEARS} years ahead.`,
  );

// The desk writes days the en-GB way (issue 16, experience 10): date fields show and accept
// dd/mm/yyyy whatever the browser's language, and post the ISO day behind it. These two are
// pure, for the field in the browser (app/ui/forms/DateField.tsx) and for tests.

const UK_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type UkDateResult = { ok: true; iso: string } | { ok: false; message: string };

/** "01/02/2027" (or "1/2/2027") → "2027-02-01"; a day that does not exist says why. */
export function parseUkDate(text: string): UkDateResult {
  const m = UK_DAY.exec(text.trim());
  if (!m) return { ok: false, message: 'Enter the date as dd/mm/yyyy, for example 01/02/2027.' };
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const month = Number(mo);
  if (month < 1 || month > 12)
    return { ok: false, message: `${text.trim()} is not a date: there is no month ${month}.` };
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isCalendarDate(iso)) {
    const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
    return { ok: false, message: `${text.trim()} is not a date: ${MONTHS[month - 1]} ${y} has ${days} days.` };
  }
  return { ok: true, iso };
}

/** "2027-02-01" → "01/02/2027"; anything that is not a calendar day comes back as it was. */
export function formatUkDate(iso: string): string {
  if (!isCalendarDate(iso)) return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
