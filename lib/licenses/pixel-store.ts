import 'server-only';
import { statement } from '@/db/prepared';
import { getDb, type Db } from '@/db/client';
import { getSetting } from '@/lib/settings';
import { READER_WINDOW_MS, utcDay } from './pixel-reader';

/** Raw hits kept per licence and day in the pixel_hits sample (the first ones of the day). */
export const PIXEL_SAMPLE_PER_DAY = 20;

export type SampleHit = {
  host: string;
  referrer: string;
  userAgent: string;
  counted: boolean;
  flagReason: string | null;
  createdAt: string;
};

/**
 * Counts one read unless the reader was counted for this licence in the last 30 minutes: the
 * reader's time, the licence × host × day count and the licence × host total, in one transaction.
 * The day's row is flagged by the first read that flags it, so a host is flagged once per day.
 */
export function countRead(
  db: Db,
  read: { licenseId: number; host: string; referrer: string; reader: string; flagReason: string | null },
  now: Date,
): boolean {
  const sqlite = db.$client;
  const at = now.toISOString();
  const day = utcDay(now);
  // Raw statements, each prepared once per connection (db/prepared.ts): this runs for every counted read.
  return sqlite.transaction(() => {
    const seen = statement(sqlite, 'select counted_at from usage_readers where reader = ?').get(read.reader) as
      { counted_at: number } | undefined;
    if (seen && now.getTime() - seen.counted_at < READER_WINDOW_MS) return false;
    statement(
      sqlite,
      'insert into usage_readers (reader, counted_at) values (?, ?) on conflict (reader) do update set counted_at = excluded.counted_at',
    ).run(read.reader, now.getTime());
    const before = statement(
      sqlite,
      'select flag_reason from usage_daily where license_id = ? and host = ? and day = ?',
    ).get(read.licenseId, read.host, day) as { flag_reason: string | null } | undefined;
    const newlyFlagged = read.flagReason !== null && !before?.flag_reason;
    statement(
      sqlite,
      `insert into usage_daily (license_id, host, day, reads, flag_reason, last_read_at, last_referrer) values (?, ?, ?, 1, ?, ?, ?)
         on conflict (license_id, host, day) do update set reads = reads + 1, flag_reason = coalesce(flag_reason, excluded.flag_reason),
           last_read_at = excluded.last_read_at, last_referrer = excluded.last_referrer`,
    ).run(read.licenseId, read.host, day, read.flagReason, at, read.referrer);
    statement(
      sqlite,
      `insert into usage_hosts (license_id, host, reads, flagged_days, flag_reason, last_read_at, last_referrer) values (?, ?, 1, ?, ?, ?, ?)
         on conflict (license_id, host) do update set reads = reads + 1, flagged_days = flagged_days + excluded.flagged_days,
           flag_reason = coalesce(excluded.flag_reason, flag_reason), last_read_at = excluded.last_read_at, last_referrer = excluded.last_referrer`,
    ).run(read.licenseId, read.host, newlyFlagged ? 1 : 0, newlyFlagged ? read.flagReason : null, at, read.referrer);
    return true;
  })();
}

/**
 * Every hit (bots, repeats and floods too) adds to its licence's raw total for the day, and the
 * first few of the day go to the pixel_hits sample. Both are tallied in memory and written in
 * one transaction about once a second, so a hit that is not counted costs no write: a flood
 * never turns into a flood of writes. A crash loses at most that second of raw totals.
 */
type Tally = {
  pending: Map<string, { licenseId: number; day: string; hits: number; samples: SampleHit[] }>;
  hits: number;
  timer?: NodeJS.Timeout;
};
const tallies = new WeakMap<Db, Tally>();
const FLUSH_AFTER_MS = 1_000;
const FLUSH_AT_HITS = 10_000;

export function tallyHit(db: Db, licenseId: number, hit: SampleHit): void {
  let tally = tallies.get(db);
  if (!tally) tallies.set(db, (tally = { pending: new Map(), hits: 0 }));
  const day = hit.createdAt.slice(0, 10);
  const key = `${licenseId}|${day}`;
  let entry = tally.pending.get(key);
  if (!entry) tally.pending.set(key, (entry = { licenseId, day, hits: 0, samples: [] }));
  entry.hits++;
  if (entry.samples.length < PIXEL_SAMPLE_PER_DAY) entry.samples.push(hit);
  tally.hits++;
  if (tally.hits >= FLUSH_AT_HITS) flushPixelTally(db);
  else if (!tally.timer) {
    tally.timer = setTimeout(() => flushPixelTally(db), FLUSH_AFTER_MS);
    tally.timer.unref?.();
  }
}

/** Writes the tallied hits now (tests, scripts, and the timer). Never throws. */
export function flushPixelTally(db: Db): void {
  const tally = tallies.get(db);
  if (!tally) return;
  clearTimeout(tally.timer);
  tally.timer = undefined;
  const entries = [...tally.pending.values()];
  // Taken out before writing: a failing database drops the batch instead of piling hits up.
  tally.pending.clear();
  tally.hits = 0;
  if (!entries.length) return;
  try {
    const sqlite = db.$client;
    sqlite.transaction(() => {
      for (const e of entries) {
        const { hits } = statement(
          sqlite,
          'insert into usage_hit_totals (license_id, day, hits) values (?, ?, ?) on conflict (license_id, day) do update set hits = hits + excluded.hits returning hits',
        ).get(e.licenseId, e.day, e.hits) as { hits: number };
        // The sample takes the day's first hits, whichever process saw them.
        const room = PIXEL_SAMPLE_PER_DAY - (hits - e.hits);
        for (const s of e.samples.slice(0, Math.max(0, room))) {
          statement(
            sqlite,
            'insert into pixel_hits (license_id, host, referrer, user_agent, counted, flagged, flag_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
          ).run(
            e.licenseId,
            s.host,
            s.referrer,
            s.userAgent,
            s.counted ? 1 : 0,
            s.flagReason ? 1 : 0,
            s.flagReason,
            s.createdAt,
          );
        }
      }
    })();
  } catch (e) {
    console.error('[pixel] could not write the hit tally', e);
  }
}

/**
 * Deletes raw hits older than the admin setting (days), reader times past the 30-minute window
 * and earlier days' salts. `batch` bounds each table's delete (the pixel prunes a little at a
 * time as it goes); without it everything due goes (the daily job).
 */
export async function pruneUsage(db: Db = getDb(), now = new Date(), batch?: number) {
  const days = getSetting('pixelSampleDays', db);
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const sqlite = db.$client;
  const limit = batch ?? -1; // SQLite: a negative LIMIT is no limit
  const hits = statement(
    sqlite,
    'delete from pixel_hits where id in (select id from pixel_hits where created_at < ? limit ?)',
  ).run(cutoff, limit).changes;
  const readers = statement(
    sqlite,
    'delete from usage_readers where reader in (select reader from usage_readers where counted_at <= ? limit ?)',
  ).run(now.getTime() - READER_WINDOW_MS, limit).changes;
  statement(sqlite, 'delete from usage_salts where day < ?').run(utcDay(new Date(now.getTime() - 86_400_000)));
  return { hits, readers };
}

// When each database was last pruned along the way (by the hits' clock).
const lastPrune = new WeakMap<Db, number>();
const PRUNE_EVERY_MS = 5 * 60_000;

/** At most every five minutes, a bounded prune on the pixel's own path; the daily job does the rest. */
export function pruneAlongTheWay(db: Db, now: Date): void {
  const last = lastPrune.get(db);
  if (last !== undefined && now.getTime() - last < PRUNE_EVERY_MS && now.getTime() >= last) return;
  lastPrune.set(db, now.getTime());
  pruneUsage(db, now, 1_000).catch((e) => console.error('[pixel] could not prune usage', e));
}
