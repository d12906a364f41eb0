'use server';

import { EmailTakenError, registerPublisher } from '@/lib/auth/users';
import { registerSchema } from '@/lib/validation/auth';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData, ['password']);
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  }
  try {
    await registerPublisher(parsed.data);
  } catch (e) {
    if (e instanceof EmailTakenError) {
      return { ok: false, errors: { email: e.message }, message: 'Please correct the marked fields.', values };
    }
    console.error('register failed', e);
    return { ok: false, errors: {}, message: 'We could not create your account. Please try again.', values };
  }
  return { ok: true };
}
