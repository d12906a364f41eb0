'use server';

import { headers } from 'next/headers';
import { clientAddress } from '@/lib/auth/client-address';
import { resendVerification } from '@/lib/auth/email-verification';
import { requireUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/errors';

/** "Send the link again", for the signed-in, unconfirmed account only; rate limited in lib. */
export async function resendVerificationAction(): Promise<FormState> {
  const user = await requireUser('/republish');
  const res = await resendVerification(user, clientAddress(await headers()));
  return res.ok ? { ok: true, message: res.message } : { ok: false, errors: {}, message: res.message };
}
