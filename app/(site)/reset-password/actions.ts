'use server';

import { publicAction } from '@/lib/actions/builders';
import { resetPassword, resetPasswordSchema } from '@/lib/auth/password-reset';

/** The mailed token is the proof: it is used in the transaction that writes the new password. */
export const resetPasswordAction = publicAction(resetPasswordSchema, (input) => resetPassword(input));
