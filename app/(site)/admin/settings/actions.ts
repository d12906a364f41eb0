'use server';

import { revalidatePath } from 'next/cache';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { saveSettingsForm } from '@/lib/admin/settings';
import { currentUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/errors';

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await saveSettingsForm(await currentUser(), formData);
  if (state?.ok) {
    revalidatePath('/admin/settings');
    revalidateVisitorPages(); // publisher name, agencies
  }
  return state;
}
