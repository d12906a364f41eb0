'use server';

import { currentUser } from '@/lib/auth/session';
import { askForUnlisted } from '@/lib/requests/unlisted-asks';
import type { FormState } from '@/lib/validation/errors';

/** "Ask for it anyway" (publishers only: askForUnlisted refuses anyone else first). */
export async function askAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const text = (k: string) => (typeof formData.get(k) === 'string' ? (formData.get(k) as string) : '');
  return askForUnlisted(await currentUser(), { url: text('url'), note: text('note') });
}
