import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { rateCards, users, type PublicUser } from '@/db/schema';
import { saveRateCard } from '@/lib/rate-card';
import { z } from 'zod';
import type { FormFields } from '@/lib/actions/form-data';
import { rateCardFormSchema, rateCardInput } from '@/lib/rate-card/schema';

/** Every version, newest first, with who saved it (version 1 is the built-in default). */
export function listRateCardVersions(db: Db = getDb()) {
  return db
    .select({ version: rateCards.version, createdAt: rateCards.createdAt, createdBy: users.name })
    .from(rateCards)
    .leftJoin(users, eq(users.id, rateCards.createdBy))
    .orderBy(desc(rateCards.version))
    .all();
}

/** The rate card form's flat, dotted fields ("audienceBands.1.min") read as the nested card. */
export const rateCardForm = z.preprocess(
  (fields) =>
    rateCardInput(Object.entries(fields as FormFields).filter((e): e is [string, string] => typeof e[1] === 'string')),
  rateCardFormSchema,
);

/** Saves the edited card as the next version; requests keep the version they were quoted on. */
export async function saveRateCardForm(
  card: z.output<typeof rateCardForm>,
  user: PublicUser,
  db: Db = getDb(),
): Promise<string> {
  const version = saveRateCard(card, user.id, db);
  return `Saved as version ${version}. New quotes use it from now on.`;
}
