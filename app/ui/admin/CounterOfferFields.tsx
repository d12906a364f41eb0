'use client';

import { useActionState, useState } from 'react';
import { decideAction } from '@/app/(site)/admin/requests/[ref]/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { OptionSelect } from '@/app/ui/quote/QuoteOptionFields';
import { DURATIONS, PORTIONS, TERRITORIES, USES } from '@/db/enums';
import type { FormState } from '@/lib/errors';
import { formatMoney } from '@/lib/quote';
import type { CounterFormBasis } from '@/lib/requests/counter-view';
import { DURATION_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';
import { liveQuote, type OptionValues } from '@/lib/requests/options';

type Values = OptionValues & { kept: string[]; added: string };

function read(form: HTMLFormElement): Values {
  const fd = new FormData(form);
  const s = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : '');
  return {
    use: s('use'),
    audience: s('audience'),
    territory: s('territory'),
    duration: s('duration'),
    portion: s('portion'),
    translation: '',
    kept: fd.getAll('articles').filter((v): v is string => typeof v === 'string'),
    added: s('addArticles').trim(),
  };
}

/**
 * The staff counter-offer: a fee and, where they change, the terms — use, audience, territory,
 * duration, portion and the article list — prefilled with the request's own. Beside the fee, the
 * quote of the changed terms with the same engine and rate card the request was quoted on
 * (lib/quote.ts). The server checks and prices them again (lib/requests/counter.ts).
 */
export function CounterOfferForm({
  reference,
  version,
  basis,
}: {
  reference: string;
  version: number;
  basis: CounterFormBasis;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(decideAction, null);
  const failed = state && !state.ok ? state : null;
  const v = failed?.values;
  const t = basis.terms;
  const start: Values = {
    use: v?.use ?? t.use,
    audience: v?.audience ?? String(t.audience),
    territory: v?.territory ?? t.territory,
    duration: v?.duration ?? t.duration,
    portion: v?.portion ?? t.portion,
    translation: basis.translation ? 'on' : '',
    kept: v ? (v.articles ?? '').split(',').filter(Boolean) : basis.articles.map((a) => a.slug),
    added: v?.addArticles ?? '',
  };
  const [now, setNow] = useState<Values>(start);
  const errors = failed?.errors ?? {};
  const kept = basis.articles.filter((a) => now.kept.includes(a.slug));
  const live = liveQuote(
    { ...now, audience: now.audience, translation: basis.translation ? 'on' : '' },
    kept,
    basis.card,
    basis.licenseeType,
  );
  const quoted = formatMoney(basis.quotedTotal, basis.currency);

  return (
    <form
      action={formAction}
      className="form decision counter-offer"
      noValidate
      aria-labelledby="counter-title"
      key={failed ? JSON.stringify(failed.values) : 'form'}
      onChange={(e) => setNow(read(e.currentTarget))}
    >
      <h3 id="counter-title">Make a counter-offer</h3>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      {failed?.code === 'conflict' && (
        <p>
          <a href={`/admin/requests/${reference}`}>Reload the request</a> to see what changed.
        </p>
      )}
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="action" value="counter" />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="changeTerms" value="1" />

      <fieldset>
        <legend>Terms</legend>
        <p className="hint">As the publisher asked; change what you offer differently.</p>
        <OptionSelect
          idPrefix="counter"
          name="use"
          label="Use"
          options={USES}
          labels={USE_LABELS}
          defaultValue={start.use}
          error={errors.use}
        />
        <Field
          id="counter-audience"
          name="audience"
          label="Audience per month"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={start.audience}
          error={errors.audience}
        />
        <OptionSelect
          idPrefix="counter"
          name="territory"
          label="Territory"
          options={TERRITORIES}
          labels={TERRITORY_LABELS}
          defaultValue={start.territory}
          error={errors.territory}
        />
        {now.territory !== 'worldwide' && (
          <Field
            key={now.territory}
            id="counter-territoryDetail"
            name="territoryDetail"
            label={now.territory === 'region' ? 'Which region?' : 'Which country?'}
            defaultValue={v?.territoryDetail ?? (now.territory === t.territory ? t.territoryDetail : '')}
            error={errors.territoryDetail}
          />
        )}
        <OptionSelect
          idPrefix="counter"
          name="duration"
          label="Duration"
          options={DURATIONS}
          labels={DURATION_LABELS}
          defaultValue={start.duration}
          error={errors.duration}
        />
        <OptionSelect
          idPrefix="counter"
          name="portion"
          label="Portion"
          options={PORTIONS}
          labels={PORTION_LABELS}
          defaultValue={start.portion}
          error={errors.portion}
        />
        <fieldset
          className={`field${errors.articles ? ' has-error' : ''}`}
          aria-describedby={errors.articles ? 'counter-articles-error' : undefined}
        >
          <legend>Articles</legend>
          {basis.articles.map((a) => (
            <span className="checkbox" key={a.slug}>
              <input
                type="checkbox"
                id={`counter-article-${a.slug}`}
                name="articles"
                value={a.slug}
                defaultChecked={start.kept.includes(a.slug)}
              />
              <label htmlFor={`counter-article-${a.slug}`}>{a.title}</label>
            </span>
          ))}
          <Field
            id="counter-addArticles"
            name="addArticles"
            label="Add articles (slugs)"
            hint="Separated by spaces or commas, e.g. harbour-wall-delays."
            autoComplete="off"
            defaultValue={start.added}
          />
          {errors.articles && (
            <p id="counter-articles-error" className="field-error">
              {errors.articles}
            </p>
          )}
        </fieldset>
      </fieldset>

      <div className="counter-price" aria-live="polite">
        <p>
          Quote for these terms:{' '}
          <strong data-testid="counter-quote">
            {live.quote ? formatMoney(live.quote.total, basis.currency) : '—'}
          </strong>
          {live.problem && <span className="hint"> {live.problem}</span>}
          {now.added && <span className="hint"> Added articles are priced when you send the offer.</span>}
        </p>
        <p className="hint">
          Quoted for the request: {quoted} (rate card version {basis.rateCardVersion}).
        </p>
      </div>
      <Field
        id="counter-fee"
        name="fee"
        label="Proposed fee (£)"
        hint="Leave empty to offer the quote for these terms."
        inputMode="decimal"
        autoComplete="off"
        defaultValue={v?.fee}
        error={errors.fee}
      />
      <Field
        id="counter-note"
        name="note"
        label="Changed terms or explanation"
        hint="The publisher sees this with the fee and the terms, and can accept or decline."
        error={errors.note}
      >
        <textarea
          id="counter-note"
          name="note"
          rows={3}
          maxLength={4000}
          defaultValue={v?.note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={['counter-note-hint', errors.note && 'counter-note-error'].filter(Boolean).join(' ')}
        />
      </Field>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Working…' : 'Send counter-offer'}
        </button>
      </p>
    </form>
  );
}
