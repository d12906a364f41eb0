'use client';

import { useActionState, useState } from 'react';
import { submitRequestAction } from '@/app/(site)/republish/actions';
import { DateField } from '@/app/ui/forms/DateField';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { LiveTotal, readOptions } from '@/app/ui/quote/QuoteCalculator';
import { QuoteBreakdown } from '@/app/ui/quote/QuoteBreakdown';
import { QuoteOptionFields } from '@/app/ui/quote/QuoteOptionFields';
import type { OrgType } from '@/db/enums';
import type { QuoteArticle, RateCard } from '@/lib/quote';
import { liveQuote, liveReview, type OptionValues } from '@/lib/requests/options';
import type { AutoApprovalSettings } from '@/lib/requests/auto-approval';
import { formatMoney } from '@/lib/quote';
import { LICENSEE_LABELS } from '@/lib/requests/labels';
import type { FormState } from '@/lib/errors';
import { ArticlePicker } from './ArticlePicker';
import { LicenceTermsFieldset } from '@/app/ui/forms/LicenceTermsFieldset';

type Props = {
  initialArticles: QuoteArticle[];
  /** Field values the form opens with (options from the URL, the organisation's name and site…). */
  initialValues: Record<string, string>;
  idempotencyKey: string;
  rateCard: RateCard;
  licenseeType: OrgType;
  organizationName: string;
  terms: readonly string[];
  today: string;
  /** The desk's auto-approval rule and whether the organisation is flagged: will this be licensed at once? */
  autoApproval: AutoApprovalSettings;
  flagged: boolean;
};

export function RequestForm(props: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(submitRequestAction, null);
  // Outside the keyed form, so the chosen articles survive its remount after an error.
  const [articles, setArticles] = useState(props.initialArticles);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? props.initialValues;

  return (
    // React resets a form after its action; remounting with what was typed keeps the input.
    <form
      action={action}
      className="form request-form"
      noValidate
      key={failed ? JSON.stringify(failed.values) : 'initial'}
    >
      <FormMessage message={failed?.message} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <FormBody
        {...props}
        values={values}
        errors={failed?.errors ?? {}}
        articles={articles}
        setArticles={setArticles}
        pending={pending}
      />
    </form>
  );
}

type BodyProps = Props & {
  values: Record<string, string>;
  errors: Record<string, string>;
  articles: QuoteArticle[];
  setArticles: (a: QuoteArticle[]) => void;
  pending: boolean;
};

function FormBody({
  values,
  errors,
  articles,
  setArticles,
  pending,
  rateCard,
  licenseeType,
  organizationName,
  terms,
  today,
  autoApproval,
  flagged,
}: BodyProps) {
  const [options, setOptions] = useState<OptionValues>({
    use: values.use ?? 'web',
    audience: values.audience ?? '',
    territory: values.territory ?? 'country',
    duration: values.duration ?? '1y',
    portion: values.portion ?? 'full',
    translation: values.translation === 'on' ? 'on' : '',
  });
  const live = liveQuote(options, articles, rateCard, licenseeType);
  const review = liveReview(live, articles, autoApproval, flagged);

  return (
    <div
      className="two-col request-layout"
      onChange={(e) => setOptions(readOptions((e.target as HTMLInputElement).form!))}
    >
      <div className="form">
        <ArticlePicker articles={articles} onChange={setArticles} error={errors.articles} />
        <fieldset>
          <legend>Where it will appear</legend>
          <Field
            name="publicationName"
            label="Publication name"
            required
            defaultValue={values.publicationName}
            error={errors.publicationName}
          />
          <Field
            name="publicationUrl"
            label="Publication web address"
            type="url"
            required
            placeholder="https://"
            hint="Where the article will appear, starting with http:// or https://."
            defaultValue={values.publicationUrl}
            error={errors.publicationUrl}
          />
        </fieldset>
        <fieldset>
          <legend>How you will use it</legend>
          <QuoteOptionFields defaults={values} current={options} errors={errors} withDetails />
          <DateField
            name="startDate"
            label="Start date"
            min={today}
            minMessage="The start date cannot be in the past."
            required
            defaultValue={values.startDate}
            error={errors.startDate}
          />
          <Field name="notes" label="Notes for the desk (optional)" error={errors.notes}>
            <textarea
              id="f-notes"
              name="notes"
              rows={4}
              maxLength={4000}
              defaultValue={values.notes}
              aria-invalid={errors.notes ? true : undefined}
              aria-describedby={errors.notes ? 'f-notes-error' : undefined}
            />
          </Field>
        </fieldset>
        <LicenceTermsFieldset terms={terms} accepted={values.acceptTerms === 'on'} error={errors.acceptTerms} />
        {/* The total and what happens next, right above the button: on a phone the quote panel is far below. */}
        <div className="submit-summary" data-testid="submit-summary" aria-live="polite">
          {live.quote ? (
            <>
              <p className="quote-total">
                <span>Total</span> <strong>{formatMoney(live.quote.total, live.quote.currency)}</strong>
              </p>
              <p className="hint">
                {review && review.length === 0
                  ? 'Licensed at once when you submit.'
                  : `The desk reviews this request before licensing: ${review?.join(' ') ?? ''}`}
              </p>
            </>
          ) : (
            <p className="hint">{live.problem}</p>
          )}
        </div>
        <p className="actions-row">
          <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
            {pending ? 'Submitting…' : 'Submit request'}
          </button>
          <span className="hint">The desk confirms the price when it stores your request.</span>
        </p>
      </div>
      <aside aria-labelledby="live-quote-heading">
        <div className="card sticky-quote">
          <h2 id="live-quote-heading">Your quote</h2>
          <p className="hint">
            Priced for {organizationName} ({LICENSEE_LABELS[licenseeType].toLowerCase()}).
          </p>
          <LiveTotal live={live} />
          {live.quote ? (
            <QuoteBreakdown quote={live.quote} idPrefix="live" review={review} />
          ) : (
            <p className="notice info">{live.problem}</p>
          )}
        </div>
      </aside>
    </div>
  );
}
