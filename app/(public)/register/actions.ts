'use server';

import { headers } from 'next/headers';
import { clientAddress } from '@/lib/auth/client-address';
import { registerAccount } from '@/lib/auth/register';
import { registerSchema } from '@/lib/validation/auth';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData, ['password']);
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  }
  try {
    // The same answer for a new and an already registered email (lib/auth/register.ts).
    const result = await registerAccount(parsed.data, clientAddress(await headers()));
    return result.ok ? result : { ok: false, errors: {}, message: result.message, values };
  } catch (e) {
    console.error('register failed', e instanceof Error ? e.message : e);
    return { ok: false, errors: {}, message: 'We could not create your account. Please try again.', values };
  }
}
