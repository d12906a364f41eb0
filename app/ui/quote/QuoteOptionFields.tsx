import { Field } from '@/app/ui/forms/Field';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, ARTICLE_USES, type OrgType } from '@/db/enums';
import { type OptionValues } from '@/lib/requests/options';
import { DURATION_LABELS, LICENSEE_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';

type Props = {
  /** What the inputs start with (uncontrolled: the surrounding form reads them on change). */
  defaults: Partial<OptionValues> & { territoryDetail?: string; translationLanguage?: string; licenseeType?: string };
  /** The options as they are now, to show the follow-up questions (which country, which language). */
  current: Pick<OptionValues, 'territory' | 'translation'>;
  errors?: Record<string, string>;
  /** Ask which country/region and which language (the request form does; the calculator does not). */
  withDetails?: boolean;
  /** Offer a licensee type select (visitors and staff pricing someone else's use). */
  licenseeChoice?: OrgType | null;
  idPrefix?: string;
};

/** A labelled select of one option of a use (the words from lib/requests/labels.ts). */
export function OptionSelect({
  name,
  label,
  options,
  labels,
  defaultValue,
  error,
  idPrefix,
}: {
  name: string;
  label: string;
  options: readonly string[];
  labels: Record<string, string>;
  defaultValue?: string;
  error?: string;
  idPrefix: string;
}) {
  const id = `${idPrefix}-${name}`;
  return (
    <Field name={name} label={label} error={error} id={id}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The options a price depends on, shared by the article page's calculator and the request form. */
export function QuoteOptionFields({
  defaults,
  current,
  errors = {},
  withDetails = false,
  licenseeChoice = null,
  idPrefix = 'f',
}: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="options-grid">
      {licenseeChoice && (
        <OptionSelect
          name="licenseeType"
          label="You are"
          options={ORG_TYPES}
          labels={LICENSEE_LABELS}
          defaultValue={defaults.licenseeType ?? licenseeChoice}
          idPrefix={idPrefix}
        />
      )}
      <OptionSelect
        name="use"
        label="Use"
        options={ARTICLE_USES}
        labels={USE_LABELS}
        defaultValue={defaults.use}
        error={errors.use}
        idPrefix={idPrefix}
      />
      <Field
        name="audience"
        id={id('audience')}
        label="Audience per month"
        hint="Readers, viewers or recipients."
        inputMode="numeric"
        autoComplete="off"
        defaultValue={defaults.audience}
        error={errors.audience}
      />
      <OptionSelect
        name="territory"
        label="Territory"
        options={TERRITORIES}
        labels={TERRITORY_LABELS}
        defaultValue={defaults.territory}
        error={errors.territory}
        idPrefix={idPrefix}
      />
      {withDetails && current.territory !== 'worldwide' && (
        <Field
          // A new key when the question changes, so "Which country?" and "Which region?" are separate inputs.
          key={current.territory}
          name="territoryDetail"
          id={id('territoryDetail')}
          label={current.territory === 'region' ? 'Which region?' : 'Which country?'}
          defaultValue={defaults.territoryDetail}
          error={errors.territoryDetail}
        />
      )}
      <OptionSelect
        name="duration"
        label="Duration"
        options={DURATIONS}
        labels={DURATION_LABELS}
        defaultValue={defaults.duration}
        error={errors.duration}
        idPrefix={idPrefix}
      />
      <OptionSelect
        name="portion"
        label="Portion"
        options={PORTIONS}
        labels={PORTION_LABELS}
        defaultValue={defaults.portion}
        error={errors.portion}
        idPrefix={idPrefix}
      />
      <div className={`field${errors.translation ? ' has-error' : ''}`}>
        <span className="checkbox">
          <input
            type="checkbox"
            id={id('translation')}
            name="translation"
            defaultChecked={defaults.translation === 'on'}
          />
          <label htmlFor={id('translation')}>Translation</label>
        </span>
        <p className="hint">Translations are always reviewed by the desk.</p>
      </div>
      {withDetails && current.translation === 'on' && (
        <Field
          name="translationLanguage"
          id={id('translationLanguage')}
          label="Into which language?"
          defaultValue={defaults.translationLanguage}
          error={errors.translationLanguage}
        />
      )}
    </div>
  );
}
