'use server';

import { revalidatePath } from 'next/cache';
import { requireStaff } from '@/lib/auth/session';
import { askIdSchema, attachAsk, dismissAsk } from '@/lib/requests/unlisted-asks';
import type { FormState } from '@/lib/validation/errors';

const UNKNOWN: FormState = { ok: false, errors: {}, message: 'Unknown ask.' };

/** Staff attach the now-imported article to a publisher's ask for it. */
export async function attachAskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const staff = await requireStaff();
  const parsed = askIdSchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) return UNKNOWN;
  const state = await attachAsk(staff, parsed.data.id);
  if (state?.ok) revalidatePath('/admin/requests');
  return state;
}

export async function dismissAskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const staff = await requireStaff();
  const parsed = askIdSchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) return UNKNOWN;
  const state = await dismissAsk(staff, parsed.data.id);
  if (state?.ok) revalidatePath('/admin/requests');
  return state;
}
