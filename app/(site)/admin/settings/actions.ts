'use server';

import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/builders';
import { saveSettingsForm } from '@/lib/settings/write';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { settingsFormSchema } from '@/lib/validation/admin';

export const saveSettingsAction = adminAction(settingsFormSchema, (input) => saveSettingsForm(input), {
  revalidate: () => {
    revalidatePath('/admin/settings');
    revalidateVisitorPages(); // publisher name, agencies
  },
});
