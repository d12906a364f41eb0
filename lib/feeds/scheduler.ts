import 'server-only';
import os from 'node:os';
import { getDb, type Db } from '@/db/client';
import type { Feed, FeedRun } from '@/db/schema';
import { acquireLease, leaseHolder, releaseLease } from './lease';
import { syncFeeds, type Fetcher, type SyncSummary } from './poll';

/*
 * The feed poller. Every process that serves the desk runs this timer (instrumentation.ts), and
 * `npm run feeds:sync` runs it once from cron; the lease row makes sure only one of them polls at
 * a time. Which feeds are due is in the database (feeds.next_poll_at), so whichever process holds
 * the lease polls each feed once per interval.
 */

export const FEEDS_LEASE = 'feeds';
/** Longer than the slowest single poll (fetch timeout + import); renewed before each feed. */
export const LEASE_MS = 2 * 60_000;
export const TICK_MS = 30_000;

export const holderId = (label = 'desk') =>
  `${label}@${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

type SyncOpts = {
  db?: Db;
  holder?: string;
  all?: boolean;
  fetcher?: Fetcher;
  now?: () => Date;
  leaseMs?: number;
  onRun?: (feed: Feed, run: FeedRun) => void;
};

/**
 * Takes the lease, polls the due feeds (or all), gives the lease back. Null when another process
 * holds the lease: it is already polling, and will poll what is due.
 */
export async function syncWithLease(opts: SyncOpts = {}): Promise<SyncSummary | null> {
  const db = opts.db ?? getDb();
  const holder = opts.holder ?? holderId();
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  if (!acquireLease(db, FEEDS_LEASE, holder, leaseMs)) return null;
  try {
    // Renewed before each feed; a holder that lost it (paused past the expiry) stops.
    return await syncFeeds({
      db,
      all: opts.all,
      fetcher: opts.fetcher,
      now: opts.now,
      onRun: opts.onRun,
      keepGoing: () => acquireLease(db, FEEDS_LEASE, holder, leaseMs),
    });
  } finally {
    releaseLease(db, FEEDS_LEASE, holder);
  }
}

export function currentLease(db: Db = getDb()) {
  return leaseHolder(db, FEEDS_LEASE);
}

export type Scheduler = { tick: () => Promise<SyncSummary | null>; stop: () => void };

/** Starts the timer (first tick after `firstMs`); ticks never overlap within the process. */
export function startFeedScheduler(
  opts: SyncOpts & { tickMs?: number; firstMs?: number; log?: (line: string) => void } = {},
): Scheduler {
  const holder = opts.holder ?? holderId();
  const log = opts.log ?? ((line: string) => console.log(line));
  let running = false;
  const tick = async () => {
    if (running) return null;
    running = true;
    try {
      const summary = await syncWithLease({ ...opts, holder });
      if (summary?.feeds)
        log(
          `feeds: polled ${summary.feeds} · imported ${summary.imported} · updated ${summary.updated} · unchanged ${summary.unchanged} · errors ${summary.errors}`,
        );
      return summary;
    } catch (e) {
      console.error('feeds: the scheduled sync failed', e);
      return null;
    } finally {
      running = false;
    }
  };
  const interval = setInterval(() => void tick(), opts.tickMs ?? TICK_MS);
  const first = setTimeout(() => void tick(), opts.firstMs ?? 5_000);
  // The timer never keeps a process alive on its own.
  interval.unref();
  first.unref();
  return {
    tick,
    stop: () => {
      clearInterval(interval);
      clearTimeout(first);
    },
  };
}
