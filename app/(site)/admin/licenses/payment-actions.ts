'use server';

import { revalidatePath } from 'next/cache';
import { currentUser } from '@/lib/auth/session';
import { markPaidForm } from '@/lib/licenses/forms';
import type { FormState } from '@/lib/validation/errors';

/** Record that a licence's invoice is paid (downloads waiting for payment open with it). */
export async function markPaidAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await markPaidForm(await currentUser(), formData);
  if (result?.ok) revalidatePath('/admin', 'layout');
  return result;
}
