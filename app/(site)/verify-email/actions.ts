'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { userAction } from '@/lib/actions/builders';
import { clientAddress } from '@/lib/auth/client-address';
import { resendVerification } from '@/lib/auth/email-verification';
import { AppError } from '@/lib/errors';

/** "Send the link again", for the signed-in, unconfirmed account only; rate limited in lib. */
export const resendVerificationAction = userAction(z.object({}), async (_input, user) => {
  const res = await resendVerification(user, clientAddress(await headers()));
  if (!res.ok) throw new AppError('rate_limited', res.message);
  return res.message;
});
