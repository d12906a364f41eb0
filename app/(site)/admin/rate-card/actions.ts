'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/actions/builders';
import { rateCardForm, saveRateCardForm } from '@/lib/rate-card/versions';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';

export const saveRateCardAction = staffAction(rateCardForm, (card, user) => saveRateCardForm(card, user), {
  revalidate: () => {
    revalidatePath('/admin/rate-card');
    revalidateVisitorPages(); // the article pages' price panel
  },
});
