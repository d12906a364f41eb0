'use server';

import { staffAction } from '@/lib/actions/builders';
import { retryOutboxMail } from '@/lib/mail/outbox-desk';
import { idSchema } from '@/lib/validation/admin';

export const retryMailAction = staffAction(idSchema, (input) => retryOutboxMail(input), {
  invalid: () => ({ errors: {}, message: 'Unknown mail.' }),
  revalidate: ['/admin/outbox'],
});
