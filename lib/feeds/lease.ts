import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { leases } from '@/db/schema';

/*
 * A lease row says which process may run a singleton job until when. Taking it is one upsert
 * whose update only happens when the row is free (expired) or already ours; SQLite runs a
 * statement as a whole, so of two processes racing for a free lease exactly one changes the row.
 * A holder that dies simply stops renewing; the lease is free again when it expires.
 */

/** Takes or renews the lease for `ttlMs`; true when `holder` holds it now. */
export function acquireLease(db: Db, name: string, holder: string, ttlMs: number, now = Date.now()): boolean {
  const res = db
    .insert(leases)
    .values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: sql`${leases.holder} = ${holder} or ${leases.expiresAt} <= ${now}`,
    })
    .run();
  return res.changes === 1;
}

/** Gives the lease up at once (only if `holder` holds it), so another process need not wait for the expiry. */
export function releaseLease(db: Db, name: string, holder: string): void {
  db.delete(leases)
    .where(sql`${leases.name} = ${name} and ${leases.holder} = ${holder}`)
    .run();
}

export function leaseHolder(db: Db, name: string, now = Date.now()): { holder: string; expiresAt: number } | null {
  const row = db.select().from(leases).where(eq(leases.name, name)).get();
  return row && row.expiresAt > now ? { holder: row.holder, expiresAt: row.expiresAt } : null;
}
