'use server';

import { headers } from 'next/headers';
import { publicAction } from '@/lib/actions/builders';
import { clientAddress } from '@/lib/auth/client-address';
import { forgotPasswordSchema, requestPasswordReset } from '@/lib/auth/password-reset';

/** Mails a reset link if the address has an account; the answer is the same either way. */
export const forgotPasswordAction = publicAction(forgotPasswordSchema, async (input) =>
  requestPasswordReset(input, clientAddress(await headers())),
);
