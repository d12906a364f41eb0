import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { rateCards, users, type PublicUser } from '@/db/schema';
import { saveRateCard } from '@/lib/rate-card';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';
import { rateCardFormSchema, rateCardInput } from '@/lib/validation/rate-card';
import { errorState, refusal, staffOnly } from './guard';

/** Every version, newest first, with who saved it (version 1 is the built-in default). */
export async function listRateCardVersions(db: Db = getDb()) {
  return db
    .select({ version: rateCards.version, createdAt: rateCards.createdAt, createdBy: users.name })
    .from(rateCards)
    .leftJoin(users, eq(users.id, rateCards.createdBy))
    .orderBy(desc(rateCards.version))
    .all();
}

/** Saves the edited card as the next version; requests keep the version they were quoted on. */
export async function saveRateCardForm(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!staffOnly(user)) return refusal();
  const values = submittedValues(formData);
  const parsed = rateCardFormSchema.safeParse(rateCardInput(formData.entries()));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  try {
    const version = await saveRateCard(parsed.data, user.id, db);
    return { ok: true, message: `Saved as version ${version}. New quotes use it from now on.` };
  } catch (e) {
    return errorState(e, values);
  }
}
