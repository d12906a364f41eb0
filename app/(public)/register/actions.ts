'use server';

import { publicAction } from '@/lib/actions/builders';
import { registerPublisher } from '@/lib/auth/users';
import { registerSchema } from '@/lib/validation/auth';

/** Creates a publisher account and its organisation; the form then signs in. */
export const registerAction = publicAction(
  registerSchema,
  async (input) => {
    await registerPublisher(input);
  },
  { failure: 'We could not create your account. Please try again.' },
);
