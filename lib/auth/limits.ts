import 'server-only';
import { RateLimiterRes, RateLimiterSQLite, type IRateLimiterStoreOptions } from 'rate-limiter-flexible';
import { getDb, type Db } from '@/db/client';

export { RateLimiterRes };

type LimiterOptions = Pick<IRateLimiterStoreOptions, 'keyPrefix' | 'points' | 'duration' | 'blockDuration'>;

// One limiter object per (connection, prefix): tests and scripts swap the process database.
const byConnection = new WeakMap<object, Map<string, RateLimiterSQLite>>();

/**
 * A limiter whose state is the `rate_limits` table (created by the migrations): it survives a
 * restart and holds across several server processes on the same database file.
 */
export function dbLimiter(opts: LimiterOptions & { keyPrefix: string }, db: Db = getDb()): RateLimiterSQLite {
  let limiters = byConnection.get(db.$client);
  if (!limiters) byConnection.set(db.$client, (limiters = new Map()));
  let limiter = limiters.get(opts.keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterSQLite({
      ...opts,
      storeClient: db.$client,
      storeType: 'better-sqlite3',
      tableName: 'rate_limits',
      tableCreated: true,
      // Old rows are pruned by pruneRateLimits, not by a timer per limiter.
      clearExpiredByTimeout: false,
    });
    limiters.set(opts.keyPrefix, limiter);
  }
  return limiter;
}

/** Consumes a point; a refusal (RateLimiterRes) becomes null so callers can tell it from an error. */
export async function consume(limiter: RateLimiterSQLite, key: string, points = 1): Promise<RateLimiterRes | null> {
  try {
    return await limiter.consume(key, points);
  } catch (e) {
    if (e instanceof RateLimiterRes) return null;
    throw e;
  }
}

/** Seconds until the key may act again (0 = now): its points are used up for this window. */
export async function secondsBlocked(limiter: RateLimiterSQLite, key: string): Promise<number> {
  const res = await limiter.get(key);
  return res && res.consumedPoints >= limiter.points ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

/** Deletes limiter rows that expired over an hour ago; called now and then by the writers. */
export function pruneRateLimits(db: Db = getDb()): void {
  db.$client.prepare('DELETE FROM rate_limits WHERE expire < ?').run(Date.now() - 3_600_000);
}
