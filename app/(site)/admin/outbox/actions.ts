'use server';

import { staffAction } from '@/lib/actions/builders';
import { retryOutboxMail } from '@/lib/mail/outbox-desk';
import { retryWebhookDelivery } from '@/lib/webhooks/endpoints';
import { idSchema } from '@/lib/validation/admin';

export const retryMailAction = staffAction(idSchema, (input) => retryOutboxMail(input), {
  invalid: () => ({ errors: {}, message: 'Unknown mail.' }),
  revalidate: ['/admin/outbox'],
});

export const retryWebhookAction = staffAction(idSchema, (input, user) => retryWebhookDelivery(input.id, user), {
  invalid: () => ({ errors: {}, message: 'Unknown delivery.' }),
  revalidate: ['/admin/outbox'],
});
