'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState } from 'react';
import { submitCatalogueRequestAction } from '@/app/(site)/catalogue-licence/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { AI_USES, ARTICLE_USES, DURATIONS, ORG_TYPES, TERRITORIES, type OrgType } from '@/db/enums';
import type { CatalogueQuote } from '@/lib/catalogue-licences/quote';
import type { FormState } from '@/lib/errors';
import { DURATION_LABELS, LICENSEE_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';
import { CatalogueQuoteBreakdown } from './CatalogueQuoteBreakdown';
import { LicenceTermsFieldset } from '@/app/ui/forms/LicenceTermsFieldset';

/** What GET /api/catalogue-quote answers. */
export type LivePrice = { count: number; lastYearCount: number; quote: CatalogueQuote; licenseeType: OrgType };

type Props = {
  sections: string[];
  initialValues: Record<string, string>;
  initialPrice: LivePrice | null;
  /** 'publisher': may submit; 'visitor': prices as any licensee type, signs in to submit; 'staff': prices only. */
  viewer: 'publisher' | 'visitor' | 'staff' | 'no-organisation';
  organizationName?: string;
  idempotencyKey: string;
  terms: readonly string[];
  today: string;
};

const DEBOUNCE_MS = 300;

/** The form's selection and options as the query string of GET /api/catalogue-quote. */
function queryOf(form: HTMLFormElement): string {
  const fd = new FormData(form);
  const q = new URLSearchParams();
  for (const key of ['section', 'tags', 'from', 'to', 'ongoing', 'use', 'territory', 'duration', 'licenseeType'])
    for (const v of fd.getAll(key)) if (typeof v === 'string' && v !== '') q.append(key, v);
  return q.toString();
}

export function CatalogueLicenceForm(props: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(submitCatalogueRequestAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? props.initialValues;
  return (
    // React resets a form after its action; remounting with what was typed keeps the input.
    <form action={action} className="form wide" noValidate key={failed ? JSON.stringify(failed.values) : 'initial'}>
      <FormMessage message={failed?.message} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <FormBody {...props} values={values} errors={failed?.errors ?? {}} pending={pending} />
    </form>
  );
}

function FormBody({
  sections,
  values,
  errors,
  pending,
  initialPrice,
  viewer,
  organizationName,
  terms,
  today,
}: Props & { values: Record<string, string>; errors: Record<string, string>; pending: boolean }) {
  const [price, setPrice] = useState<LivePrice | null>(initialPrice);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);
  const [ongoing, setOngoing] = useState(values.ongoing === 'on');
  const [territory, setTerritory] = useState(values.territory ?? 'worldwide');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);
  const chosen = new Set((values.section ?? '').split('\n').filter(Boolean));
  const shown = { ...problems, ...errors };

  const refresh = (form: HTMLFormElement) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const res = await fetch(`/api/catalogue-quote?${queryOf(form)}`, { headers: { accept: 'application/json' } });
        const body = (await res.json()) as LivePrice | { error: string; errors?: Record<string, string> };
        if (ticket !== latest.current) return; // a later change already asked again
        if (res.ok && 'quote' in body) {
          setPrice(body);
          setProblems({});
        } else if ('error' in body) {
          setPrice(null);
          setProblems(body.errors ?? { _form: body.error });
        }
      } catch {
        if (ticket === latest.current) setProblems({ _form: 'Could not price this selection. Please try again.' });
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    }, DEBOUNCE_MS);
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const canSubmit = viewer === 'publisher';
  return (
    <div
      className="two-col"
      onChange={(e) => {
        const el = e.target as HTMLInputElement;
        if (el.name === 'ongoing') setOngoing(el.checked);
        if (el.name === 'territory') setTerritory(el.value);
        if (el.form) refresh(el.form);
      }}
    >
      <div className="form">
        <fieldset>
          <legend>Which articles</legend>
          <div className={`field${shown.section ? ' has-error' : ''}`} role="group" aria-labelledby="sections-label">
            <p id="sections-label">
              <strong>Sections</strong> <span className="hint">(none ticked: every section)</span>
            </p>
            {sections.map((s) => (
              <span className="checkbox" key={s}>
                <input type="checkbox" id={`f-section-${s}`} name="section" value={s} defaultChecked={chosen.has(s)} />
                <label htmlFor={`f-section-${s}`}>{s}</label>
              </span>
            ))}
            {shown.section && <p className="field-error">{shown.section}</p>}
          </div>
          <Field
            name="tags"
            label="Tags (optional)"
            hint="Articles with any of these tags, separated by commas."
            defaultValue={values.tags}
            error={shown.tags}
          />
          <Field name="from" label="Published from" type="date" defaultValue={values.from} error={shown.from} />
          <Field name="to" label="Published to" type="date" defaultValue={values.to} error={shown.to} />
          <span className="checkbox">
            <input type="checkbox" id="f-ongoing" name="ongoing" defaultChecked={values.ongoing === 'on'} />
            <label htmlFor="f-ongoing">Ongoing: include matching articles published while the licence runs</label>
          </span>
        </fieldset>
        <fieldset>
          <legend>How you will use them</legend>
          <Field name="use" label="Use" error={shown.use}>
            <select id="f-use" name="use" defaultValue={values.use ?? 'ai-input'}>
              <optgroup label="AI">
                {AI_USES.map((u) => (
                  <option key={u} value={u}>
                    {USE_LABELS[u]}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Publishing">
                {ARTICLE_USES.map((u) => (
                  <option key={u} value={u}>
                    {USE_LABELS[u]}
                  </option>
                ))}
              </optgroup>
            </select>
          </Field>
          <Field name="territory" label="Territory" error={shown.territory}>
            <select id="f-territory" name="territory" defaultValue={values.territory ?? 'worldwide'}>
              {TERRITORIES.map((t) => (
                <option key={t} value={t}>
                  {TERRITORY_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
          {territory !== 'worldwide' && (
            <Field
              name="territoryDetail"
              label={territory === 'region' ? 'Which region' : 'Which country'}
              defaultValue={values.territoryDetail}
              error={shown.territoryDetail}
            />
          )}
          {ongoing ? (
            <Field name="duration" label="Duration" hint="An ongoing licence runs one year.">
              <input type="hidden" name="duration" value="1y" />
              <p id="f-duration">{DURATION_LABELS['1y']}</p>
            </Field>
          ) : (
            <Field name="duration" label="Duration" error={shown.duration}>
              <select id="f-duration" name="duration" defaultValue={values.duration ?? '1y'}>
                {DURATIONS.map((d) => (
                  <option key={d} value={d}>
                    {DURATION_LABELS[d]}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {viewer !== 'publisher' && (
            <Field name="licenseeType" label="Priced as" error={shown.licenseeType}>
              <select id="f-licenseeType" name="licenseeType" defaultValue={values.licenseeType ?? 'ai_developer'}>
                {ORG_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {LICENSEE_LABELS[t]}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </fieldset>
        {canSubmit ? (
          <>
            <fieldset>
              <legend>Your request</legend>
              <Field
                name="publicationName"
                label="Product or service"
                hint="What will use the articles (a model, an answer engine, a search index, a site)."
                required
                defaultValue={values.publicationName}
                error={errors.publicationName}
              />
              <Field
                name="publicationUrl"
                label="Its web address (optional)"
                type="url"
                placeholder="https://"
                defaultValue={values.publicationUrl}
                error={errors.publicationUrl}
              />
              <Field
                name="startDate"
                label="Start date"
                type="date"
                min={today}
                required
                defaultValue={values.startDate}
                error={errors.startDate}
              />
              <Field name="notes" label="Notes for the desk (optional)" error={errors.notes}>
                <textarea id="f-notes" name="notes" rows={4} maxLength={4000} defaultValue={values.notes} />
              </Field>
            </fieldset>
            <LicenceTermsFieldset
              terms={terms}
              extra={['Copies are text only and come through the API export of your licence.']}
              accepted={values.acceptTerms === 'on'}
              error={errors.acceptTerms}
            />
            <p className="actions-row">
              <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
                {pending ? 'Submitting…' : 'Submit request'}
              </button>
              <span className="hint">Catalogue licences are agreed with the desk: it confirms or offers a price.</span>
            </p>
          </>
        ) : (
          <p className="notice info" data-testid="catalogue-sign-in">
            {viewer === 'visitor' ? (
              <>
                <Link href="/login?callbackUrl=/catalogue-licence">Sign in</Link> or{' '}
                <Link href="/register">register your organisation</Link> to request this licence.
              </>
            ) : viewer === 'staff' ? (
              'Only publishers request licences: staff review requests in the desk admin.'
            ) : (
              'Your account is not linked to an organisation, so it cannot request licences. Please contact the desk.'
            )}
          </p>
        )}
      </div>
      <aside aria-labelledby="catalogue-quote-heading">
        <div className="card sticky-quote" aria-live="polite" aria-busy={loading || undefined}>
          <h2 id="catalogue-quote-heading">Your selection</h2>
          {organizationName && price && (
            <p className="hint">
              Priced for {organizationName} ({LICENSEE_LABELS[price.licenseeType].toLowerCase()}).
            </p>
          )}
          {shown._form && <p className="notice error">{shown._form}</p>}
          {price ? (
            <CatalogueQuoteBreakdown quote={price.quote} idPrefix="catalogue-quote" />
          ) : (
            <p className="notice info">Correct the marked fields to see the price.</p>
          )}
        </div>
      </aside>
    </div>
  );
}
