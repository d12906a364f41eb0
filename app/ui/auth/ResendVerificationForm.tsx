'use client';

import { useActionState } from 'react';
import { resendVerificationAction } from '@/app/(site)/verify-email/actions';
import { FormMessage } from '@/app/ui/forms/Field';

export function ResendVerificationForm() {
  const [state, action, pending] = useActionState(resendVerificationAction, null);
  return (
    <form action={action}>
      <FormMessage message={state?.message} ok={state?.ok} />
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? 'Sending…' : 'Send the link again'}
      </button>
    </form>
  );
}
