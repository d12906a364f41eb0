import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { rateCards } from '@/db/schema';
import { DEFAULT_RATE_CARD, type RateCard } from '@/lib/quote';

export type VersionedRateCard = { version: number; card: RateCard; createdAt: string };

/**
 * A stored card as today's code reads it: a version saved before a use, licensee type or block was
 * added (the AI uses and catalogue tiers came later) takes the default card's values for what it
 * lacks. Stored rows are never rewritten; this only fills gaps on read.
 */
export function withCardDefaults(stored: RateCard): RateCard {
  const d = DEFAULT_RATE_CARD;
  return {
    ...d,
    ...stored,
    baseFee: { ...d.baseFee, ...stored.baseFee },
    licenseeType: { ...d.licenseeType, ...stored.licenseeType },
    catalogue: stored.catalogue ?? d.catalogue,
  };
}

// Read on every quote and submission: prepared once per connection (db/prepared.ts).
const newest = preparedFor((db) => db.select().from(rateCards).orderBy(desc(rateCards.version)).limit(1).prepare());

/** The newest version; version 1 (the default card) is created on first use. */
export function currentRateCard(db: Db = getDb()): VersionedRateCard {
  let row = newest(db).get();
  if (!row) {
    db.insert(rateCards).values({ version: 1, data: DEFAULT_RATE_CARD }).onConflictDoNothing().run();
    row = db.select().from(rateCards).where(eq(rateCards.version, 1)).get()!;
  }
  return { version: row.version, card: withCardDefaults(row.data as RateCard), createdAt: row.createdAt };
}

export function rateCardVersion(version: number, db: Db = getDb()): VersionedRateCard | undefined {
  const row = db.select().from(rateCards).where(eq(rateCards.version, version)).get();
  return row && { version: row.version, card: withCardDefaults(row.data as RateCard), createdAt: row.createdAt };
}

/** Saving never rewrites: it appends the next version. */
export function saveRateCard(card: RateCard, userId: number, db: Db = getDb()): number {
  return db.transaction((tx) => {
    const last = tx.select().from(rateCards).orderBy(desc(rateCards.version)).limit(1).get();
    const version = (last?.version ?? 0) + 1;
    tx.insert(rateCards).values({ version, data: card, createdBy: userId }).run();
    return version;
  });
}
