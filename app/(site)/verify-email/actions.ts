'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { publicAction, userAction } from '@/lib/actions/builders';
import { clientAddress } from '@/lib/auth/client-address';
import { resendVerification, VERIFY_MESSAGES, verifyEmailToken } from '@/lib/auth/email-verification';
import { AppError } from '@/lib/errors';

/** "Send the link again", for the signed-in, unconfirmed account only; rate limited in lib. */
export const resendVerificationAction = userAction(z.object({}), async (_input, user) => {
  const res = await resendVerification(user, clientAddress(await headers()));
  if (!res.ok) throw new AppError('rate_limited', res.message);
  return res.message;
});

/** The button on the link's page: the token is the proof, so no session is needed. */
export const confirmEmailAction = publicAction(
  z.object({ token: z.string().max(200) }),
  ({ token }) => {
    const outcome = verifyEmailToken(token);
    if (outcome !== 'verified')
      throw new AppError(outcome === 'invalid' ? 'not_found' : 'gone', VERIFY_MESSAGES[outcome]);
    return VERIFY_MESSAGES.verified;
  },
  { invalid: () => ({ errors: {}, message: VERIFY_MESSAGES.invalid }) },
);
