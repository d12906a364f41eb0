'use server';

import { headers } from 'next/headers';
import { publicAction } from '@/lib/actions/builders';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/auth/client-address';
import { registerAccount } from '@/lib/auth/register';
import { registerSchema } from '@/lib/validation/auth';

/**
 * Creates a publisher account and its organisation, or (for an email that already has an
 * account) tells its owner by mail: the answer is the same either way (lib/auth/register.ts).
 */
export const registerAction = publicAction(
  registerSchema,
  async (input) => {
    const result = await registerAccount(input, clientAddress(await headers()));
    if (!result.ok) throw new AppError('rate_limited', result.message);
    return result.message;
  },
  { failure: 'We could not create your account. Please try again.' },
);
