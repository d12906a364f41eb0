import { Field } from '@/app/ui/forms/Field';
import { OptionSelect } from '@/app/ui/quote/QuoteOptionFields';
import { DURATIONS, PORTIONS, TERRITORIES, ARTICLE_USES } from '@/db/enums';
import { formatMoney } from '@/lib/quote';
import type { CounterFormBasis } from '@/lib/requests/counter-view';
import { DURATION_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';
import { liveQuote, type LiveQuote, type OptionValues } from '@/lib/requests/options';

export type CounterValues = OptionValues & { kept: string[]; added: string };

/** The counter-offer's terms as the form holds them now. */
export function readCounter(form: HTMLFormElement): CounterValues {
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

/** The terms the counter-offer opens with: the request's own, or what was typed before an error. */
export function counterStart(basis: CounterFormBasis, v: Record<string, string> | undefined): CounterValues {
  const t = basis.terms;
  return {
    use: v?.use ?? t.use,
    audience: v?.audience ?? String(t.audience),
    territory: v?.territory ?? t.territory,
    duration: v?.duration ?? t.duration,
    portion: v?.portion ?? t.portion,
    translation: basis.translation ? 'on' : '',
    kept: v ? (v.articles ?? '').split(',').filter(Boolean) : basis.articles.map((a) => a.slug),
    added: v?.addArticles ?? '',
  };
}

/** The quote of the terms as they stand, with the engine and rate card the request was quoted on. */
export function counterQuote(basis: CounterFormBasis, now: CounterValues): LiveQuote {
  const kept = basis.articles.filter((a) => now.kept.includes(a.slug));
  return liveQuote({ ...now, translation: basis.translation ? 'on' : '' }, kept, basis.card, basis.licenseeType);
}

/**
 * The counter-offer's fields inside the decision panel: the terms — use, audience, territory,
 * duration, portion and the article list — prefilled with the request's own, the quote of the
 * changed terms beside them, and the proposed fee. The server checks and prices them again
 * (lib/requests/counter.ts).
 */
export function CounterOfferFields({
  basis,
  start,
  now,
  values: v,
  errors,
}: {
  basis: CounterFormBasis;
  start: CounterValues;
  now: CounterValues;
  values: Record<string, string> | undefined;
  errors: Record<string, string>;
}) {
  const t = basis.terms;
  const live = counterQuote(basis, now);
  const quoted = formatMoney(basis.quotedTotal, basis.currency);
  return (
    <>
      <input type="hidden" name="changeTerms" value="1" />

      <fieldset>
        <legend>Terms</legend>
        <p className="hint">As the publisher asked; change what you offer differently.</p>
        <OptionSelect
          idPrefix="counter"
          name="use"
          label="Use"
          options={ARTICLE_USES}
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
    </>
  );
}
