import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { feedRuns, feeds, type Feed, type FeedRun } from '@/db/schema';
import { invalid, notFound } from '@/lib/errors';
import { pollFeed, type Fetcher } from './poll';
import type { FeedInput } from './schema';

const feedNotFound = () => notFound('That feed is not registered (any more).');

/**
 * Registers a feed and polls it at once, so staff see its articles (or what is wrong) right
 * away. The next scheduled poll is an interval later, so the scheduler does not poll it again now.
 */
export async function addFeed(
  input: FeedInput,
  userId: number | null,
  opts: { db?: Db; fetcher?: Fetcher } = {},
): Promise<{ feed: Feed; run: FeedRun | null }> {
  const db = opts.db ?? getDb();
  if (db.select({ id: feeds.id }).from(feeds).where(eq(feeds.url, input.url)).get()) {
    throw invalid({ url: 'This feed is already registered.' });
  }
  const next = new Date(Date.now() + input.intervalMinutes * 60_000).toISOString();
  const feed = db
    .insert(feeds)
    .values({ url: input.url, intervalMinutes: input.intervalMinutes, createdBy: userId, nextPollAt: next })
    .returning()
    .get();
  const run = await pollFeed(feed, { db, fetcher: opts.fetcher });
  return { feed, run };
}

function feedById(db: Db, id: number): Feed {
  const feed = db.select().from(feeds).where(eq(feeds.id, id)).get();
  if (!feed) throw feedNotFound();
  return feed;
}

/** Polls a feed now, whatever its schedule (the "Poll now" button). */
export async function pollFeedNow(id: number, opts: { db?: Db; fetcher?: Fetcher } = {}): Promise<FeedRun | null> {
  const db = opts.db ?? getDb();
  return pollFeed(feedById(db, id), { db, fetcher: opts.fetcher });
}

/** Pauses or resumes polling; resuming polls at the next tick. */
export function setFeedActive(id: number, active: boolean, db: Db = getDb()): void {
  feedById(db, id);
  db.update(feeds)
    .set(active ? { active, nextPollAt: new Date().toISOString() } : { active })
    .where(eq(feeds.id, id))
    .run();
}

/** Removes a feed and its run log; the articles it imported stay in the catalogue. */
export function removeFeed(id: number, db: Db = getDb()): void {
  feedById(db, id);
  db.delete(feeds).where(eq(feeds.id, id)).run();
}

export type FeedRow = Feed & { runs: FeedRun[]; failing: boolean };

/** A feed is failing (red) when its last poll was an error. */
export const isFailing = (feed: Pick<Feed, 'lastOutcome'>) => feed.lastOutcome === 'error';

/** Every feed with its latest runs, for /admin/feeds. */
export function listFeeds(db: Db = getDb(), runsPerFeed = 5): FeedRow[] {
  return db
    .select()
    .from(feeds)
    .orderBy(asc(feeds.id))
    .all()
    .map((feed) => ({
      ...feed,
      failing: isFailing(feed),
      runs: db
        .select()
        .from(feedRuns)
        .where(eq(feedRuns.feedId, feed.id))
        .orderBy(desc(feedRuns.id))
        .limit(runsPerFeed)
        .all(),
    }));
}

/** Counts for the dashboard: registered, active, failing. */
export function feedHealth(db: Db = getDb()): { total: number; active: number; failing: number } {
  const row = db
    .select({
      total: sql<number>`count(*)`,
      active: sql<number>`coalesce(sum(${feeds.active}), 0)`,
      failing: sql<number>`coalesce(sum(${feeds.lastOutcome} = 'error'), 0)`,
    })
    .from(feeds)
    .get();
  return { total: row?.total ?? 0, active: row?.active ?? 0, failing: row?.failing ?? 0 };
}

/** One line for staff about a poll: what came back and what was imported. */
export function describeRun(
  run: Pick<FeedRun, 'outcome' | 'imported' | 'updated' | 'skipped' | 'error' | 'httpStatus'> | null,
): string {
  if (!run) return 'The feed was removed meanwhile.';
  if (run.outcome === 'unchanged') return 'Unchanged since the last poll (304).';
  if (run.outcome === 'error') return `Failed: ${run.error ?? 'unknown error'}`;
  return `Imported ${run.imported}, updated ${run.updated}, skipped ${run.skipped.length}.`;
}
