'use server';

import { revalidatePath } from 'next/cache';
import { currentUser } from '@/lib/auth/session';
import { sendThreadMessage, takePublisherAction } from '@/lib/requests/publisher-actions';
import type { FormState } from '@/lib/validation/errors';

function refresh(fd: FormData, state: FormState): FormState {
  const ref = fd.get('reference');
  if (state?.ok && typeof ref === 'string') revalidatePath(`/account/requests/${ref}`);
  return state;
}

export async function publisherAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    return refresh(formData, await takePublisherAction(formData, await currentUser()));
  } catch (e) {
    console.error('request action failed', e);
    return { ok: false, errors: {}, message: 'Something went wrong. Please reload the page and try again.' };
  }
}

export async function messageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    return refresh(formData, await sendThreadMessage(formData, await currentUser()));
  } catch (e) {
    console.error('posting a message failed', e);
    const body = formData.get('body');
    return { ok: false, errors: {}, message: 'Your message could not be sent. Please try again.', values: { body: typeof body === 'string' ? body : '' } };
  }
}
