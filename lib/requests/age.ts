import type { RequestStatus } from '@/db/schema';

/** Requests waiting on the desk longer than this many working days stand out in the queue. */
export const OVERDUE_WORKING_DAYS = 2;

/**
 * Whole working days (Mon–Fri, UTC) from `since` to `now`: each weekday whose start has passed
 * after the day of `since` counts once. Submitted Friday → Monday is 1, Tuesday 2, Wednesday 3.
 */
export function workingDaysSince(since: string | Date, now: Date = new Date()): number {
  const start = new Date(since);
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const from = day(start);
  const to = day(now);
  if (to <= from) return 0;
  const days = Math.round((to - from) / 86_400_000);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  // The remaining days after whole weeks, walked one by one (at most six).
  for (let i = weeks * 7 + 1; i <= days; i += 1) {
    const dow = new Date(from + i * 86_400_000).getUTCDay();
    if (dow !== 0 && dow !== 6) count += 1;
  }
  return count;
}

/** Waiting on staff (not on the publisher) for more than OVERDUE_WORKING_DAYS. */
export function isOverdue(status: RequestStatus, createdAt: string, now: Date = new Date()): boolean {
  return (status === 'submitted' || status === 'in_review') && workingDaysSince(createdAt, now) > OVERDUE_WORKING_DAYS;
}

/** "45 min", "5 h", "3 days". */
export function formatAge(since: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** "1 d 4 h"-style duration for medians. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}
