import 'server-only';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { feedRuns, feeds, type Feed, type FeedRun } from '@/db/schema';
import { importItems, parseItems } from '@/lib/catalogue/import/run';
import { ImportFileError } from '@/lib/catalogue/import/types';
import { getSettings } from '@/lib/settings';
import { fetchFeed, FeedFetchError, type FetchOptions, type FetchResult } from './fetch';

/** Longest wait after failures: a feed broken for a day is still tried every few hours. */
export const MAX_BACKOFF_MINUTES = 6 * 60;
/** Run lines kept per feed; older ones are dropped as new ones come. */
export const RUNS_KEPT = 200;

/** Minutes until the next poll: the feed's interval, doubled for each consecutive failure, capped. */
export function nextPollMinutes(intervalMinutes: number, failures: number): number {
  if (failures <= 0) return intervalMinutes;
  return Math.min(intervalMinutes * 2 ** Math.min(failures, 16), Math.max(intervalMinutes, MAX_BACKOFF_MINUTES));
}

export type Fetcher = (url: string, opts: FetchOptions) => Promise<FetchResult>;

/**
 * Polls one feed: a conditional GET, then the importer's rules on what came back (sanitising,
 * agency pictures, matching by canonical URL) in one transaction, so a malformed feed or an
 * article that cannot be stored imports nothing. The run is logged, the feed's state and next
 * poll updated. The validators (ETag, Last-Modified) are kept only after a whole import: a
 * failed import is fetched in full again next time instead of being answered 304 for ever.
 */
export async function pollFeed(
  feed: Feed,
  opts: { db?: Db; now?: () => Date; fetcher?: Fetcher } = {},
): Promise<FeedRun | null> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? (() => new Date());
  const fetcher = opts.fetcher ?? fetchFeed;
  const startedAt = now().toISOString();
  const settings = getSettings(db);
  let run: Omit<typeof feedRuns.$inferInsert, 'feedId' | 'startedAt' | 'finishedAt'>;
  let validators: { etag: string | null; lastModified: string | null } | null = null;
  try {
    const res = await fetcher(feed.url, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      allowPrivate: settings.feedsAllowPrivateAddresses,
    });
    if (res.kind === 'unchanged') {
      run = { outcome: 'unchanged', httpStatus: 304 };
    } else {
      const json = /json/i.test(res.contentType ?? '');
      const items = parseItems(res.body, feed.url, json);
      const result = importItems(db, feed.url, items, settings.agencies);
      run = {
        outcome: 'fetched',
        httpStatus: res.status,
        imported: result.imported,
        updated: result.updated,
        skipped: result.skipped.map(({ place, reason }) => ({ place, reason })),
      };
      validators = { etag: res.etag, lastModified: res.lastModified };
    }
  } catch (e) {
    if (e instanceof FeedFetchError) run = { outcome: 'error', httpStatus: e.status, error: e.message };
    else if (e instanceof ImportFileError)
      run = {
        outcome: 'error',
        httpStatus: 200,
        error: `${e.where ? `${e.where}: ` : ''}${e.reason} Nothing was imported from this poll.`,
      };
    else {
      console.error(`feeds: polling ${feed.url} failed`, e);
      run = { outcome: 'error', error: `Unexpected error: ${(e as Error)?.message ?? String(e)}` };
    }
  }

  const finished = now();
  const failures = run.outcome === 'error' ? feed.failures + 1 : 0;
  const next = new Date(finished.getTime() + nextPollMinutes(feed.intervalMinutes, failures) * 60_000);
  return db.transaction((tx) => {
    // Removed by staff while it was being fetched: nothing to log it against.
    if (!tx.select({ id: feeds.id }).from(feeds).where(eq(feeds.id, feed.id)).get()) return null;
    const row = tx
      .insert(feedRuns)
      .values({ ...run, feedId: feed.id, startedAt, finishedAt: finished.toISOString() })
      .returning()
      .get();
    tx.update(feeds)
      .set({
        lastPolledAt: finished.toISOString(),
        lastOutcome: run.outcome,
        lastError: run.error ?? null,
        failures,
        nextPollAt: next.toISOString(),
        ...(validators ?? {}),
      })
      .where(eq(feeds.id, feed.id))
      .run();
    tx.run(
      sql`delete from ${feedRuns} where ${feedRuns.feedId} = ${feed.id} and ${feedRuns.id} <= ${row.id - RUNS_KEPT}`,
    );
    return row;
  });
}

/** Active feeds whose next poll is due, the most overdue first. */
export function dueFeeds(db: Db, now: Date): Feed[] {
  return db
    .select()
    .from(feeds)
    .where(and(eq(feeds.active, true), lte(feeds.nextPollAt, now.toISOString())))
    .orderBy(asc(feeds.nextPollAt))
    .all();
}

export type SyncSummary = { feeds: number; imported: number; updated: number; unchanged: number; errors: number };

/**
 * Polls the due feeds one after another (`all`: every active feed). `keepGoing` is asked before
 * each feed — the scheduler renews its lease there and stops if it lost it.
 */
export async function syncFeeds(
  opts: {
    db?: Db;
    now?: () => Date;
    fetcher?: Fetcher;
    all?: boolean;
    keepGoing?: () => boolean;
    onRun?: (feed: Feed, run: FeedRun) => void;
  } = {},
): Promise<SyncSummary> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? (() => new Date());
  const list = opts.all
    ? db.select().from(feeds).where(eq(feeds.active, true)).orderBy(asc(feeds.id)).all()
    : dueFeeds(db, now());
  const summary: SyncSummary = { feeds: 0, imported: 0, updated: 0, unchanged: 0, errors: 0 };
  for (const feed of list) {
    if (opts.keepGoing && !opts.keepGoing()) break;
    const run = await pollFeed(feed, { db, now, fetcher: opts.fetcher });
    if (!run) continue;
    summary.feeds += 1;
    summary.imported += run.imported;
    summary.updated += run.updated;
    if (run.outcome === 'unchanged') summary.unchanged += 1;
    if (run.outcome === 'error') summary.errors += 1;
    opts.onRun?.(feed, run);
  }
  return summary;
}

/** The latest runs of a feed, newest first. */
export function feedRunsOf(db: Db, feedId: number, limit = 20): FeedRun[] {
  return db.select().from(feedRuns).where(eq(feedRuns.feedId, feedId)).orderBy(desc(feedRuns.id)).limit(limit).all();
}
