'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/actions/builders';
import { markPaidForm } from '@/lib/licenses/forms';
import { markPaidSchema } from '@/lib/validation/license';

/** Record that a licence's invoice is paid (downloads waiting for payment open with it). */
export const markPaidAction = staffAction(markPaidSchema, (input, user) => markPaidForm(input, user), {
  invalid: () => ({ errors: {}, message: 'Unknown licence.' }),
  revalidate: () => revalidatePath('/admin', 'layout'),
});
