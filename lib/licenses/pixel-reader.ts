import 'server-only';
import { statement } from '@/db/prepared';
import { createHash, randomBytes } from 'node:crypto';
import { isbot } from 'isbot';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';

/** Crawlers, scripts and headless browsers (isbot's list), and requests with no user agent at all. */
export function isBotAgent(userAgent: string): boolean {
  return userAgent.trim() === '' || isbot(userAgent);
}

/**
 * Past this many hits a minute from one address, hits are still answered but no longer counted.
 * In memory on purpose: it only guards counting, never answering, so several server processes
 * each giving an address its own budget costs a few extra counted reads at worst; a shared
 * (database) limiter would add a write to every flood hit — the very load it is there to shed.
 */
export const PIXEL_COUNT_RATE = { points: 120, duration: 60 };
const countingLimiter = new RateLimiterMemory(PIXEL_COUNT_RATE);

/** Takes one point from the address's counting budget; false once it is spent. */
export async function withinCountingRate(addressKey: string): Promise<boolean> {
  try {
    await countingLimiter.consume(addressKey);
    return true;
  } catch {
    return false;
  }
}

/** The 30 minutes within which the same reader counts once. */
export const READER_WINDOW_MS = 30 * 60_000;

/** 'YYYY-MM-DD' in UTC: the day of the counts and of the salt. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

// One salt per database and day, cached: read from usage_salts once a day per process.
const salts = new WeakMap<Db, { day: string; salt: string }>();

/**
 * The day's random salt, shared by every process on the database (first writer wins). Earlier
 * days' salts are deleted, so yesterday's reader hashes can no longer be tied to anyone.
 */
export function daySalt(db: Db, now: Date): string {
  const day = utcDay(now);
  const cached = salts.get(db);
  if (cached?.day === day) return cached.salt;
  const sqlite = db.$client;
  statement(sqlite, 'insert or ignore into usage_salts (day, salt) values (?, ?)').run(
    day,
    randomBytes(32).toString('base64url'),
  );
  const { salt } = statement(sqlite, 'select salt from usage_salts where day = ?').get(day) as { salt: string };
  salts.set(db, { day, salt });
  return salt;
}

const digest = (...parts: (string | number)[]) =>
  createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);

/** A reader of one licence: address + user agent, salted with the day's salt. No address is kept. */
export const readerKey = (salt: string, licenseId: number, address: string, userAgent: string) =>
  digest(salt, 'reader', licenseId, address, userAgent);

/** The key an address is rate-limited under (hashed too: the limiter's memory holds no address). */
export const addressKey = (salt: string, address: string) => digest(salt, 'address', address);
