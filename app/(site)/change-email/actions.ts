'use server';

import { z } from 'zod';
import { publicAction } from '@/lib/actions/builders';
import { CHANGE_MESSAGES, confirmEmailChange } from '@/lib/auth/change-email';
import { AppError } from '@/lib/errors';

/** The button on the link's page: the token mailed to the new address is the proof. */
export const confirmEmailChangeAction = publicAction(
  z.object({ token: z.string().max(200) }),
  ({ token }) => {
    const outcome = confirmEmailChange(token);
    if (outcome !== 'changed')
      throw new AppError(
        outcome === 'invalid' ? 'not_found' : outcome === 'taken' ? 'conflict' : 'gone',
        CHANGE_MESSAGES[outcome],
      );
    return CHANGE_MESSAGES.changed;
  },
  { invalid: () => ({ errors: {}, message: CHANGE_MESSAGES.invalid }) },
);
