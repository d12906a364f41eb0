'use server';

import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/session';
import type { QuoteArticle } from '@/lib/quote';
import { searchLicensableArticles } from '@/lib/requests/articles';
import { requestFormValues, submitRequestForm } from '@/lib/requests/submit-form';
import type { FormState } from '@/lib/validation/errors';

export async function submitRequestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let reference: string;
  try {
    const result = await submitRequestForm(formData, await currentUser());
    if (!result.ok) return result;
    reference = result.reference;
  } catch (e) {
    console.error('submitting a request failed', e);
    return { ok: false, errors: {}, message: 'We could not store your request. Please try again.', values: requestFormValues(formData) };
  }
  // A repeated submission of the same form lands on the same request.
  redirect(`/account/requests/${reference}?received=1`);
}

/** The request form's "add article" search. The catalogue is public, so no sign-in is needed. */
export async function searchArticlesAction(q: string, exclude: string[]): Promise<QuoteArticle[]> {
  if (typeof q !== 'string' || !Array.isArray(exclude)) return [];
  return searchLicensableArticles(q, { limit: 8, exclude: exclude.filter((s) => typeof s === 'string').slice(0, 50) });
}
