'use server';

import { revalidatePath } from 'next/cache';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { requireStaff } from '@/lib/auth/session';
import { ArticleNotFoundError, updateArticleRights } from '@/lib/catalogue/admin';
import { articleRightsFromForm, articleRightsSchema } from '@/lib/validation/catalogue';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';

/** Staff: rights status, premium multiplier, hidden flag and each asset's licensable flag. */
export async function updateArticleRightsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const values = submittedValues(formData);
  const parsed = articleRightsSchema.safeParse(articleRightsFromForm(formData));
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  }
  const { premium, ...rest } = parsed.data;
  try {
    await updateArticleRights({ ...rest, premiumMilli: premium });
  } catch (e) {
    if (e instanceof ArticleNotFoundError) return { ok: false, errors: {}, message: e.message, values };
    console.error('article rights update failed', e);
    return { ok: false, errors: {}, message: 'The changes could not be saved. Please try again.', values };
  }
  revalidatePath('/admin/articles', 'layout');
  // Signed-in pages render per request; the visitors' cached copies are dropped here.
  revalidateVisitorPages();
  return { ok: true, message: 'Saved.' };
}
