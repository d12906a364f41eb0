'use server';

import { revalidatePath } from 'next/cache';
import { retryOutboxMail } from '@/lib/admin/outbox';
import { currentUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/errors';

export async function retryMailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await retryOutboxMail(await currentUser(), formData);
  if (state?.ok) revalidatePath('/admin/outbox');
  return state;
}
