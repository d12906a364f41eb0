'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/actions/builders';
import { aiSettingsFormSchema } from '@/lib/ai-terms/form';
import { saveAiSettings } from '@/lib/ai-terms/save';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';

export const saveAiSettingsAction = staffAction(aiSettingsFormSchema, (input) => saveAiSettings(input), {
  revalidate: () => {
    revalidatePath('/admin/ai');
    revalidateVisitorPages(); // the article pages' TDMRep meta tags and headers
  },
});
