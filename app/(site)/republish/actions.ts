'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { publicAction, publisherAction } from '@/lib/actions/builders';
import { searchLicensableArticles } from '@/lib/requests/articles';
import { submitRequest } from '@/lib/requests/create';
import {
  ONLY_PUBLISHERS,
  requestForm,
  requestFormInvalid,
  requestFormValues,
  SIGN_IN_TO_SUBMIT,
} from '@/lib/requests/submit-form';

/**
 * Stores the request (submitRequest recomputes the quote with the organisation's own type and
 * answers a repeated idempotency key with the first request), then shows it.
 */
export const submitRequestAction = publisherAction(
  requestForm,
  async (input, user) => {
    const { request } = await submitRequest(input, user);
    // A repeated submission of the same form lands on the same request.
    redirect(`/account/requests/${request.reference}?received=1`);
  },
  {
    refused: { visitor: SIGN_IN_TO_SUBMIT, account: ONLY_PUBLISHERS },
    invalid: requestFormInvalid,
    values: requestFormValues,
    failure: 'We could not store your request. Please try again.',
  },
);

/** The request form's "add article" search. The catalogue is public, so no sign-in is needed. */
export const searchArticlesAction = publicAction.call(
  z.tuple([z.string().max(1000), z.array(z.string()).max(200)]),
  ([q, exclude]) => searchLicensableArticles(q, { limit: 8, exclude: exclude.slice(0, 50) }),
  [],
);
