'use server';

import { revalidatePath } from 'next/cache';
import { decideRequest, sendStaffMessage } from '@/lib/admin/review';
import { currentUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/errors';

// Thin wrappers: lib/admin/review.ts authorizes (staff only), validates and acts.

function refreshed(formData: FormData, state: FormState): FormState {
  const ref = formData.get('reference');
  if (state?.ok && typeof ref === 'string') revalidatePath(`/admin/requests/${ref}`);
  return state;
}

export async function decideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return refreshed(formData, await decideRequest(await currentUser(), formData));
}

export async function staffMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return refreshed(formData, await sendStaffMessage(await currentUser(), formData));
}
