'use server';

import { revalidatePath } from 'next/cache';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { currentUser } from '@/lib/auth/session';
import { articleNoticeForm } from '@/lib/licenses/forms';
import type { FormState } from '@/lib/validation/errors';

/** Mark an article corrected or withdrawn; every licensee holding it gets a notice. */
export async function articleNoticeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await articleNoticeForm(await currentUser(), formData);
  if (result?.ok) {
    revalidatePath('/admin/articles', 'layout');
    revalidateVisitorPages();
  }
  return result;
}
