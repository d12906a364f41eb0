'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/actions/builders';
import { updateArticleRights } from '@/lib/catalogue/admin';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { articleRightsFormSchema } from '@/lib/validation/catalogue';

/** Staff: rights status, premium multiplier, hidden flag and each asset's licensable flag. */
export const updateArticleRightsAction = staffAction(
  articleRightsFormSchema,
  async ({ premium, ...rest }) => {
    updateArticleRights({ ...rest, premiumMilli: premium });
    return 'Saved.';
  },
  {
    failure: 'The changes could not be saved. Please try again.',
    revalidate: () => {
      revalidatePath('/admin/articles', 'layout');
      // Signed-in pages render per request; the visitors' cached copies are dropped here.
      revalidateVisitorPages();
    },
  },
);
