'use server';

import { publisherAction } from '@/lib/actions/builders';
import { createToken, createTokenSchema, revokeToken, tokenIdSchema } from '@/lib/api/tokens';
import {
  addEndpoint,
  endpointIdSchema,
  endpointSchema,
  removeEndpoint,
  retryWebhookDelivery,
} from '@/lib/webhooks/endpoints';

// Publishers reach these; the domain functions then let only the organisation's owners act.
const revalidate = ['/account/api'];
const unknown = () => ({ errors: {}, message: 'Please reload the page and try again.' });

export const createTokenAction = publisherAction(createTokenSchema, (input, user) => createToken(input, user), {
  revalidate,
});
export const revokeTokenAction = publisherAction(tokenIdSchema, (input, user) => revokeToken(input.id, user), {
  revalidate,
  invalid: unknown,
});
export const addEndpointAction = publisherAction(endpointSchema, (input, user) => addEndpoint(input, user), {
  revalidate,
});
export const removeEndpointAction = publisherAction(endpointIdSchema, (input, user) => removeEndpoint(input.id, user), {
  revalidate,
  invalid: unknown,
});
export const retryDeliveryAction = publisherAction(
  endpointIdSchema,
  (input, user) => retryWebhookDelivery(input.id, user),
  { revalidate, invalid: unknown },
);
