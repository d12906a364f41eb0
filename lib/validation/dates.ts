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
