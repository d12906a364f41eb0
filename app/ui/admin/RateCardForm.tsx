'use client';

import { useActionState, useMemo, useRef, useState } from 'react';
import { saveRateCardAction } from '@/app/(site)/admin/rate-card/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, USES } from '@/db/enums';
import type { RateCard } from '@/lib/quote';
import { DURATION_LABELS, LICENSEE_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';
import type { FormState } from '@/lib/errors';
import { rateCardFormSchema, rateCardInput, ROUND_TO_OPTIONS, rowCount } from '@/lib/rate-card/schema';
import { RateCardPreview } from './RateCardPreview';

const fid = (name: string) => `rc-${name.replace(/\./g, '-')}`;

type Props = {
  initial: Record<string, string>;
  current: RateCard;
  currentVersion: number;
  baseVersion: number;
  children?: React.ReactNode;
};

/** Every value of the rate card: pounds for money, decimals for multipliers, percent for volume discounts. */
export function RateCardForm({ initial, current, currentVersion, baseVersion, children }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveRateCardAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? initial;
  const errors = failed?.errors ?? {};
  const form = useRef<HTMLFormElement>(null);
  const [live, setLive] = useState<Record<string, string>>(values);
  const edited = useMemo(() => {
    const parsed = rateCardFormSchema.safeParse(rateCardInput(Object.entries(live)));
    return parsed.success ? parsed.data : null;
  }, [live]);
  const onInput = () => {
    if (form.current)
      setLive(
        Object.fromEntries(
          [...new FormData(form.current)].filter((e): e is [string, string] => typeof e[1] === 'string'),
        ),
      );
  };

  const input = (name: string, label: string, hint?: string) => (
    <Field
      key={name}
      id={fid(name)}
      name={name}
      label={label}
      hint={hint}
      inputMode="decimal"
      autoComplete="off"
      defaultValue={values[name] ?? ''}
      error={errors[name]}
    />
  );
  const bands = rowCount(values, 'audienceBands');
  const steps = rowCount(values, 'volume');
  const tiers = rowCount(values, 'catalogueTiers');

  return (
    <div className="two-col">
      <form
        ref={form}
        action={action}
        onInput={onInput}
        className="form wide"
        noValidate
        key={failed ? JSON.stringify(failed.values) : 'form'}
      >
        <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
        {baseVersion !== currentVersion && (
          <p className="notice info">
            These are the values of version {baseVersion}. Saving makes them the newest version.
          </p>
        )}
        <input type="hidden" name="currency" value={values.currency ?? current.currency} />
        <fieldset>
          <legend>Base fee per article, by use (£)</legend>
          <div className="rate-grid">{USES.map((u) => input(`baseFee.${u}`, USE_LABELS[u]))}</div>
        </fieldset>
        <fieldset>
          <legend>Licensee type (multiplier)</legend>
          <div className="rate-grid">{ORG_TYPES.map((t) => input(`licenseeType.${t}`, LICENSEE_LABELS[t]))}</div>
        </fieldset>
        <fieldset>
          <legend>Audience per month</legend>
          <p className="hint">Each band applies from its audience up to the next band. Leave a row empty to drop it.</p>
          <div className="row-grid">
            {Array.from({ length: bands }, (_, i) => [
              input(`audienceBands.${i}.min`, `Band ${i + 1}: from audience`),
              input(`audienceBands.${i}.multiplier`, `Band ${i + 1}: multiplier`),
            ])}
          </div>
          {input(
            'audienceStaffQuoteAbove',
            'Staff quote above (audience)',
            'Above this audience there is no instant price: the desk quotes.',
          )}
        </fieldset>
        <fieldset>
          <legend>Territory, duration and portion (multipliers)</legend>
          <div className="rate-grid">
            {TERRITORIES.map((t) => input(`territory.${t}`, TERRITORY_LABELS[t]))}
            {DURATIONS.map((d) => input(`duration.${d}`, DURATION_LABELS[d]))}
            {PORTIONS.map((p) => input(`portion.${p}`, PORTION_LABELS[p]))}
            {input('translation', 'Translation')}
          </div>
        </fieldset>
        <fieldset>
          <legend>Volume discount</legend>
          <p className="hint">A step applies from its number of articles per request. Leave a row empty to drop it.</p>
          <div className="row-grid">
            {Array.from({ length: steps }, (_, i) => [
              input(`volume.${i}.minArticles`, `Step ${i + 1}: from articles`),
              input(`volume.${i}.discountPercent`, `Step ${i + 1}: discount (%)`),
            ])}
          </div>
        </fieldset>
        <fieldset>
          <legend>Catalogue licences (whole sections, AI uses)</legend>
          <p className="hint">
            A selection is priced per article at the use’s base fee, in tiers: each tier prices the articles up to its
            number at its share of the fee. Leave “up to” empty on the last tier: it prices every article beyond.
          </p>
          <div className="row-grid">
            {Array.from({ length: tiers }, (_, i) => [
              input(`catalogueTiers.${i}.upTo`, `Tier ${i + 1}: up to article`),
              input(`catalogueTiers.${i}.percent`, `Tier ${i + 1}: share of the fee (%)`),
            ])}
          </div>
          {input(
            'catalogueStaffQuoteAbove',
            'Staff quote above (£)',
            'A catalogue quote above this total is priced by the desk.',
          )}
        </fieldset>
        <fieldset>
          <legend>Total</legend>
          <div className="rate-grid">
            {input('minimum', 'Minimum per request (£)')}
            <Field id={fid('roundTo')} name="roundTo" label="Round totals to" error={errors.roundTo}>
              <select id={fid('roundTo')} name="roundTo" defaultValue={values.roundTo ?? '100'}>
                {ROUND_TO_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <p>
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Saving…' : 'Save as a new version'}
          </button>
        </p>
      </form>
      <aside aria-label="Preview and versions">
        <RateCardPreview edited={edited} current={current} currentVersion={currentVersion} />
        {children}
      </aside>
    </div>
  );
}
