import { z } from 'zod';
import { calendarDate } from './dates';
import { idInput } from './numbers';
import { REQUEST_STATUSES, USES, type RequestStatus, type Use } from '@/db/enums';
import { decimalToInt } from './amounts';

export const QUEUE_PAGE_SIZE = 25;

export type QueueStatus = RequestStatus | 'open' | 'all';

export type QueueFilters = {
  /** `open` (the default) = submitted, in review or countered. */
  status: QueueStatus;
  org?: number;
  use?: Use;
  /** Minor units, on the fee in play (agreed, else countered, else quoted). */
  feeMin?: number;
  feeMax?: number;
  /** YYYY-MM-DD, inclusive, on the submission date. */
  from?: string;
  to?: string;
  q?: string;
  sort: 'oldest' | 'newest';
  page: number;
};

const date = calendarDate();
const money = z
  .string()
  .transform(
    (v, ctx) =>
      decimalToInt(v.trim().replace(/^£/, '').replace(/,/g, ''), 2) ??
      (ctx.addIssue({ code: 'custom', message: 'bad' }), z.NEVER),
  );

/**
 * URL search params → filters. The queue's state lives in the URL, so anything malformed is
 * dropped (a shared link never breaks the page), not reported.
 */
export function parseQueueFilters(params: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (k: string) => {
    const v = params[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s === undefined || s.trim() === '' ? undefined : s.trim();
  };
  const pick = <T>(schema: z.ZodType<T>, k: string): T | undefined => {
    const r = schema.safeParse(one(k));
    return r.success ? r.data : undefined;
  };
  const statuses = ['open', 'all', ...REQUEST_STATUSES] as const;
  return {
    status: pick(z.enum(statuses), 'status') ?? 'open',
    org: pick(idInput(), 'org'),
    use: pick(z.enum(USES), 'use'),
    feeMin: pick(money, 'feeMin'),
    feeMax: pick(money, 'feeMax'),
    from: pick(date, 'from'),
    to: pick(date, 'to'),
    q: pick(z.string().max(100), 'q'),
    sort: pick(z.enum(['oldest', 'newest']), 'sort') ?? 'oldest',
    page: Math.min(pick(idInput(), 'page') ?? 1, 10_000),
  };
}

/** Filters → query string (defaults left out), for links that keep the rest of the state. */
export function queueQuery(f: QueueFilters, over: Partial<QueueFilters> = {}): string {
  const all = { ...f, ...over };
  const p = new URLSearchParams();
  if (all.status !== 'open') p.set('status', all.status);
  if (all.org) p.set('org', String(all.org));
  if (all.use) p.set('use', all.use);
  if (all.feeMin !== undefined) p.set('feeMin', (all.feeMin / 100).toString());
  if (all.feeMax !== undefined) p.set('feeMax', (all.feeMax / 100).toString());
  if (all.from) p.set('from', all.from);
  if (all.to) p.set('to', all.to);
  if (all.q) p.set('q', all.q);
  if (all.sort !== 'oldest') p.set('sort', all.sort);
  if (all.page > 1) p.set('page', String(all.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}
