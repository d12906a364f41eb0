'use server';

import { redirect } from 'next/navigation';
import { publisherAction } from '@/lib/actions/builders';
import { catalogueFormInvalid, catalogueFormValues, catalogueRequestForm } from '@/lib/catalogue-licences/form';
import { submitCatalogueRequest } from '@/lib/requests/create';
import { ONLY_PUBLISHERS, SIGN_IN_TO_SUBMIT } from '@/lib/requests/submit-form';

/**
 * Stores the catalogue-licence request (the server counts and prices the selection again, on the
 * organisation's own type) and shows it; a repeated idempotency key lands on the first request.
 */
export const submitCatalogueRequestAction = publisherAction(
  catalogueRequestForm,
  async (input, user) => {
    const { request } = await submitCatalogueRequest(input, user);
    redirect(`/account/requests/${request.reference}?received=1`);
  },
  {
    refused: { visitor: SIGN_IN_TO_SUBMIT, account: ONLY_PUBLISHERS },
    invalid: catalogueFormInvalid,
    values: catalogueFormValues,
    failure: 'We could not store your request. Please try again.',
  },
);
