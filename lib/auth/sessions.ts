import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { sessions } from '@/db/schema';

/** last_seen_at is written at most this often: a session read is then one indexed lookup. */
export const TOUCH_INTERVAL_MS = 60_000;

/** "Firefox on Windows": enough to recognise a device in a list, nothing that fingerprints. */
export function summarizeUserAgent(ua: string | null | undefined): string {
  const s = String(ua ?? '');
  const browser = /Edg\//.test(s)
    ? 'Edge'
    : /Firefox\//.test(s)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(s)
        ? 'Chrome'
        : /Safari\//.test(s)
          ? 'Safari'
          : s
            ? 'Other browser'
            : 'Unknown browser';
  const os = /Android/.test(s)
    ? 'Android'
    : /iPhone|iPad/.test(s)
      ? 'iOS'
      : /Windows/.test(s)
        ? 'Windows'
        : /Mac OS X/.test(s)
          ? 'macOS'
          : /Linux/.test(s)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

/** Records a new session at sign-in; its id goes into the JWT. */
export function createSession(userId: number, userAgent: string | null | undefined, db: Db = getDb()): string {
  const id = randomBytes(32).toString('base64url');
  db.insert(sessions)
    .values({ id, userId, userAgent: summarizeUserAgent(userAgent) })
    .run();
  return id;
}

/**
 * Is this session (id from the JWT) live for this user? Touches last_seen_at when it is older
 * than a minute, so most reads write nothing.
 */
export function touchSessionIfStale(
  id: string,
  userId: number,
  now = Date.now(),
  db: Db = getDb(),
): { valid: boolean; touched: boolean } {
  const row = db
    .select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(eq(sessions.id, id))
    .get();
  if (!row || row.userId !== userId || row.revokedAt) return { valid: false, touched: false };
  if (now - Date.parse(row.lastSeenAt) < TOUCH_INTERVAL_MS) return { valid: true, touched: false };
  db.update(sessions)
    .set({ lastSeenAt: new Date(now).toISOString() })
    .where(eq(sessions.id, id))
    .run();
  return { valid: true, touched: true };
}

export function isSessionLive(id: unknown, userId: unknown, db: Db = getDb()): boolean {
  if (typeof id !== 'string' || typeof userId !== 'number') return false;
  return touchSessionIfStale(id, userId, Date.now(), db).valid;
}

export function revokeSession(id: unknown, db: Db = getDb()): void {
  if (typeof id !== 'string') return;
  db.update(sessions)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .run();
}

/**
 * Ends every session of a user ("sign out everywhere", a disabled account, a password change),
 * except `keep` when the user stays signed in where they made the change.
 */
export function revokeUserSessions(userId: number, opts: { keep?: string } = {}, db: Conn = getDb()): number {
  // One statement, inside the caller's transaction when it passes its tx (disabling an account).
  const open = and(
    eq(sessions.userId, userId),
    isNull(sessions.revokedAt),
    opts.keep ? ne(sessions.id, opts.keep) : undefined,
  );
  return db.update(sessions).set({ revokedAt: new Date().toISOString() }).where(open).run().changes;
}

export function signOutEverywhere(userId: number, db: Db = getDb()): number {
  return revokeUserSessions(userId, {}, db);
}

/** The user's live sessions, newest activity first (for an account settings page). */
export function listSessions(userId: number, db: Db = getDb()) {
  return db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .all()
    .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
}
