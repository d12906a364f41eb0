'use server';

import { revalidatePath } from 'next/cache';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { saveRateCardForm } from '@/lib/admin/rate-card';
import { currentUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/errors';

export async function saveRateCardAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await saveRateCardForm(await currentUser(), formData);
  if (state?.ok) {
    revalidatePath('/admin/rate-card');
    revalidateVisitorPages(); // the article pages' price panel
  }
  return state;
}
