'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/actions/builders';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { articleNoticeForm } from '@/lib/licenses/forms';
import { articleNoticeSchema } from '@/lib/validation/license';

/** Mark an article corrected or withdrawn; every licensee holding it gets a notice. */
export const articleNoticeAction = staffAction(articleNoticeSchema, (input, user) => articleNoticeForm(input, user), {
  revalidate: () => {
    revalidatePath('/admin/articles', 'layout');
    revalidateVisitorPages();
  },
});
